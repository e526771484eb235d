package org.kydp.quiz.store.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.kydp.quiz.error.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one committer thread takes every write queued while its previous commit ran and commits them
 * in one transaction, so that N concurrent writers pay for one durable commit instead of N. The k-th statements
 * of the group's writes with the same SQL run as one JDBC batch, so that a group costs a few round trips rather than
 * one per write, and each write's statements still run in its own order. Each caller
 * blocks until the transaction holding its write is committed, and only then returns.
 *
 * <p>The changes the group's writes made are announced to the other stores in the group's transaction, in as few
 * notifications as fit ({@link Writes.Announcer}), so that they are heard when it commits.
 *
 * <p>If a group fails (a write breaks a constraint, the commit fails), the whole transaction is rolled back
 * and each of its writes is tried again alone, in its own transaction: a bad write fails only its own caller,
 * and when the database itself fails, every caller of the group gets an error. Nothing that was not committed
 * is ever reported as done.
 */
final class GroupCommit implements Writes {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_GROUP = 1024;

    private final Jdbi jdbi;
    private final Announcer announcer;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private final java.util.concurrent.atomic.AtomicLong transactions = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean closed;
    private volatile GroupCommitListener listener = GroupCommitListener.NONE;

    GroupCommit(Jdbi jdbi, String name) {
        this(jdbi, NOBODY_TO_TELL, name);
    }

    GroupCommit(Jdbi jdbi, Announcer announcer, String name) {
        this.jdbi = jdbi;
        this.announcer = announcer;
        this.committer = new Thread(this::run, name);
        committer.setDaemon(true);
        committer.start();
    }

    @Override
    public <T> T write(Write<T> write, Changes<T> changes) {
        return submit(new Pending<>(write, changes, null));
    }

    @Override
    public int[] execute(List<Statement> statements) {
        return submit(new Pending<int[]>(null, null, List.copyOf(statements)));
    }

    private <T> T submit(Pending<T> pending) {
        if (closed) {
            throw new StorageException("the store is closed");
        }
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            throw new StorageException("the store is closed");
        }
        try {
            return pending.result.join();
        } catch (CompletionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private void run() {
        List<Pending<?>> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                long start = System.nanoTime();
                commit(group);
                tell(group.size(), System.nanoTime() - start);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                LOG.error("group commit failed unexpectedly", e);
                group.forEach(pending -> pending.result.completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
        Pending<?> left;
        while ((left = queue.poll()) != null) {
            left.result.completeExceptionally(new StorageException("the store was closed"));
        }
    }

    /** Tells {@code listener}, from now on, of every group committed, instead of whom it told before. */
    void onCommit(GroupCommitListener listener) {
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
    }

    private void tell(int writes, long nanos) {
        try {
            listener.committed(writes, nanos);
        } catch (RuntimeException e) {
            LOG.warn("a group commit listener failed", e);
        }
    }

    /** How many transactions the committer has run so far (groups, and writes tried again alone). */
    long transactions() {
        return transactions.get();
    }

    /** How many writes wait for the committer now. */
    int queued() {
        return queue.size();
    }

    private void commit(List<Pending<?>> group) {
        List<Object> results;
        transactions.incrementAndGet();
        try {
            results = jdbi.inTransaction(handle -> {
                Object[] values = new Object[group.size()];
                List<Integer> statements = new ArrayList<>();
                for (int i = 0; i < group.size(); i++) {
                    Pending<?> pending = group.get(i);
                    if (pending.statements != null) {
                        statements.add(i);
                    } else {
                        runBatched(handle, group, statements, values);
                        values[i] = pending.write.apply(handle);
                    }
                }
                runBatched(handle, group, statements, values);
                List<Change> changed = new ArrayList<>();
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).collectChanges(values[i], changed);
                }
                announcer.announce(handle, changed);
                return java.util.Arrays.asList(values);
            });
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).result.completeExceptionally(e);
            } else {
                group.forEach(this::commitAlone);
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i), results.get(i));
        }
    }

    /**
     * Runs the statements of the given writes of the group, and puts each write's update counts in {@code values};
     * then forgets those writes. The statements run in rounds: round k runs the k-th statement of every write that
     * has one, one JDBC batch per distinct SQL in the order each first appears in the round. Each write's statements
     * thus run in their own order (a write's UPDATE of a row its INSERT made comes after that INSERT), while writes of
     * the same shape still share one batch per statement.
     */
    private static void runBatched(Handle handle, List<Pending<?>> group, List<Integer> writes, Object[] values) {
        if (writes.isEmpty()) {
            return;
        }
        int rounds = 0;
        for (int w : writes) {
            values[w] = new int[group.get(w).statements.size()];
            rounds = Math.max(rounds, group.get(w).statements.size());
        }
        for (int round = 0; round < rounds; round++) {
            Map<String, List<Integer>> bySql = new LinkedHashMap<>(); // sql -> the writes whose statement it is
            for (int w : writes) {
                List<Statement> statements = group.get(w).statements;
                if (round < statements.size()) {
                    bySql.computeIfAbsent(statements.get(round).sql(), k -> new ArrayList<>()).add(w);
                }
            }
            for (Map.Entry<String, List<Integer>> batch : bySql.entrySet()) {
                PreparedBatch prepared = handle.prepareBatch(batch.getKey());
                for (int w : batch.getValue()) {
                    prepared.bindMap(group.get(w).statements.get(round).parameters()).add();
                }
                int[] counts = prepared.execute();
                for (int i = 0; i < counts.length; i++) {
                    ((int[]) values[batch.getValue().get(i)])[round] = counts[i];
                }
            }
        }
        writes.clear();
    }

    private <T> void commitAlone(Pending<T> pending) {
        transactions.incrementAndGet();
        try {
            pending.result.complete(jdbi.inTransaction(handle -> {
                T result = pending.run(handle);
                List<Change> changed = new ArrayList<>();
                pending.collectChanges(result, changed);
                announcer.announce(handle, changed);
                return result;
            }));
        } catch (RuntimeException e) {
            pending.result.completeExceptionally(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> pending, Object result) {
        pending.result.complete((T) result);
    }

    @Override
    public void close() {
        closed = true;
        try {
            committer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A write waiting for its commit: a unit of work, or statements that may be batched with others. */
    private static final class Pending<T> {
        final Write<T> write;
        final Changes<T> changes;
        final List<Statement> statements;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Pending(Write<T> write, Changes<T> changes, List<Statement> statements) {
            this.write = write;
            this.changes = changes;
            this.statements = statements;
        }

        @SuppressWarnings("unchecked")
        T run(Handle handle) {
            return write != null ? write.apply(handle) : (T) Writes.executeEach(handle, statements, new ArrayList<>());
        }

        /** Adds the changes this write made, given what it returned (a unit's result, or the update counts). */
        @SuppressWarnings("unchecked")
        void collectChanges(Object value, List<Change> changed) {
            if (write != null) {
                changed.addAll(changes.of((T) value));
            } else {
                Writes.collectChanges(statements, (int[]) value, changed);
            }
        }
    }
}
