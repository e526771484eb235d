package org.kydp.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.kydp.quiz.attempt.AnswerResult;
import org.kydp.quiz.leaderboard.Page;
import org.kydp.quiz.model.AttemptStatus;
import org.kydp.quiz.attempt.AttemptSummary;
import org.kydp.quiz.attempt.FinishResult;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.error.AlreadyAnsweredException;
import org.kydp.quiz.error.AttemptFinishedException;
import org.kydp.quiz.error.AttemptsExhaustedException;
import org.kydp.quiz.error.DeadlinePassedException;
import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.error.NotServedException;
import org.kydp.quiz.error.QuizException;
import org.kydp.quiz.error.UnauthorizedException;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.QuestionType;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.ReviewPolicy;
import org.kydp.quiz.player.Registration;

class QuizEngineTest {

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final QuizEngine engine = QuizEngine.builder().clock(clock).build();

    private String player(String name) {
        return engine.registerPlayer(name).player().id();
    }

    @Test
    void a_player_plays_a_quiz_from_start_to_finish() {
        engine.publish(SampleQuizzes.helplines());
        String asha = player("Asha");

        AttemptSummary attempt = engine.startAttempt(asha, "helplines");
        assertThat(attempt.status()).isEqualTo(AttemptStatus.IN_PROGRESS);
        assertThat(attempt.questionCount()).isEqualTo(2);

        QuestionView first = engine.currentQuestion(asha, attempt.id()).orElseThrow();
        assertThat(first.id()).isEqualTo("emergency");
        assertThat(first.index()).isZero();
        assertThat(first.type()).isEqualTo(QuestionType.SINGLE_CHOICE);
        assertThat(first.choices()).extracting(c -> c.id()).containsExactly("a", "b", "c");

        clock.advance(Duration.ofSeconds(3));
        AnswerResult right = engine.answer(asha, attempt.id(), "emergency", new Answer.Choice("b"));
        assertThat(right.correct()).contains(true);
        assertThat(right.points()).hasValue(10);
        assertThat(right.feedback().in("en", "en")).isEqualTo("Right: 112.");
        assertThat(right.correctAnswer()).contains(new Answer.Choice("b"));

        QuestionView second = engine.currentQuestion(asha, attempt.id()).orElseThrow();
        assertThat(second.id()).isEqualTo("mha");
        assertThat(second.choices()).isEmpty();
        clock.advance(Duration.ofSeconds(4));
        AnswerResult wrong = engine.answer(asha, attempt.id(), "mha", new Answer.Bool(false));
        assertThat(wrong.correct()).contains(false);
        assertThat(wrong.points()).hasValue(0);
        assertThat(wrong.score()).hasValue(10);

        assertThat(engine.currentQuestion(asha, attempt.id())).isEmpty();
        FinishResult result = engine.finish(asha, attempt.id());
        assertThat(result.score()).isEqualTo(10);
        assertThat(result.maxScore()).isEqualTo(20);
        assertThat(result.correct()).hasValue(1);
        assertThat(result.answered()).isEqualTo(2);
        assertThat(result.duration()).isEqualTo(Duration.ofSeconds(7));
        assertThat(result.rank()).isEqualTo(1);
        assertThat(result.review()).extracting(r -> r.questionId()).containsExactly("emergency", "mha");
        assertThat(engine.attempt(asha, attempt.id()).status()).isEqualTo(AttemptStatus.FINISHED);
    }

    @Test
    void serving_the_current_question_again_keeps_its_first_serving_time() {
        engine.publish(SampleQuizzes.helplines());
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "helplines").id();

        QuestionView first = engine.currentQuestion(asha, attempt).orElseThrow();
        clock.advance(Duration.ofSeconds(30));
        QuestionView again = engine.currentQuestion(asha, attempt).orElseThrow();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void the_same_answer_twice_returns_the_same_result() {
        engine.publish(SampleQuizzes.helplines());
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "helplines").id();
        engine.currentQuestion(asha, attempt);

        AnswerResult once = engine.answer(asha, attempt, "emergency", new Answer.Choice("b"));
        AnswerResult twice = engine.answer(asha, attempt, "emergency", new Answer.Choice("b"));

