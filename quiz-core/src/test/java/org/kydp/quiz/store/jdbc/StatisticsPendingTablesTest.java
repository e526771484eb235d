package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.stats.QuizStatistics;
import org.kydp.quiz.stats.StatisticsFixture;
import org.kydp.quiz.stats.StatsQuery;

/**
 * The statistics' pending rows go to two tables in turn, and a table is emptied whole once every row in it is summed
 * ({@link JdbcStatistics}): each start and finish is still summed once, whichever table its row is in, whether its
 * table was emptied or not when a server stopped, and a table is never emptied while a row is being written to it.
 */
class StatisticsPendingTablesTest {

    private static final String[] TABLES = {JdbcStatistics.TABLE_A, JdbcStatistics.TABLE_B};

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", (Supplier<JdbcConfig>) TestDatabases::newH2),
                Arguments.of("PostgreSQL", (Supplier<JdbcConfig>) TestDatabases::newPostgres));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rows_summed_before_a_server_stopped_are_not_summed_again_though_their_table_was_not_emptied(
            String name, Supplier<JdbcConfig> database) {
        JdbcConfig config = database.get();
        MutableClock clock = MutableClock.at("2026-12-03T04:00:00Z");
        QuizStatistics played = playTheFixture(config, clock);
        jdbi(config).useHandle(handle -> {
            leavePending(handle, "stats_pending_a", "stats_pending_b", true);
        });

        try (JdbcStore store = JdbcStore.open(config)) {
            QuizEngine engine = engine(store, clock);
            assertThat(statistics(store).recover()).isZero();
            assertThat(engine.statistics().quiz(StatisticsFixture.QUIZ, StatsQuery.all())).isEqualTo(played);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rows_a_stopped_server_left_unsummed_in_either_table_are_summed_once(String name,
                                                                             Supplier<JdbcConfig> database) {
        JdbcConfig config = database.get();
        MutableClock clock = MutableClock.at("2026-12-03T04:00:00Z");
        QuizStatistics played = playTheFixture(config, clock);
        jdbi(config).useHandle(handle -> {
            for (String table : new String[] {"stats_days", "stats_bins", "stats_questions", "stats_responses"}) {
                handle.execute("DELETE FROM " + table);
            }
            leavePending(handle, "stats_pending_b", "stats_pending_a", false);
        });

        try (JdbcStore store = JdbcStore.open(config)) {
            QuizEngine engine = engine(store, clock);
            JdbcStatistics statistics = statistics(store);
            statistics.recover(); // beside the store's own recovery, begun as the engine was built: each row once

            assertThat(engine.statistics().quiz(StatisticsFixture.QUIZ, StatsQuery.all())).isEqualTo(played);
            assertThat(statistics.recover()).isZero();
            assertThat(unsummed(store)).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_table_is_emptied_only_once_every_row_in_it_is_summed(String name, Supplier<JdbcConfig> database) {
        try (JdbcStore store = JdbcStore.open(database.get())) {
            JdbcStatistics statistics = statistics(store);
            for (String table : TABLES) {
                store.jdbi().useHandle(handle -> handle.execute("INSERT INTO " + table
                        + " (attempt_id, part, at_ms) VALUES ('not-summed', 'F', ?)", System.currentTimeMillis()));

                assertThat(statistics.empty(table)).isFalse();
                assertThat(rows(store, table)).isEqualTo(1);

                store.jdbi().useHandle(handle -> handle.execute("UPDATE " + table + " SET summed = TRUE"));
                statistics.empty(table);
                assertThat(rows(store, table)).isZero();
            }
        }
    }

    @Test
    void on_h2_no_table_is_emptied_while_a_pending_row_is_being_written() throws Exception {
        try (JdbcStore store = JdbcStore.open(TestDatabases.newH2())) {
            JdbcStatistics statistics = statistics(store);
            String[] written = new String[1];
            CompletableFuture<Boolean> emptying = statistics.writingPending(table -> {
                written[0] = table;
                CompletableFuture<Boolean> empty = CompletableFuture.supplyAsync(() -> statistics.empty(table));
                sleep(300); // the write of the pending row is under way
                assertThat(empty).as("emptying waits for the write").isNotDone();
                store.jdbi().useHandle(handle -> handle.execute("INSERT INTO " + table
                        + " (attempt_id, part, at_ms) VALUES ('being-written', 'S', ?)", System.currentTimeMillis()));
                return empty;
            });

            assertThat(emptying.get(10, TimeUnit.SECONDS)).as("the row written meanwhile is not summed").isFalse();
            assertThat(rows(store, written[0])).isEqualTo(1);
        }
    }

    @Test
    void on_postgresql_emptying_a_table_gives_up_at_once_rather_than_wait_for_a_write_in_progress() throws Exception {
        JdbcConfig config = TestDatabases.newPostgres();
        try (JdbcStore store = JdbcStore.open(config); Handle writer = jdbi(config).open()) {
            JdbcStatistics statistics = statistics(store);
            writer.begin();
            writer.execute("INSERT INTO stats_pending_a (attempt_id, part, at_ms) VALUES ('being-written', 'S', ?)",
                    System.currentTimeMillis());

            long began = System.nanoTime();
            boolean emptied = statistics.empty(JdbcStatistics.TABLE_A);
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            writer.commit();

            assertThat(emptied).isFalse();
            assertThat(waitedMs).as("gave up at once").isLessThan(2_000L);
            assertThat(rows(store, JdbcStatistics.TABLE_A)).isEqualTo(1);
            store.jdbi().useHandle(handle -> handle.execute("UPDATE stats_pending_a SET summed = TRUE"));
            assertThat(statistics.empty(JdbcStatistics.TABLE_A)).as("once the write is done and summed").isTrue();
            assertThat(rows(store, JdbcStatistics.TABLE_A)).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void plays_written_while_the_tables_take_turns_are_each_summed_once(String name, Supplier<JdbcConfig> database)
            throws Exception {
        QuizStatistics steady = playTheFixture(database.get(), MutableClock.at("2026-12-03T04:00:00Z"));
        JdbcConfig config = database.get();
        MutableClock clock = MutableClock.at("2026-12-03T04:00:00Z");
        AtomicInteger turns = new AtomicInteger();
        try (JdbcStore store = JdbcStore.open(config)) {
            QuizEngine engine = engine(store, clock);
            AtomicBoolean playing = new AtomicBoolean(true);
            CompletableFuture<Void> turning = keepTurning(store, playing, turns);
            StatisticsFixture.play(engine, clock);
            playing.set(false);
            turning.get(30, TimeUnit.SECONDS);

            assertThat(engine.statistics().quiz(StatisticsFixture.QUIZ, StatsQuery.all())).isEqualTo(steady);
            assertThat(turns.get()).as("the writes turned to the other table while the fixture was played")
                    .isPositive();
            assertThat(unsummed(store)).isZero();
        }
    }

    /**
     * Two servers on one database (on H2, two stores on one file in this JVM), each with players on several threads,
     * while both keep turning the tables and emptying them as fast as they can: every start and finish is counted
     * once, on both servers.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void two_servers_turning_the_tables_under_load_count_every_play_once(String name, Supplier<JdbcConfig> database)
            throws Exception {
        JdbcConfig config = database.get();
        int threads = 3;
        int playsEach = 15;
        try (JdbcStore one = JdbcStore.open(config); JdbcStore other = JdbcStore.open(config)) {
            List<QuizEngine> engines = List.of(QuizEngine.builder().store(one).build(),
                    QuizEngine.builder().store(other).build());
            engines.get(0).publish(Plays.quiz());
            AtomicBoolean playing = new AtomicBoolean(true);
            AtomicInteger turns = new AtomicInteger();
            List<CompletableFuture<Void>> turning = List.of(keepTurning(one, playing, turns),
                    keepTurning(other, playing, turns));
            ExecutorService players = Executors.newFixedThreadPool(2 * threads);
            try {
                List<Future<?>> plays = new ArrayList<>();
                for (int t = 0; t < 2 * threads; t++) {
                    QuizEngine engine = engines.get(t % 2);
                    int thread = t;
                    plays.add(players.submit(() -> {
                        SplittableRandom random = new SplittableRandom(thread);
                        for (int p = 0; p < playsEach; p++) {
                            Plays.play(engine, "Player " + thread + "-" + p, random);
                        }
                        return null;
                    }));
                }
                for (Future<?> play : plays) {
                    play.get(120, TimeUnit.SECONDS);
                }
            } finally {
                players.shutdown();
                playing.set(false);
            }
            for (CompletableFuture<Void> turner : turning) {
                turner.get(30, TimeUnit.SECONDS);
            }

            statistics(one).flush(); // each server's own, summed within a second anyway
            statistics(other).flush();
            long total = 2L * threads * playsEach;
            for (QuizEngine engine : engines) {
                QuizStatistics counted = engine.statistics().quiz(Plays.QUIZ_ID, StatsQuery.all());
                assertThat(counted.started()).isEqualTo(total);
                assertThat(counted.finished()).isEqualTo(total);
            }
            assertThat(unsummed(one)).isZero();
            assertThat(turns.get()).as("the writes turned from table to table").isGreaterThan(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void the_migration_keeps_the_rows_pending_in_the_first_table(String name, Supplier<JdbcConfig> database) {
        JdbcConfig config = database.get();
        flyway(config).target("8").load().migrate();
        jdbi(config).useHandle(handle -> {
            handle.execute("INSERT INTO stats_pending (attempt_id, part, at_ms) VALUES ('a-1', 'S', 5), "
                    + "('a-1', 'F', 7), ('a-2', 'S', 6)");
        });

        flyway(config).load().migrate();

        jdbi(config).useHandle(handle -> {
            assertThat(handle.createQuery("SELECT attempt_id, part, at_ms, summed FROM stats_pending_a "
                    + "ORDER BY attempt_id, part").mapToMap().list()).containsExactly(
                    Map.of("attempt_id", "a-1", "part", "F", "at_ms", 7L, "summed", false),
                    Map.of("attempt_id", "a-1", "part", "S", "at_ms", 5L, "summed", false),
                    Map.of("attempt_id", "a-2", "part", "S", "at_ms", 6L, "summed", false));
            assertThat(handle.createQuery("SELECT COUNT(*) FROM stats_pending_b").mapTo(Integer.class).one())
                    .isZero();
            assertThat(handle.createQuery("SELECT turn FROM stats_pending_turn").mapTo(String.class).list())
                    .containsExactly("a");
        });
    }

    /**
     * While {@code playing}, has the store sum what waits and take its turn every 10 ms, as if the current table had
     * been written to long enough; counts the turns it sees.
     */
    private static CompletableFuture<Void> keepTurning(JdbcStore store, AtomicBoolean playing, AtomicInteger turns) {
        return CompletableFuture.runAsync(() -> {
            String last = turn(store);
            while (playing.get()) {
                store.jdbi().useHandle(handle -> handle.execute("UPDATE stats_pending_turn SET since_ms = 0"));
                try {
                    statistics(store).flush();
                } catch (RuntimeException e) {
                    if (!SqlErrors.isDuplicateKey(e)) {
                        throw e;
                    }
                    // two servers made the same new row of the sums at once: the round is summed again whole
                }
                statistics(store).takeTurns();
                String now = turn(store);
                turns.addAndGet(now.equals(last) ? 0 : 1);
                last = now;
                sleep(10);
            }
        });
    }

    /** Plays {@link StatisticsFixture} on a store of its own, closed before this returns, and its statistics. */
    private static QuizStatistics playTheFixture(JdbcConfig config, MutableClock clock) {
        try (JdbcStore store = JdbcStore.open(config)) {
            QuizEngine engine = engine(store, clock);
            StatisticsFixture.play(engine, clock);
            return engine.statistics().quiz(StatisticsFixture.QUIZ, StatsQuery.all());
        }
    }

    /**
     * Leaves the pending rows a stopped server would have left: every start's in {@code starts}, every finish's in
     * {@code finishes}, marked summed or not; nothing else pending.
     */
    private static void leavePending(Handle handle, String starts, String finishes, boolean summed) {
        emptyBothTables(handle);
        handle.createUpdate("INSERT INTO " + starts + " (attempt_id, part, at_ms, summed) "
                + "SELECT attempt_id, 'S', 0, :summed FROM attempts").bind("summed", summed).execute();
        handle.createUpdate("INSERT INTO " + finishes + " (attempt_id, part, at_ms, summed) "
                + "SELECT attempt_id, 'F', 0, :summed FROM attempts WHERE finished_at_ms IS NOT NULL")
                .bind("summed", summed).execute();
    }

    private static void emptyBothTables(Handle handle) {
        for (String table : TABLES) {
            handle.execute("DELETE FROM " + table);
        }
    }

    private static String turn(JdbcStore store) {
        return store.jdbi().withHandle(handle -> handle.createQuery("SELECT turn FROM stats_pending_turn")
                .mapTo(String.class).one());
    }

    private static int rows(JdbcStore store, String table) {
        return store.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table)
                .mapTo(Integer.class).one());
    }

    private static int unsummed(JdbcStore store) {
        int unsummed = 0;
        for (String table : TABLES) {
            unsummed += store.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table
                    + " WHERE summed = FALSE").mapTo(Integer.class).one());
        }
        return unsummed;
    }

    private static JdbcStatistics statistics(JdbcStore store) {
        return (JdbcStatistics) store.statistics();
    }

    private static QuizEngine engine(JdbcStore store, MutableClock clock) {
        return QuizEngine.builder().store(store).clock(clock).zone(ZoneId.of("Asia/Kolkata")).build();
    }

    private static Jdbi jdbi(JdbcConfig config) {
        return Jdbi.create(config.effectiveUrl(), config.user(), Objects.requireNonNullElse(config.password(), ""));
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(JdbcConfig config) {
        return Flyway.configure().dataSource(config.effectiveUrl(), config.user(), config.password())
                .locations(JdbcStore.MIGRATIONS).table(JdbcStore.HISTORY_TABLE);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
