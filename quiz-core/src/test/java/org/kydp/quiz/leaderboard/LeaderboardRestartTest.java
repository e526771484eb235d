package org.kydp.quiz.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.AttemptGrading;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.store.InMemoryStore;

/** An engine started over a store ranks exactly as the engine that filled the store did. */
class LeaderboardRestartTest {

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final InMemoryStore store = new InMemoryStore();
    private final List<String> quizIds = List.of("highest", "first", "last", "average");

    private static Quiz quiz(String id, AttemptGrading grading) {
        Quiz sample = SampleQuizzes.helplines(QuizRules.defaults().withGrading(grading));
        return new Quiz(id, 1, sample.defaultLanguage(), sample.languages(), sample.title(), sample.description(),
                sample.tags(), sample.rules(), sample.questions());
    }

    @Test
    void a_second_engine_over_the_same_store_gives_the_same_pages_ranks_and_neighbours() {
        QuizEngine first = QuizEngine.builder().store(store).clock(clock).build();
        for (String id : quizIds) {
            first.publish(quiz(id, AttemptGrading.fromWireName(id)));
        }
        Random random = new Random(4);
        List<String> players = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            players.add(first.registerPlayer("P" + i).player().id());
        }
        for (int day = 0; day < 3; day++) { // attempts over three days, so the day window holds only some
            for (int i = 0; i < 120; i++) {
                String player = players.get(random.nextInt(players.size()));
                String quiz = quizIds.get(random.nextInt(quizIds.size()));
                String attempt = first.startAttempt(player, quiz).id();
                first.currentQuestion(player, attempt);
                first.answer(player, attempt, "emergency", new Answer.Choice(random.nextBoolean() ? "b" : "a"));
                clock.advance(Duration.ofMillis(random.nextInt(4) * 1000L)); // ties in duration happen
                first.finish(player, attempt);
            }
            clock.advance(Duration.ofHours(20));
        }

        QuizEngine second = QuizEngine.builder().store(store).clock(clock).build();

        for (String quiz : quizIds) {
            for (Window window : Window.values()) {
                LeaderboardPage page = first.leaderboard(quiz, window, Page.of(100, 0));
                assertThat(page.total()).isPositive();
                assertThat(second.leaderboard(quiz, window, Page.of(100, 0))).as(quiz + " " + window).isEqualTo(page);
                for (LeaderboardEntry entry : page.entries()) {
                    assertThat(second.leaderboardAround(quiz, window, entry.playerId(), 3))
                            .isEqualTo(first.leaderboardAround(quiz, window, entry.playerId(), 3));
                }
            }
        }
        assertThat(first.leaderboard("highest", Window.DAY, Page.of(100, 0)).total())
                .isLessThan(first.leaderboard("highest", Window.ALL, Page.of(100, 0)).total());
    }
}
