package org.kydp.quiz.store.jdbc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a store is the only writer of its database, so that what it keeps in memory is right without asking the
 * database again. It is when the database is an embedded H2 one ({@link JdbcConfig#isEmbeddedH2()}: H2 locks the
 * file against other processes) and no other store in this JVM has the same database open. Otherwise (PostgreSQL,
 * an H2 server, or two stores on one file) other writers may change rows behind the store's back, and every read
 * checks what is kept against a small query.
 *
 * <p>A second store opening the same embedded database takes the first one out of sole ownership at once: from
 * then on both check. Whatever the first kept until then was right, since it made every change itself.
 */
final class Ownership implements AutoCloseable {

    /** Embedded H2 databases open in this JVM, by connection URL. */
    private static final Map<String, Database> OPEN_EMBEDDED = new ConcurrentHashMap<>();

    /** An embedded database open in this JVM: how many stores have it open, and whether two ever had at once. */
    private static final class Database {
        int open;
        volatile boolean shared;
    }

    private final String url;
    private final Database database;

    private Ownership(String url, Database database) {
        this.url = url;
        this.database = database;
    }

    /** Registers a store opening this database. */
    static Ownership claim(JdbcConfig config) {
        if (!config.isEmbeddedH2()) {
            return new Ownership(null, null);
        }
        String url = config.effectiveUrl();
        Database database = OPEN_EMBEDDED.compute(url, (key, open) -> {
            Database opened = open == null ? new Database() : open;
            opened.open++;
            if (opened.open > 1) {
                opened.shared = true;
            }
            return opened;
        });
        return new Ownership(url, database);
    }

    /**
     * True while this store is the only writer of its database. Once another store has opened the same database,
     * false for good: the other store's writes may have left what this one keeps out of date.
     */
    boolean sole() {
        return database != null && !database.shared;
    }

    /** Registers the store closing. */
    @Override
    public void close() {
        if (database != null) {
            OPEN_EMBEDDED.computeIfPresent(url, (key, open) -> --open.open == 0 ? null : open);
        }
    }
}
