package org.kydp.quiz.store.jdbc;

import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/** How the store commits a write: alone, or in a group with the writes that arrive while a commit runs. */
interface Writes extends AutoCloseable {

    /** A unit of work on an open transaction. */
    @FunctionalInterface
    interface Write<T> {
        T apply(Handle handle);
    }

    /** One INSERT, UPDATE or DELETE with named parameters. */
    record Statement(String sql, Map<String, Object> parameters) {
    }

    /** Runs the write in a transaction and returns once that transaction is committed (durable). */
    <T> T write(Write<T> write);

    /**
     * Runs the statements, in order, in a transaction and returns their update counts once it is committed. In a
     * group, statements with the same SQL from different writes run as one JDBC batch; the writes of a group
     * must therefore not depend on each other (the engine's per-attempt lock sees to that), and each write's
     * statements keep their order.
     */
    int[] execute(List<Statement> statements);

    @Override
    void close();

    /** Runs statements one by one on a handle. */
    static int[] executeEach(Handle handle, List<Statement> statements) {
        int[] counts = new int[statements.size()];
        for (int i = 0; i < counts.length; i++) {
            Update update = handle.createUpdate(statements.get(i).sql());
            counts[i] = update.bindMap(statements.get(i).parameters()).execute();
        }
        return counts;
    }

    /** One transaction per write, in the caller's thread. */
    static Writes oneTransactionEach(Jdbi jdbi) {
        return new Writes() {
            @Override
            public <T> T write(Write<T> write) {
                return jdbi.inTransaction(write::apply);
            }

            @Override
            public int[] execute(List<Statement> statements) {
                return jdbi.inTransaction(handle -> executeEach(handle, statements));
            }

            @Override
            public void close() {
            }
        };
    }
}
