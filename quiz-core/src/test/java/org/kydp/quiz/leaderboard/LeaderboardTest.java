package org.kydp.quiz.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.AttemptGrading;
import org.kydp.quiz.model.QuizRules;

class LeaderboardTest {

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final QuizEngine engine = QuizEngine.builder().clock(clock).build();

    /** Registers a player and plays the sample quiz once. */
    private String play(String name, int right, int seconds) {
        String player = engine.registerPlayer(name).player().id();
        attempt(player, right, seconds);
        return player;
    }

    /** One attempt at the sample quiz: {@code right} correct answers (10 points each), taking {@code seconds}. */
    private void attempt(String player, int right, int seconds) {
        String attempt = engine.startAttempt(player, "helplines").id();
        engine.currentQuestion(player, attempt);
        engine.answer(player, attempt, "emergency", new Answer.Choice(right >= 1 ? "b" : "a"));
        engine.currentQuestion(player, attempt);
        engine.answer(player, attempt, "mha", new Answer.Bool(right >= 2));
        clock.advance(Duration.ofSeconds(seconds));
        engine.finish(player, attempt);
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void orders_by_score_then_duration_and_ties_share_a_rank_with_the_next_one_skipped() {
        engine.publish(SampleQuizzes.helplines());
        play("Slow", 2, 50);
        play("Fast", 2, 20);
        play("Also fast", 2, 20);
        play("Half", 1, 5);
        play("None", 0, 1);

        LeaderboardPage page = engine.leaderboard("helplines", Page.of(10, 0));

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.entries()).extracting(LeaderboardEntry::name)
                .containsExactly("Fast", "Also fast", "Slow", "Half", "None");
        assertThat(page.entries()).extracting(LeaderboardEntry::rank).containsExactly(1, 1, 3, 4, 5);
        assertThat(page.entries()).extracting(LeaderboardEntry::score).containsExactly(20, 20, 20, 10, 0);
    }

    @Test
    void a_tie_below_the_top_ranks_one_two_two_four_and_the_earlier_finish_comes_first() {
        engine.publish(SampleQuizzes.helplines());
        play("Top", 2, 10);
        play("Earlier", 1, 20);
        play("Later", 1, 20);
        play("Last", 0, 5);

        LeaderboardPage page = engine.leaderboard("helplines", Page.of(10, 0));

        assertThat(page.entries()).extracting(LeaderboardEntry::name).containsExactly("Top", "Earlier", "Later", "Last");
        assertThat(page.entries()).extracting(LeaderboardEntry::rank).containsExactly(1, 2, 2, 4);
        assertThat(engine.leaderboard("helplines", Page.of(2, 2)).entries()).extracting(LeaderboardEntry::rank)
                .as("a page starting inside a tie keeps the shared rank").containsExactly(2, 4);
    }

    @Test
    void a_finish_result_carries_the_players_all_time_rank() {
        engine.publish(SampleQuizzes.helplines());
        play("Top", 2, 10);
        String second = engine.registerPlayer("Second").player().id();
        String attempt = engine.startAttempt(second, "helplines").id();
        engine.currentQuestion(second, attempt);
        engine.answer(second, attempt, "emergency", new Answer.Choice("b"));

        assertThat(engine.finish(second, attempt).rank()).isEqualTo(2);
        assertThat(engine.finish(second, attempt).rank()).as("finishing again counts nothing twice").isEqualTo(2);
        assertThat(engine.leaderboard("helplines", Page.of(10, 0)).total()).isEqualTo(2);
    }

    @Test
    void pages_by_limit_and_offset_and_an_offset_past_the_end_is_empty() {
        engine.publish(SampleQuizzes.helplines());
        for (int i = 0; i < 5; i++) {
            play("P" + i, 2, 10 + i);
        }

        assertThat(engine.leaderboard("helplines", Page.of(2, 1)).entries()).extracting(LeaderboardEntry::name)
                .containsExactly("P1", "P2");
        assertThat(engine.leaderboard("helplines", Page.of(2, 4)).entries()).extracting(LeaderboardEntry::name)
                .containsExactly("P4");
        assertThat(engine.leaderboard("helplines", Page.of(10, 5)).entries()).isEmpty();
        assertThat(engine.leaderboard("helplines", Page.of(10, 99)).entries()).isEmpty();
        assertThat(engine.leaderboard("helplines", Page.of(10, 99)).total()).isEqualTo(5);
        assertThat(engine.leaderboard("helplines", Page.of(Integer.MAX_VALUE, Integer.MAX_VALUE)).entries()).isEmpty();
        assertThat(engine.leaderboard("helplines", Page.of(Integer.MAX_VALUE, 3)).entries()).hasSize(2);
        assertThat(engine.leaderboard("helplines", Page.of(0, 0)).entries()).isEmpty();
        assertThat(engine.leaderboard("helplines", Page.of(0, 0)).total()).isEqualTo(5);
    }

