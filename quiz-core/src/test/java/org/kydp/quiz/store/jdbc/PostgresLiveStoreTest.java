package org.kydp.quiz.store.jdbc;

import org.junit.jupiter.api.AfterEach;

import org.kydp.quiz.store.LiveStoreContract;
import org.kydp.quiz.store.Store;

/**
 * The live store contract on a real PostgreSQL: one database of the shared embedded server for the class, its live
 * sessions deleted before each test (a database per test would leave the server dozens more to delete at exit).
 */
class PostgresLiveStoreTest extends LiveStoreContract {

    private static final JdbcConfig DATABASE = TestDatabases.newPostgres();

    private JdbcStore jdbc;

    @Override
    protected Store newStore() {
        jdbc = JdbcStore.open(DATABASE);
        jdbc.jdbi().useTransaction(handle -> {
            for (String table : new String[] {"live_events", "live_answers", "live_players", "live_codes",
                    "live_sessions"}) {
                handle.execute("DELETE FROM " + table);
            }
        });
        return jdbc;
    }

    @AfterEach
    void close() {
        jdbc.close();
    }
}
