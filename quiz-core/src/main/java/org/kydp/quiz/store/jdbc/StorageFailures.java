package org.kydp.quiz.store.jdbc;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.jdbi.v3.core.ConnectionFactory;
import org.kydp.quiz.error.StorageException;

/**
 * Turns the database's failures to open or to connect into a {@link StorageException} that names the database and
 * says why in a user's words, whatever the pool, the driver or the migration tool called it.
 */
final class StorageFailures {

    /** H2's "Database may be already in use": another process holds the file's lock. */
    private static final String H2_FILE_IN_USE = "90020";

    private StorageFailures() {
    }

    /** The failure of opening the store on {@code url}. */
    static StorageException opening(String url, RuntimeException failure) {
        if (failure instanceof StorageException storage) {
            return storage;
        }
        return new StorageException("cannot open the database " + masked(url) + ": " + reason(failure), failure);
    }

    /** Connections from {@code dataSource}, a failure to get one being a {@link StorageException}. */
    static ConnectionFactory connections(DataSource dataSource, String url) {
        return () -> {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw new StorageException("the database " + masked(url) + " cannot be reached: " + reason(e), e);
            }
        };
    }

    /** Why, in the words of the innermost SQL error (or failure) the database gave. */
    static String reason(Throwable failure) {
        SQLException sql = innermostSql(failure);
        if (sql != null && H2_FILE_IN_USE.equals(sql.getSQLState())) {
            return "the file is in use by another process (another server, or a tool such as the H2 console, has it "
                    + "open); stop that process, or share the data through PostgreSQL";
        }
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("28")) {
            return "the user name or password was refused (" + firstLine(sql.getMessage()) + ")";
        }
        Throwable root = sql != null ? sql : rootOf(failure);
        return firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }

    /** The URL with any password in it hidden. */
    static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1<hidden>");
    }

    private static SQLException innermostSql(Throwable failure) {
        SQLException found = null;
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                found = sql;
            }
        }
        return found;
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
