package org.kydp.quiz.store.jdbc;

import org.junit.jupiter.api.AfterEach;

import org.kydp.quiz.store.Store;
import org.kydp.quiz.store.StoreContract;

/** The store contract on H2, a file database in a temporary directory. */
class H2StoreTest extends StoreContract {

    private JdbcStore jdbc;

    @Override
    protected Store newStore() {
        jdbc = JdbcStore.open(TestDatabases.newH2());
        return jdbc;
    }

    @AfterEach
    void close() {
        jdbc.close();
    }
}
