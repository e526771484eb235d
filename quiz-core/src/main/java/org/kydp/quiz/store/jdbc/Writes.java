package org.kydp.quiz.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/**
 * How the store commits a write: alone, or in a group with the writes that arrive while a commit runs. The changes
 * that a transaction's writes made are announced to the other stores in that transaction ({@link Announcer}), so that
 * they are heard if and when it commits.
 */
interface Writes extends AutoCloseable {

    /** A unit of work on an open transaction. */
    @FunctionalInterface
    interface Write<T> {
        T apply(Handle handle);
    }

    /** The changes a unit of work made, from what it returned. */
    @FunctionalInterface
    interface Changes<T> {
        List<Change> of(T result);
    }

    /** Tells the other stores on the database of the changes of a transaction, in that transaction. */
    @FunctionalInterface
    interface Announcer {
        void announce(Handle handle, List<Change> changes);
    }

    /** For a database no other store writes to while this one is open, or one where none can listen. */
    Announcer NOBODY_TO_TELL = (handle, changes) -> { };

    /**
     * One INSERT, UPDATE or DELETE with named parameters, and the change it makes known to the other stores when it
     * changes a row (null for none).
     */
    record Statement(String sql, Map<String, Object> parameters, Change change) {

        Statement(String sql, Map<String, Object> parameters) {
            this(sql, parameters, null);
        }
    }

    /** Runs the write in a transaction and returns once that transaction is committed (durable). */
    default <T> T write(Write<T> write) {
        return write(write, result -> List.of());
    }

    /** As {@link #write(Write)}, announcing the changes it made in its transaction. */
    <T> T write(Write<T> write, Changes<T> changes);

    /**
     * Runs the statements, in order, in a transaction and returns their update counts once it is committed. In a
     * group, the statements at the same position in different writes run together, one JDBC batch per SQL: each
     * write's statements run in its order, but the writes of a group interleave, so they must not depend on each
     * other (the engine's per-attempt lock sees to that).
     */
    int[] execute(List<Statement> statements);

    @Override
    void close();

    /** Runs statements one by one on a handle, adding the changes of those that changed a row. */
    static int[] executeEach(Handle handle, List<Statement> statements, List<Change> changed) {
        int[] counts = new int[statements.size()];
        for (int i = 0; i < counts.length; i++) {
            Update update = handle.createUpdate(statements.get(i).sql());
            counts[i] = update.bindMap(statements.get(i).parameters()).execute();
        }
        collectChanges(statements, counts, changed);
        return counts;
    }

    /** Adds the changes of the statements whose update count says they changed a row. */
    static void collectChanges(List<Statement> statements, int[] counts, List<Change> changed) {
        for (int i = 0; i < counts.length; i++) {
            Change change = statements.get(i).change();
            if (change != null && counts[i] != 0) {
                changed.add(change);
            }
        }
    }

    /** One transaction per write, in the caller's thread. */
    static Writes oneTransactionEach(Jdbi jdbi, Announcer announcer) {
        return new Writes() {
            @Override
            public <T> T write(Write<T> write, Changes<T> changes) {
                return jdbi.inTransaction(handle -> {
                    T result = write.apply(handle);
                    announcer.announce(handle, changes.of(result));
                    return result;
                });
            }

            @Override
            public int[] execute(List<Statement> statements) {
                return jdbi.inTransaction(handle -> {
                    List<Change> changed = new ArrayList<>();
                    int[] counts = executeEach(handle, statements, changed);
                    announcer.announce(handle, changed);
                    return counts;
                });
            }

            @Override
            public void close() {
            }
        };
    }
}
