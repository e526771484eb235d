package org.kydp.quiz.store.jdbc;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** How the store commits a write: alone, or in a group with the writes that arrive while a commit runs. */
interface Writes extends AutoCloseable {

    /** A unit of work on an open transaction. */
    @FunctionalInterface
    interface Write<T> {
        T apply(Handle handle);
    }

    /** Runs the write in a transaction and returns once that transaction is committed (durable). */
    <T> T write(Write<T> write);

    @Override
    void close();

    /** One transaction per write, in the caller's thread. */
    static Writes oneTransactionEach(Jdbi jdbi) {
        return new Writes() {
            @Override
            public <T> T write(Write<T> write) {
                return jdbi.inTransaction(write::apply);
            }

            @Override
            public void close() {
            }
        };
    }
}
