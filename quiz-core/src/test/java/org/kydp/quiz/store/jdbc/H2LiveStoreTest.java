package org.kydp.quiz.store.jdbc;

import org.junit.jupiter.api.AfterEach;

import org.kydp.quiz.store.LiveStoreContract;
import org.kydp.quiz.store.Store;

/** The live store contract on H2, a file database in a temporary directory. */
class H2LiveStoreTest extends LiveStoreContract {

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
