package org.kydp.quiz.store.jdbc;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import javax.sql.DataSource;

/**
 * Whether a store is the only writer of its database, so that what it keeps in memory is right without asking the
 * database again. It is when the database is an embedded H2 one ({@link JdbcConfig#isEmbeddedH2()}) opened with H2's
 * file lock, which keeps other processes out, and no other store in this JVM has the same database open. Otherwise
 * (PostgreSQL, an H2 server, a file opened with {@code FILE_LOCK=NO}, or two stores on one file) other writers may
 * change rows behind the store's back, and every read checks what is kept against a small query.
 *
 * <p>Which database is open is asked of H2 itself ({@code DATABASE_PATH()}, made canonical), not read from the URL:
 * {@code jdbc:h2:file:/d/quiz}, {@code jdbc:h2:/d/quiz} and {@code jdbc:h2:/d/./quiz;LOCK_TIMEOUT=1000} are one file.
 * A second store opening the same embedded database takes the first one out of sole ownership at once: from then on
 * both check. Whatever the first kept until then was right, since it made every change itself.
 */
final class Ownership implements AutoCloseable {

    /** Embedded H2 databases open in this JVM, by canonical file path (or in-memory name). */
    private static final Map<String, Database> OPEN_EMBEDDED = new ConcurrentHashMap<>();

    /**
     * An embedded database open in this JVM: how many stores have it open, whether two ever had at once, and the
     * lock of the writes of a pending statistics row ({@link #writersHere()}).
     */
    private static final class Database {
        int open;
        volatile boolean shared;
        final ReadWriteLock pendingWrites = new ReentrantReadWriteLock();
    }

    private static final Ownership NEVER_SOLE = new Ownership(null, null);

    private final String key;
    private final Database database;

    private Ownership(String key, Database database) {
        this.key = key;
        this.database = database;
    }

    /** Registers a store opening this database, whose connections {@code dataSource} gives. */
    static Ownership claim(JdbcConfig config, DataSource dataSource) {
        if (!config.isEmbeddedH2() || config.opensWithoutFileLock()) {
            return NEVER_SOLE;
        }
        String key = identity(dataSource);
        Database database = OPEN_EMBEDDED.compute(key, (k, open) -> {
            Database opened = open == null ? new Database() : open;
            opened.open++;
            if (opened.open > 1) {
                opened.shared = true;
            }
            return opened;
        });
        return new Ownership(key, database);
    }

    /** The canonical path of the database's file, as H2 names it; for an in-memory database, its name. */
    private static String identity(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT DATABASE_PATH(), DATABASE()")) {
            row.next();
            String path = row.getString(1);
            return path == null ? "mem:" + row.getString(2) : "file:" + new File(path).getCanonicalPath();
        } catch (SQLException e) {
            throw new IllegalStateException("could not ask H2 which database is open: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True while this store is the only writer of its database. Once another store has opened the same database,
     * false for good: the other store's writes may have left what this one keeps out of date.
     */
    boolean sole() {
        return database != null && !database.shared;
    }

    /**
     * For a database every writer of which is in this JVM (an embedded H2 database opened with its file lock, by one
     * store or more): a lock that every store on it holds shared while it writes a row its statistics have yet to
     * sum, so that one holding it exclusively knows no such write is under way anywhere ({@link JdbcStatistics}
     * empties a table so). Empty where writers elsewhere cannot be known of.
     */
    Optional<ReadWriteLock> writersHere() {
        return database == null ? Optional.empty() : Optional.of(database.pendingWrites);
    }

    /** Registers the store closing. */
    @Override
    public void close() {
        if (database != null) {
            OPEN_EMBEDDED.computeIfPresent(key, (k, open) -> --open.open == 0 ? null : open);
        }
    }
}
