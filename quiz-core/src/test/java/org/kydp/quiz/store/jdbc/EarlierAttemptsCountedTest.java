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
 * A database from a release without statistics holds attempts no running sum counts: the first engine to start on
 * it counts them in, once. (Such a database is made here by playing, then emptying the sums and marking the attempts
 * uncounted, as migration V8 leaves the attempts of an earlier release.)
 */
class EarlierAttemptsCountedTest {

    @Test
    void the_first_engine_to_start_counts_in_the_attempts_stored_before_statistics_were_kept() {
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
                handle.execute("UPDATE attempts SET stats_counted = 0, stats_token = NULL");
                handle.execute("INSERT INTO stats_backfill (pending) VALUES (1)");
            });
            assertThat(engine.statistics().quiz(StatisticsFixture.QUIZ, StatsQuery.all()).started()).isZero();
        }

        try (JdbcStore store = JdbcStore.open(database)) {
            QuizStatistics counted = engine(store, clock).statistics().quiz(StatisticsFixture.QUIZ, StatsQuery.all());
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
