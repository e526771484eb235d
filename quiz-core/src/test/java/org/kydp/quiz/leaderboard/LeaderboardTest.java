package org.kydp.quiz.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Answer;

class LeaderboardTest {

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final QuizEngine engine = QuizEngine.builder().clock(clock).build();

    /** Plays the sample quiz: {@code right} correct answers, taking {@code seconds} in all. */
    private String play(String name, int right, int seconds) {
        String player = engine.registerPlayer(name).player().id();
        String attempt = engine.startAttempt(player, "helplines").id();
        engine.currentQuestion(player, attempt);
        engine.answer(player, attempt, "emergency", new Answer.Choice(right >= 1 ? "b" : "a"));
        engine.currentQuestion(player, attempt);
        engine.answer(player, attempt, "mha", new Answer.Bool(right >= 2));
        clock.advance(Duration.ofSeconds(seconds));
        engine.finish(player, attempt);
        return player;
    }

    @Test
    void orders_by_score_then_duration_and_ties_share_a_rank_with_the_next_one_skipped() {
        engine.publish(SampleQuizzes.helplines());
        play("Slow", 2, 50);
        play("Fast", 2, 20);
        play("Also fast", 2, 20);
        play("Half", 1, 5);
        play("None", 0, 1);

        LeaderboardPage page = engine.leaderboard("helplines", 10, 0);

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.entries()).extracting(LeaderboardEntry::name)
                .containsExactly("Fast", "Also fast", "Slow", "Half", "None");
        assertThat(page.entries()).extracting(LeaderboardEntry::rank).containsExactly(1, 1, 3, 4, 5);
        assertThat(page.entries()).extracting(LeaderboardEntry::score).containsExactly(20, 20, 20, 10, 0);
    }

    @Test
    void a_player_is_ranked_by_their_best_attempt_once() {
        engine.publish(SampleQuizzes.helplines());
        String asha = engine.registerPlayer("Asha").player().id();
        for (int right = 0; right <= 2; right++) {
            String attempt = engine.startAttempt(asha, "helplines").id();
            engine.currentQuestion(asha, attempt);
            engine.answer(asha, attempt, "emergency", new Answer.Choice(right >= 1 ? "b" : "a"));
            engine.finish(asha, attempt);
        }

        LeaderboardPage page = engine.leaderboard("helplines", 10, 0);

        assertThat(page.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.playerId()).isEqualTo(asha);
            assertThat(entry.score()).isEqualTo(10);
        });
    }

    @Test
    void pages_by_limit_and_offset_and_an_offset_past_the_end_is_empty() {
        engine.publish(SampleQuizzes.helplines());
        for (int i = 0; i < 5; i++) {
            play("P" + i, 2, 10 + i);
        }

        assertThat(engine.leaderboard("helplines", 2, 1).entries()).extracting(LeaderboardEntry::name)
                .containsExactly("P1", "P2");
        assertThat(engine.leaderboard("helplines", 10, 99).entries()).isEmpty();
        assertThat(engine.leaderboard("helplines", 10, 99).total()).isEqualTo(5);
    }

    @Test
    void an_unfinished_attempt_is_not_ranked() {
        engine.publish(SampleQuizzes.helplines());
        String asha = engine.registerPlayer("Asha").player().id();
        engine.startAttempt(asha, "helplines");

        assertThat(engine.leaderboard("helplines", 10, 0).total()).isZero();
    }
}
