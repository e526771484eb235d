package org.kydp.quiz.store.jdbc;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleCallbackDecorator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

import org.kydp.quiz.store.StoreTimeoutException;

/**
 * Every statement the store runs through JDBI gets a query timeout, and one that runs out fails its caller with a
 * {@link StoreTimeoutException} that says so, whatever the database's own words for it. Without a timeout, a
 * statement waiting for a row lock that another connection holds (or on a database that stopped answering) waits
 * for good, and with it, through group commit, every writer queued behind it. On H2, where a wait for a lock ends
 * only by H2's own lock timeout, each connection of the pool gets that set to the same time
 * ({@link JdbcConfig#h2LockTimeoutStatement()}).
 *
 * <p>The migrations and the H2 compaction use the pool without JDBI, and so without this timeout: a migration of a
 * large database may take longer.
 */
final class StatementTimeouts implements HandleCallbackDecorator {

    private final HandleCallbackDecorator previous;
    private final int seconds;

    private StatementTimeouts(HandleCallbackDecorator previous, int seconds) {
        this.previous = previous;
        this.seconds = seconds;
    }

    /** Gives every statement of {@code jdbi} a timeout of {@code seconds}, and names the failure of one that ends so. */
    static void apply(Jdbi jdbi, int seconds) {
        jdbi.getConfig(SqlStatements.class).setQueryTimeout(seconds);
        jdbi.setHandleCallbackDecorator(new StatementTimeouts(jdbi.getHandleCallbackDecorator(), seconds));
    }

    @Override
    public <R, X extends Exception> HandleCallback<R, X> decorate(HandleCallback<R, X> callback) {
        HandleCallback<R, X> decorated = previous.decorate(callback);
        return handle -> {
            try {
                return decorated.withHandle(handle);
            } catch (StoreTimeoutException e) {
                throw e;
            } catch (RuntimeException e) {
                if (SqlErrors.isTimeout(e)) {
                    throw new StoreTimeoutException("the database did not complete a statement within the "
                            + "statement timeout of " + seconds + " s, and it was cancelled", e);
                }
                throw e;
            }
        };
    }
}
