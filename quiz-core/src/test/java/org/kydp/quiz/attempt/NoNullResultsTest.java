package org.kydp.quiz.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kydp.quiz.MutableClock;
import org.kydp.quiz.NullComponents;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.leaderboard.Page;
import org.kydp.quiz.leaderboard.Window;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.ReviewPolicy;
import org.kydp.quiz.model.ReviewTiming;
import org.kydp.quiz.stats.StatsQuery;

/**
 * Whatever the review policy, no result the engine hands an embedder has a null in it: every record component, and
 * every component of the records, lists, maps and optionals in it, all the way down, is there.
 */
class NoNullResultsTest {

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final QuizEngine engine = SampleQuizzes.seeded(7).clock(clock).build();
    private final Map<String, Answer> right = SampleQuizzes.catalogueRightAnswers();

    static Stream<ReviewPolicy> policies() {
        return Stream.of(ReviewPolicy.AFTER_EACH_ANSWER, ReviewPolicy.AFTER_FINISH, ReviewPolicy.NEVER,
                new ReviewPolicy(ReviewTiming.AFTER_EACH_ANSWER, ReviewTiming.NEVER, ReviewTiming.AFTER_FINISH,
                        ReviewTiming.AFTER_EACH_ANSWER, ReviewTiming.NEVER));
    }

    @ParameterizedTest
    @MethodSource("policies")
    void a_play_under_any_review_policy_returns_no_nulls(ReviewPolicy policy) {
        engine.publish(SampleQuizzes.catalogue(rules -> rules.withReview(policy)));
        String asha = engine.registerPlayer("Asha").player().id();
        String attempt = engine.startAttempt(asha, "catalogue").id();
        List<Object> results = new ArrayList<>();
        results.add(engine.attempt(asha, attempt));
        for (Optional<QuestionView> question = engine.currentQuestion(asha, attempt); question.isPresent();
                question = engine.currentQuestion(asha, attempt)) {
            results.add(question.get());
            if (question.get().index() == question.get().count() - 1) {
                break; // the last question is left unanswered, so that the review has an item without an answer
            }
            results.add(engine.answer(asha, attempt, question.get().id(), right.get(question.get().id())));
            results.add(engine.attempt(asha, attempt));
        }
        results.add(engine.finish(asha, attempt));
        results.add(engine.attempt(asha, attempt));
        results.add(engine.leaderboard("catalogue", Window.ALL, Page.of(10, 0)));
        results.add(engine.leaderboardAround("catalogue", Window.ALL, asha, 5).orElseThrow());
        results.add(engine.statistics().quiz("catalogue", StatsQuery.all()));

        assertThat(results).allSatisfy(result -> assertThat(
                NullComponents.in(result, result.getClass().getSimpleName()))
                .as("null components").isEmpty());
    }

    @Test
    void the_check_finds_a_null_deep_in_a_result() {
        Languages missing = new Languages(null, List.of("en"));

        assertThat(NullComponents.in(List.of(Optional.of(missing)), "results"))
                .containsExactly("results[0].defaultLanguage");
    }
}
