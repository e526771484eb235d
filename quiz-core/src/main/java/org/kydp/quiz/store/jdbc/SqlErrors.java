package org.kydp.quiz.store.jdbc;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Set;
import java.util.function.Predicate;

/** Reads what went wrong from the SQL state of a failure, the same on PostgreSQL and H2. */
final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * A statement cancelled (PostgreSQL's {@code query_canceled}, also H2's), a wait for a lock that ran out (H2's
     * lock timeout, PostgreSQL's {@code lock_not_available} under a {@code lock_timeout}).
     */
    private static final Set<String> TIMED_OUT = Set.of("57014", "HYT00", "55P03");

    private SqlErrors() {
    }

    /** Whether the failure is a row that would have duplicated a primary or unique key. */
    static boolean isDuplicateKey(Throwable failure) {
        return anySqlException(failure, sql -> UNIQUE_VIOLATION.equals(sql.getSQLState()));
    }

    /** Whether the failure is a statement that ran past its timeout, or a wait for a lock past the lock timeout. */
    static boolean isTimeout(Throwable failure) {
        return anySqlException(failure,
                sql -> sql instanceof SQLTimeoutException || TIMED_OUT.contains(sql.getSQLState()));
    }

    /** Whether a SQL exception among the causes of the failure, or the exceptions chained to one, is such. */
    private static boolean anySqlException(Throwable failure, Predicate<SQLException> such) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException each = sql; each != null; each = each.getNextException()) {
                    if (such.test(each)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