    @Test
    void a_negative_limit_offset_or_neighbour_count_is_refused() {
        engine.publish(SampleQuizzes.helplines());
        String asha = play("Asha", 1, 10);

        assertThatThrownBy(() -> Page.of(-1, 0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> Page.of(10, -1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("offset");
        assertThatThrownBy(() -> engine.leaderboardAround("helplines", Window.ALL, asha, -1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("around");
    }

    @Test
    void around_me_gives_the_rank_the_percentile_and_neighbours_clipped_at_the_ends() {
        engine.publish(SampleQuizzes.helplines());
        String[] players = new String[6];
        for (int i = 0; i < players.length; i++) {
            players[i] = play("P" + i, 2, 10 + i);
        }

        AroundMe third = engine.leaderboardAround("helplines", Window.ALL, players[2], 1).orElseThrow();
        assertThat(third.rank()).isEqualTo(3);
        assertThat(third.total()).isEqualTo(6);
        assertThat(third.percentile()).isEqualTo(66.7);
        assertThat(third.entries()).extracting(LeaderboardEntry::name).containsExactly("P1", "P2", "P3");

        assertThat(engine.leaderboardAround("helplines", Window.ALL, players[0], 2).orElseThrow().entries())
                .extracting(LeaderboardEntry::name).containsExactly("P0", "P1", "P2");
        assertThat(engine.leaderboardAround("helplines", Window.ALL, players[5], 0).orElseThrow().entries())
                .extracting(LeaderboardEntry::name).containsExactly("P5");
        assertThat(engine.leaderboardAround("helplines", Window.ALL, players[5], 0).orElseThrow().percentile()).isEqualTo(16.7);
    }

    @Test
    void a_player_who_has_not_finished_is_not_ranked() {
        engine.publish(SampleQuizzes.helplines());
        String asha = engine.registerPlayer("Asha").player().id();
        engine.startAttempt(asha, "helplines");

        assertThat(engine.leaderboard("helplines", Page.of(10, 0)).total()).isZero();
        assertThat(engine.leaderboardAround("helplines", Window.ALL, asha, 5)).isEmpty();
        assertThatThrownBy(() -> engine.leaderboardAround("nope", Window.ALL, asha, 5))
                .as("an unknown quiz").isInstanceOf(NotFoundException.class);
    }

    // ---- grading across attempts: 10 points in 30 s, then 20 in 50 s, then 20 in 5 s

    private LeaderboardEntry gradedEntry(AttemptGrading grading) {
        engine.publish(SampleQuizzes.helplines(QuizRules.defaults().withGrading(grading)));
        String asha = engine.registerPlayer("Asha").player().id();
        attempt(asha, 1, 30);
        attempt(asha, 2, 50);
        attempt(asha, 2, 5);
        play("Other", 2, 40);
        LeaderboardPage page = engine.leaderboard("helplines", Page.of(10, 0));
        assertThat(page.total()).as("each player once").isEqualTo(2);
        return page.entries().stream().filter(e -> e.name().equals("Asha")).findFirst().orElseThrow();
    }

    @Test
    void the_highest_rule_ranks_the_best_attempt() {
        LeaderboardEntry entry = gradedEntry(AttemptGrading.HIGHEST);
        assertThat(entry.score()).isEqualTo(20);
        assertThat(entry.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(entry.rank()).isEqualTo(1);
    }

    @Test
    void the_first_rule_ranks_the_first_finished_attempt() {
        LeaderboardEntry entry = gradedEntry(AttemptGrading.FIRST);
        assertThat(entry.score()).isEqualTo(10);
        assertThat(entry.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(entry.finishedAt()).isEqualTo(Instant.parse("2026-02-16T04:30:30Z"));
        assertThat(entry.rank()).isEqualTo(2);
    }

    @Test
    void the_last_rule_ranks_the_latest_finished_attempt() {
        LeaderboardEntry entry = gradedEntry(AttemptGrading.LAST);
        assertThat(entry.score()).isEqualTo(20);
        assertThat(entry.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(entry.finishedAt()).isEqualTo(Instant.parse("2026-02-16T04:33:25Z"));
    }

    @Test
    void the_average_rule_ranks_the_rounded_means_finished_at_the_latest_attempt() {
        LeaderboardEntry entry = gradedEntry(AttemptGrading.AVERAGE);
        assertThat(entry.score()).as("50 / 3 rounds to 17").isEqualTo(17);
        assertThat(entry.duration()).as("85 s / 3 rounds to 28 333 ms").isEqualTo(Duration.ofMillis(28_333));
        assertThat(entry.finishedAt()).isEqualTo(Instant.parse("2026-02-16T04:33:25Z"));
        assertThat(entry.rank()).isEqualTo(2);
    }

    @Test
    void republishing_under_another_grading_rule_re_ranks_the_quiz() {
        gradedEntry(AttemptGrading.HIGHEST);

        engine.publish(SampleQuizzes.helplines(QuizRules.defaults().withGrading(AttemptGrading.FIRST)).withVersion(2));

        LeaderboardEntry asha = engine.leaderboard("helplines", Page.of(10, 0)).entries().stream()
                .filter(e -> e.name().equals("Asha")).findFirst().orElseThrow();
        assertThat(asha.score()).isEqualTo(10);
        assertThat(asha.rank()).isEqualTo(2);
    }
}