        assertThat(twice).isEqualTo(once);
        assertThat(engine.attempt(asha, attempt).score()).hasValue(10);
    }

    @Test
    void a_different_second_answer_is_rejected_and_the_first_stands() {
        engine.publish(SampleQuizzes.helplines());
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "helplines").id();
        engine.currentQuestion(asha, attempt);
        engine.answer(asha, attempt, "emergency", new Answer.Choice("a"));

        assertThatThrownBy(() -> engine.answer(asha, attempt, "emergency", new Answer.Choice("b")))
                .isInstanceOf(AlreadyAnsweredException.class);
        assertThat(engine.attempt(asha, attempt).score()).hasValue(0);
    }

    @Test
    void a_question_cannot_be_answered_before_it_is_served() {
        engine.publish(SampleQuizzes.helplines());
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "helplines").id();
        engine.currentQuestion(asha, attempt);

        assertThatThrownBy(() -> engine.answer(asha, attempt, "mha", new Answer.Bool(true)))
                .isInstanceOf(NotServedException.class);
        assertThat(engine.attempt(asha, attempt).answered()).isZero();
    }

    @Test
    void a_question_that_is_not_in_the_attempt_is_not_found() {
        engine.publish(SampleQuizzes.helplines());
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "helplines").id();

        assertThatThrownBy(() -> engine.answer(asha, attempt, "no-such-question", new Answer.Bool(true)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_malformed_answer_is_rejected_and_nothing_is_recorded() {
        engine.publish(SampleQuizzes.helplines());
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "helplines").id();
        engine.currentQuestion(asha, attempt);

        assertThatThrownBy(() -> engine.answer(asha, attempt, "emergency", new Answer.Bool(true)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((QuizException) e).errors()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("answer.choice")));
        assertThatThrownBy(() -> engine.answer(asha, attempt, "emergency", new Answer.Choice("z")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("no option 'z'");

        AnswerResult afterwards = engine.answer(asha, attempt, "emergency", new Answer.Choice("b"));
        assertThat(afterwards.correct()).contains(true);
    }

    @Test
    void another_players_attempt_is_not_found() {
        engine.publish(SampleQuizzes.helplines());
        String asha = player("Asha");
        String ravi = player("Ravi");
        String attempt = engine.startAttempt(asha, "helplines").id();

        assertThatThrownBy(() -> engine.attempt(ravi, attempt)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> engine.currentQuestion(ravi, attempt)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> engine.answer(ravi, attempt, "emergency", new Answer.Choice("b")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> engine.finish(ravi, attempt)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_unknown_quiz_or_attempt_is_not_found() {
        String asha = player("Asha");
        assertThatThrownBy(() -> engine.startAttempt(asha, "nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> engine.attempt(asha, "nope")).isInstanceOf(NotFoundException.class);
        assertThat(engine.quiz("nope")).isEmpty();
        assertThatThrownBy(() -> engine.leaderboard("nope", Page.of(10, 0))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_answer_within_the_grace_period_counts() {
        engine.publish(SampleQuizzes.helplines(SampleQuizzes.timed(Duration.ofSeconds(60))));
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "helplines").id();
        engine.currentQuestion(asha, attempt);

        clock.advance(Duration.ofSeconds(62));
        AnswerResult result = engine.answer(asha, attempt, "emergency", new Answer.Choice("b"));

        assertThat(result.points()).hasValue(10);
    }

    @Test
    void an_answer_after_the_deadline_and_grace_is_rejected_and_recorded_as_unanswered() {
        engine.publish(SampleQuizzes.helplines(SampleQuizzes.timed(Duration.ofSeconds(60))));
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "helplines").id();
        engine.currentQuestion(asha, attempt);

        clock.advance(Duration.ofMillis(62_001));
        assertThatThrownBy(() -> engine.answer(asha, attempt, "emergency", new Answer.Choice("b")))
                .isInstanceOf(DeadlinePassedException.class);
        assertThatThrownBy(() -> engine.answer(asha, attempt, "emergency", new Answer.Choice("b")))
                .isInstanceOf(DeadlinePassedException.class);

        AttemptSummary summary = engine.attempt(asha, attempt);
        assertThat(summary.status()).isEqualTo(AttemptStatus.EXPIRED);
        assertThat(summary.answered()).isZero();
        assertThat(summary.score()).hasValue(0);
        assertThat(engine.currentQuestion(asha, attempt)).as("an expired attempt has no current question").isEmpty();
    }

    @Test
    void finishing_an_expired_attempt_ends_it_at_its_deadline_with_what_was_answered_in_time() {
        engine.publish(SampleQuizzes.helplines(SampleQuizzes.timed(Duration.ofSeconds(60))));
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "helplines").id();
        engine.currentQuestion(asha, attempt);
        clock.advance(Duration.ofSeconds(10));
        engine.answer(asha, attempt, "emergency", new Answer.Choice("b"));

        clock.advance(Duration.ofMinutes(5));
        FinishResult result = engine.finish(asha, attempt);

        assertThat(result.score()).isEqualTo(10);
        assertThat(result.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(result.status()).isEqualTo(AttemptStatus.FINISHED);
    }

    @Test
    void finishing_within_the_grace_period_records_no_more_than_the_time_limit() {
        engine.publish(SampleQuizzes.helplines(SampleQuizzes.timed(Duration.ofSeconds(60))));
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "helplines").id();
        engine.currentQuestion(asha, attempt);
        clock.advance(Duration.ofSeconds(61));
        engine.answer(asha, attempt, "emergency", new Answer.Choice("b"));

        FinishResult result = engine.finish(asha, attempt);

        assertThat(result.score()).as("an answer in the grace period counts").isEqualTo(10);
        assertThat(result.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(engine.leaderboard("helplines", Page.of(1, 0)).entries().get(0).duration())
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void finishing_twice_returns_the_same_result_and_a_finished_attempt_takes_no_answers() {
        engine.publish(SampleQuizzes.helplines());
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "helplines").id();
        engine.currentQuestion(asha, attempt);
        engine.answer(asha, attempt, "emergency", new Answer.Choice("b"));
        clock.advance(Duration.ofSeconds(5));

        FinishResult once = engine.finish(asha, attempt);
        clock.advance(Duration.ofSeconds(5));
        FinishResult twice = engine.finish(asha, attempt);

        assertThat(twice).isEqualTo(once);
        assertThatThrownBy(() -> engine.answer(asha, attempt, "mha", new Answer.Bool(true)))
                .isInstanceOf(AttemptFinishedException.class);
        assertThat(engine.currentQuestion(asha, attempt)).as("a finished attempt has no current question").isEmpty();
        assertThat(engine.answer(asha, attempt, "emergency", new Answer.Choice("b")).points()).hasValue(10);
    }

    @Test
    void attempts_beyond_the_quizs_limit_are_refused() {
        engine.publish(SampleQuizzes.helplines(QuizRules.defaults().withAttemptsAllowed(2)));
        String asha = player("Asha");
        engine.startAttempt(asha, "helplines");
        engine.startAttempt(asha, "helplines");

        assertThatThrownBy(() -> engine.startAttempt(asha, "helplines"))
                .isInstanceOf(AttemptsExhaustedException.class)
                .hasMessageContaining("allows 2 attempts");
        assertThat(engine.startAttempt(player("Ravi"), "helplines").status()).isEqualTo(AttemptStatus.IN_PROGRESS);
    }

    @Test
    void review_after_finish_hides_results_until_the_attempt_is_finished() {
        engine.publish(SampleQuizzes.helplines(QuizRules.defaults().withReview(ReviewPolicy.AFTER_FINISH)));
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "helplines").id();
        engine.currentQuestion(asha, attempt);

        AnswerResult result = engine.answer(asha, attempt, "emergency", new Answer.Choice("b"));

        assertThat(result.correct()).isEmpty();
        assertThat(result.points()).isEmpty();
        assertThat(result.score()).isEmpty();
        assertThat(result.correctAnswer()).isEmpty();
        assertThat(result.explanation().isEmpty()).isTrue();
        assertThat(engine.attempt(asha, attempt).score()).isEmpty();
        FinishResult finished = engine.finish(asha, attempt);
        assertThat(finished.score()).isEqualTo(10);
        assertThat(finished.review()).first().satisfies(item -> {
            assertThat(item.correct()).contains(true);
            assertThat(item.correctAnswer()).contains(new Answer.Choice("b"));
        });
    }

    @Test
    void review_never_shows_only_the_score() {
        engine.publish(SampleQuizzes.helplines(QuizRules.defaults().withReview(ReviewPolicy.NEVER)));
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "helplines").id();
        engine.currentQuestion(asha, attempt);
        AnswerResult hidden = engine.answer(asha, attempt, "emergency", new Answer.Choice("b"));
        assertThat(hidden.correct()).isEmpty();
        assertThat(hidden.points()).isEmpty();
        assertThat(hidden.explanation().isEmpty()).isTrue();

        FinishResult finished = engine.finish(asha, attempt);

        assertThat(finished.score()).isEqualTo(10);
        assertThat(finished.review()).isEmpty();
    }

    @Test
    void a_registered_player_is_recognised_by_their_token_only() {
        Registration asha = engine.registerPlayer("  Asha   Rani ");

        assertThat(asha.player().name()).isEqualTo("Asha Rani");
        assertThat(engine.authenticate(asha.token())).isEqualTo(asha.player());
        assertThat(asha.player().tokenHash()).doesNotContain(asha.token());
        assertThatThrownBy(() -> engine.authenticate("not-a-token")).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> engine.authenticate(null)).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> engine.authenticate(" ")).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void tokens_carry_at_least_128_random_bits_and_never_repeat() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            tokens.add(engine.registerPlayer("P" + i).token());
        }
        assertThat(tokens).doesNotHaveDuplicates();
        assertThat(tokens).allSatisfy(token -> assertThat(token).matches("[A-Za-z0-9_-]{43}"));
        // every one of the 256 bits is set in about half the tokens: none is fixed, counted or derived from the name
        int[] set = new int[256];
        for (String token : tokens) {
            byte[] bytes = java.util.Base64.getUrlDecoder().decode(token);
            for (int bit = 0; bit < 256; bit++) {
                set[bit] += (bytes[bit / 8] >> (bit % 8)) & 1;
            }
        }
        for (int bit = 0; bit < 256; bit++) {
            assertThat(set[bit]).as("tokens with bit %d set", bit).isBetween(800, 1_200); // p = 0.5 ± 9 sd
        }
    }

    @Test
    void only_published_quizzes_are_listed() {
        engine.publish(SampleQuizzes.helplines());
        engine.administration().create(SampleQuizzes.catalogue()); // stored, never published
        engine.administration().create(renamed(SampleQuizzes.helplines(), "withdrawn"));
        engine.administration().publish("withdrawn");
        engine.administration().unpublish("withdrawn");

        assertThat(engine.quizzes()).extracting(q -> q.id()).containsExactly("helplines");
        assertThat(engine.quiz("helplines").orElseThrow().title().in("hi", "en")).isEqualTo("हेल्पलाइन");
        assertThat(engine.quiz("catalogue")).as("never published").isEmpty();
        assertThat(engine.quiz("withdrawn")).as("unpublished").isEmpty();
        assertThatThrownBy(() -> engine.startAttempt(player("Asha"), "catalogue"))
                .isInstanceOf(NotFoundException.class);
    }

    private static Quiz renamed(Quiz quiz, String id) {
        return new Quiz(id, quiz.version(), quiz.defaultLanguage(), quiz.languages(), quiz.title(),
                quiz.description(), quiz.tags(), quiz.rules(), quiz.questions());
    }

    @Test
    void concurrent_answers_to_one_question_record_exactly_one() throws Exception {
        engine.publish(SampleQuizzes.helplines());
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "helplines").id();
        engine.currentQuestion(asha, attempt);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String choice = i % 2 == 0 ? "a" : "b";
                Callable<String> submit = () -> {
                    go.await();
                    try {
                        engine.answer(asha, attempt, "emergency", new Answer.Choice(choice));
                        return choice;
                    } catch (AlreadyAnsweredException e) {
                        return "rejected";
                    }
                };
                outcomes.add(pool.submit(submit));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            List<String> accepted = results.stream().filter(r -> !r.equals("rejected")).distinct().toList();
            assertThat(accepted).hasSize(1);
            assertThat(results.stream().filter(r -> r.equals("rejected")).count()).isEqualTo(threads / 2);
            assertThat(engine.attempt(asha, attempt).answered()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
