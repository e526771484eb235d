package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final String url = "jdbc:h2:mem:group-commit-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    private final Jdbi jdbi = Jdbi.create(() -> {
        if (databaseDown.get()) {
            throw new SQLException("the database is down");
        }
        return DriverManager.getConnection(url);
    });
    private final GroupCommit commit;
    private final ExecutorService callers = Executors.newFixedThreadPool(16);

    GroupCommitTest() {
        jdbi.useHandle(handle -> handle.execute("CREATE TABLE rows_written (k VARCHAR(64) PRIMARY KEY)"));
        commit = new GroupCommit(jdbi, "test-group-commit");
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        commit.close();
        jdbi.useHandle(handle -> handle.execute("DROP ALL OBJECTS"));
    }

    private static int insert(Handle handle, String key) {
        return handle.execute("INSERT INTO rows_written (k) VALUES (?)", key);
    }

    private List<String> rows() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT k FROM rows_written ORDER BY k")
                .mapTo(String.class).list());
    }

    /** Holds the committer in a write until released, so that the writes queued meanwhile form one group. */
    private Future<?> holdTheCommitter(CountDownLatch release) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Future<?> held = callers.submit(() -> commit.write(handle -> {
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return insert(handle, "held");
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        return held;
    }

    private void awaitQueued(int writes) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (queued() < writes && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(queued()).isEqualTo(writes);
    }

    private int queued() {
        return commit.queued();
    }

    @Test
    void writes_queued_while_a_commit_runs_are_committed_together_and_each_caller_gets_its_result() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<?> held = holdTheCommitter(release);
        List<Future<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String key = "k" + i;
            writes.add(callers.submit(() -> commit.write(handle -> insert(handle, key))));
        }
        awaitQueued(10);
        long before = commit.transactions();

        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        for (Future<Integer> write : writes) {
            assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }

        assertThat(commit.transactions() - before).as("one transaction for the ten queued writes").isEqualTo(1);
        assertThat(rows()).hasSize(11);
    }

    @Test
    void the_listener_is_told_of_each_group_with_its_size_and_how_long_it_took() throws Exception {
        List<long[]> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        commit.onCommit((writes, nanos) -> told.add(new long[] {writes, nanos}));
        CountDownLatch release = new CountDownLatch(1);
        Future<?> held = holdTheCommitter(release);
        List<Future<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String key = "k" + i;
            writes.add(callers.submit(() -> commit.write(handle -> insert(handle, key))));
        }
        awaitQueued(5);
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        for (Future<Integer> write : writes) {
            write.get(10, TimeUnit.SECONDS);
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (told.size() < 2 && System.nanoTime() < end) { // told after the callers are answered
            Thread.sleep(5);
        }

        assertThat(told).extracting(group -> group[0]).containsExactly(1L, 5L);
        assertThat(told).allSatisfy(group -> assertThat(group[1]).isPositive());
    }

    @Test
    void each_write_of_a_group_runs_its_statements_in_its_own_order() throws Exception {
        jdbi.useHandle(handle -> handle.execute("CREATE TABLE counters (k VARCHAR(64) PRIMARY KEY, n INTEGER)"));
        jdbi.useHandle(handle -> handle.execute("INSERT INTO counters (k, n) VALUES ('x', 0)"));
        String update = "UPDATE counters SET n = n + 1 WHERE k = :k";
        String insert = "INSERT INTO counters (k, n) VALUES (:k, 0)";
        CountDownLatch release = new CountDownLatch(1);
        Future<?> held = holdTheCommitter(release);
        Future<int[]> first = callers.submit(() -> commit.execute(List.of(
                new Writes.Statement(update, java.util.Map.of("k", "x")))));
        awaitQueued(1);
        Future<int[]> second = callers.submit(() -> commit.execute(List.of(
                new Writes.Statement(insert, java.util.Map.of("k", "y")),
                new Writes.Statement(update, java.util.Map.of("k", "y")))));
        awaitQueued(2);
        long before = commit.transactions();

        release.countDown();
        held.get(10, TimeUnit.SECONDS);

        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(1);
        assertThat(second.get(10, TimeUnit.SECONDS)).as("the INSERT, then the UPDATE of the row it made")
                .containsExactly(1, 1);
        assertThat(commit.transactions() - before).as("both writes in one group").isEqualTo(1);
        List<String> counters = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT k || '=' || n FROM counters ORDER BY k").mapTo(String.class).list());
        assertThat(counters).containsExactly("x=1", "y=1");
    }

    @Test
    void a_failing_write_fails_only_its_caller_and_leaves_nothing_behind() throws Exception {
        jdbi.useHandle(handle -> insert(handle, "taken"));
        CountDownLatch release = new CountDownLatch(1);
        Future<?> held = holdTheCommitter(release);
        Future<Integer> before = callers.submit(() -> commit.write(handle -> insert(handle, "before")));
        awaitQueued(1);
        Future<Integer> failing = callers.submit(() -> commit.write(handle -> {
            insert(handle, "partial");
            return insert(handle, "taken");
        }));
        awaitQueued(2);
        Future<Integer> after = callers.submit(() -> commit.write(handle -> insert(handle, "after")));
        awaitQueued(3);

        release.countDown();
        held.get(10, TimeUnit.SECONDS);

        assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(SqlErrors.isDuplicateKey(e)).isTrue());
        assertThat(rows()).containsExactly("after", "before", "held", "taken");
    }

    @Test
    void when_the_database_fails_every_caller_of_the_group_gets_an_error_and_nothing_is_acknowledged()
            throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<?> held = holdTheCommitter(release);
        List<Future<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String key = "lost" + i;
            writes.add(callers.submit(() -> commit.write(handle -> insert(handle, key))));
        }
        awaitQueued(5);
        databaseDown.set(true);

        release.countDown();
        held.get(10, TimeUnit.SECONDS);

        for (Future<Integer> write : writes) {
            assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("the database is down");
        }
        databaseDown.set(false);
        int later = commit.write(handle -> insert(handle, "later"));
        assertThat(later).isEqualTo(1);
        assertThat(rows()).containsExactly("held", "later");
    }

    @Test
    void many_concurrent_writers_share_far_fewer_transactions_than_writes() throws Exception {
        int writers = 16;
        int each = 50;
        long before = commit.transactions();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(callers.submit(() -> {
                for (int i = 0; i < each; i++) {
                    String key = writer + "-" + i;
                    commit.write(handle -> insert(handle, key));
                }
            }));
        }
        for (Future<?> writer : done) {
            writer.get(60, TimeUnit.SECONDS);
        }

        assertThat(rows()).hasSize(writers * each);
        assertThat(commit.transactions() - before).isLessThan(writers * each);
    }

    @Test
    void a_closed_group_commit_refuses_writes() {
        commit.close();

        assertThatThrownBy(() -> commit.write(handle -> insert(handle, "late")))
                .isInstanceOf(org.kydp.quiz.error.StorageException.class).hasMessageContaining("closed");
    }
}
