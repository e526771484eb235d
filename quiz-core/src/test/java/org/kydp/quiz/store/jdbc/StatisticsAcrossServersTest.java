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
 * Two servers on one PostgreSQL database: what one server's plays add to the statistics shows on the other within
 * a second (each sums its own twice a second), and the figures are the same on both.
 */
class StatisticsAcrossServersTest {

    @Test
    void one_servers_plays_show_in_the_others_statistics_within_a_second() throws InterruptedException {
        JdbcConfig database = TestDatabases.newPostgres();
        MutableClock clock = MutableClock.at("2026-12-03T04:00:00Z");
        try (JdbcStore one = JdbcStore.open(database); JdbcStore other = JdbcStore.open(database)) {
            QuizEngine playing = engine(one, clock);
            QuizEngine reading = engine(other, clock);
            StatisticsFixture.play(playing, clock);
            QuizStatistics here = playing.statistics().quiz(StatisticsFixture.QUIZ, StatsQuery.all());

            long deadline = System.nanoTime() + 5_000_000_000L;
            QuizStatistics there = reading.statistics().quiz(StatisticsFixture.QUIZ, StatsQuery.all());
            while (!there.equals(here) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                there = reading.statistics().quiz(StatisticsFixture.QUIZ, StatsQuery.all());
            }

            assertThat(here.finished()).isEqualTo(5);
            assertThat(there).isEqualTo(here);
        }
    }

    private static QuizEngine engine(JdbcStore store, MutableClock clock) {
        return QuizEngine.builder().store(store).clock(clock).zone(ZoneId.of("Asia/Kolkata")).build();
    }
}
