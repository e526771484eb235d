package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.stats.QuizStatistics;
import org.kydp.quiz.stats.StatisticsFixture;
import org.kydp.quiz.stats.StatsQuery;

/**
 * Attempts no running sum counts — those of a database from a release without statistics, or those a server stopped
 * before it summed them — are counted in, once, by the next engine to start on the database. (Such a database is
 * made here by playing, then emptying the sums and marking every start and finish pending, as migration V8 leaves the
 * attempts of an earlier release and as a server killed before it summed leaves its last second of attempts: the
 * starts in one of the two tables the pending rows go to in turn, the finishes in the other, since a server may stop
 * with rows left in both.)
 */
class EarlierAttemptsCountedTest {

    @Test
    void attempts_left_uncounted_are_counted_in_once_by_the_next_engine_to_start() throws InterruptedException {
        JdbcConfig database = TestDatabases.newH2();
        MutableClock clock = MutableClock.at("2026-12-03T04:00:00Z");
        QuizStatistics played;
        try (JdbcStore store = JdbcStore.open(database)) {
            QuizEngine engine = engine(store, clock);
            StatisticsFixture.play(engine, clock);
            played = engine.statistics().quiz(StatisticsFixture.QUIZ, StatsQuery.all());
            store.jdbi().useHandle(handle -> {
                for (String table : new String[] {"stats_days", "stats_bins", "stats_questions", "stats_responses"}) {
                    handle.execute("DELETE FROM " + table);
                }
                handle.execute("DELETE FROM stats_pending_a");
                handle.execute("DELETE FROM stats_pending_b");
                handle.execute("INSERT INTO stats_pending_a (attempt_id, part, at_ms) "
                        + "SELECT attempt_id, 'S', started_at_ms FROM attempts");
                handle.execute("INSERT INTO stats_pending_b (attempt_id, part, at_ms) "
                        + "SELECT attempt_id, 'F', finished_at_ms FROM attempts WHERE finished_at_ms IS NOT NULL");
            });
            assertThat(engine.statistics().quiz(StatisticsFixture.QUIZ, StatsQuery.all()).started()).isZero();
        }

        try (JdbcStore store = JdbcStore.open(database)) {
            QuizEngine engine = engine(store, clock);
            QuizStatistics counted = engine.statistics().quiz(StatisticsFixture.QUIZ, StatsQuery.all());
            for (int wait = 0; wait < 300 && !counted.equals(played); wait++) {
                Thread.sleep(100); // the store counts them in its own thread, from its start on
                counted = engine.statistics().quiz(StatisticsFixture.QUIZ, StatsQuery.all());
            }
            assertThat(counted).isEqualTo(played);
            assertThat(counted.finished()).isEqualTo(5);
        }
        try (JdbcStore store = JdbcStore.open(database)) {
            assertThat(engine(store, clock).statistics().quiz(StatisticsFixture.QUIZ, StatsQuery.all()))
                    .as("counted once, not again at the next start").isEqualTo(played);
        }
    }

    private static QuizEngine engine(JdbcStore store, MutableClock clock) {
        return QuizEngine.builder().store(store).clock(clock).zone(ZoneId.of("Asia/Kolkata")).build();
    }
}
