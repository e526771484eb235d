package org.kydp.quiz.store.jdbc;

import org.junit.jupiter.api.AfterEach;

import org.kydp.quiz.store.Store;
import org.kydp.quiz.store.StoreContract;

/** The store contract on a real PostgreSQL: each test on a fresh database of the shared embedded server. */
class PostgresStoreTest extends StoreContract {

    private JdbcStore jdbc;

    @Override
    protected Store newStore() {
        jdbc = JdbcStore.open(TestDatabases.newPostgres());
        return jdbc;
    }

    @AfterEach
    void close() {
        jdbc.close();
    }
}
