package org.kydp.quiz.store.jdbc;

import java.sql.SQLException;

/** Reads what went wrong from the SQL state of a failure, the same on PostgreSQL and H2. */
final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    /** Whether the failure is a row that would have duplicated a primary or unique key. */
    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException each = sql; each != null; each = each.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(each.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
