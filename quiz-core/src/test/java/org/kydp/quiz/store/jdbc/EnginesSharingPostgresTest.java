package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.attempt.AnswerResult;
import org.kydp.quiz.attempt.FinishResult;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.error.AlreadyAnsweredException;
import org.kydp.quiz.error.AttemptFinishedException;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.store.StoreListener;

/**
 * Two engines, each with its own store, on one PostgreSQL database, as two servers have them. Each store keeps the
 * attempts it plays in memory and hears of the other's changes a little late. Here the engine "here" acts on an
 * attempt that the engine "elsewhere" changed and of which its store has not heard yet (its notifications are held
 * back, as a slow network would): every reply is the one the attempt as stored gives, exactly as if it had heard.
 */
class EnginesSharingPostgresTest {

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final JdbcConfig database = TestDatabases.newPostgres();
    private final JdbcStore hereStore = JdbcStore.open(database);
    private final JdbcStore elsewhereStore = JdbcStore.open(database);
    private final QuizEngine here = QuizEngine.builder().store(hereStore).clock(clock).build();
    private final QuizEngine elsewhere = QuizEngine.builder().store(elsewhereStore).clock(clock).build();
    private final CountDownLatch heldBack = new CountDownLatch(1);
    private final String asha;

    EnginesSharingPostgresTest() {
        here.publish(SampleQuizzes.helplines(SampleQuizzes.timed(Duration.ofMinutes(10))
                .withQuestionTimeLimit(Duration.ofSeconds(20))));
        asha = here.registerPlayer("Asha").player().id();
    }

    @AfterEach
    void close() {
        heldBack.countDown();
        hereStore.close();
        elsewhereStore.close();
    }

    /**
     * From now on, the store "here" hears nothing more of the changes made elsewhere until the test ends: its
     * listening thread is kept busy by a listener told of an attempt finished elsewhere, as a slow network would
     * hold the notifications back. It still counts as listening, so it reads what it keeps without checking it.
     */
    private void holdBackWhatHereHears() throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        String blocker = elsewhere.startAttempt(asha, "helplines").id();
        hereStore.addListener(new StoreListener() {
            @Override
            public void onAttemptFinishedElsewhere(String attemptId) {
                if (attemptId.equals(blocker)) {
                    holding.countDown();
                    awaitRelease();
                }
            }
        });
        elsewhere.finish(asha, blocker);
        assertThat(holding.await(10, TimeUnit.SECONDS)).as("the listening thread is held").isTrue();
        assertThat(hereStore.hearsEveryChange()).isTrue();
    }

    private void awaitRelease() {
        try {
            heldBack.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The attempt as the store "here" keeps it: what it would play on without the database's word. */
    private Attempt keptHere(String attemptId) {
        return hereStore.attempts().find(attemptId).orElseThrow();
    }

    @Test
    void an_answer_given_elsewhere_and_given_again_here_gets_the_same_result_and_a_different_one_is_refused()
            throws Exception {
        String attempt = here.startAttempt(asha, "helplines").id();
        here.currentQuestion(asha, attempt);
        holdBackWhatHereHears();

        AnswerResult first = elsewhere.answer(asha, attempt, "emergency", new Answer.Choice("b"));
        assertThat(keptHere(attempt).answers()).as("not heard of here").isEmpty();

        assertThat(here.answer(asha, attempt, "emergency", new Answer.Choice("b"))).isEqualTo(first);
        assertThatThrownBy(() -> here.answer(asha, attempt, "emergency", new Answer.Choice("a")))
                .isInstanceOf(AlreadyAnsweredException.class);
        assertThat(hereStore.attempts().findCurrent(attempt).orElseThrow().answers()).hasSize(1);
    }

    @Test
    void a_question_served_elsewhere_is_answered_here_against_its_first_serving_time() throws Exception {
        String attempt = here.startAttempt(asha, "helplines").id();
        here.currentQuestion(asha, attempt);
        here.answer(asha, attempt, "emergency", new Answer.Choice("b"));
        holdBackWhatHereHears();

        clock.advance(Duration.ofSeconds(1));
        Instant servedElsewhere = clock.instant();
        assertThat(elsewhere.currentQuestion(asha, attempt).orElseThrow().id()).isEqualTo("mha");
        assertThat(keptHere(attempt).servedAt()).as("not heard of here").doesNotContainKey("mha");

        clock.advance(Duration.ofSeconds(25));
        assertThatThrownBy(() -> here.answer(asha, attempt, "mha", new Answer.Bool(true)))
                .as("its 20 s ran out 25 s after it was served elsewhere")
                .isInstanceOf(org.kydp.quiz.error.DeadlinePassedException.class);
        Attempt stored = hereStore.attempts().findCurrent(attempt).orElseThrow();
        assertThat(stored.servedAt()).containsEntry("mha", servedElsewhere);
        assertThat(stored.answers().get("mha").isLate()).isTrue();
    }

    @Test
    void a_question_served_elsewhere_is_served_here_as_it_was_first_served() throws Exception {
        String attempt = here.startAttempt(asha, "helplines").id();
        here.currentQuestion(asha, attempt);
        here.answer(asha, attempt, "emergency", new Answer.Choice("b"));
        holdBackWhatHereHears();

        QuestionView servedElsewhere = elsewhere.currentQuestion(asha, attempt).orElseThrow();
        clock.advance(Duration.ofSeconds(5));
        QuestionView servedHere = here.currentQuestion(asha, attempt).orElseThrow();

        assertThat(servedHere).isEqualTo(servedElsewhere);
        assertThat(servedHere.deadline()).contains(clock.instant().minusSeconds(5).plusSeconds(20));
        clock.advance(Duration.ofSeconds(2));
        assertThat(here.answer(asha, attempt, "mha", new Answer.Bool(true)).score()).hasValue(20);
    }

    @Test
    void an_attempt_finished_elsewhere_refuses_an_answer_here_and_finishing_it_here_gives_its_result()
            throws Exception {
        String attempt = here.startAttempt(asha, "helplines").id();
        here.currentQuestion(asha, attempt);
        here.answer(asha, attempt, "emergency", new Answer.Choice("b"));
        here.currentQuestion(asha, attempt);
        holdBackWhatHereHears();

        clock.advance(Duration.ofSeconds(3));
        FinishResult finishedElsewhere = elsewhere.finish(asha, attempt);
        assertThat(keptHere(attempt).isFinished()).as("not heard of here").isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> here.answer(asha, attempt, "mha", new Answer.Bool(true)))
                .isInstanceOf(AttemptFinishedException.class);
        FinishResult finishedHere = here.finish(asha, attempt);
        assertThat(finishedHere.score()).isEqualTo(finishedElsewhere.score()).isEqualTo(10);
        assertThat(finishedHere.duration()).isEqualTo(finishedElsewhere.duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(hereStore.attempts().findCurrent(attempt).orElseThrow().answers()).containsOnlyKeys("emergency");
    }

    @Test
    void an_answer_given_here_on_an_attempt_changed_elsewhere_is_graded_on_the_attempt_as_stored() throws Exception {
        String attempt = here.startAttempt(asha, "helplines").id();
        here.currentQuestion(asha, attempt);
        holdBackWhatHereHears();

        elsewhere.answer(asha, attempt, "emergency", new Answer.Choice("b"));
        elsewhere.currentQuestion(asha, attempt);
        AnswerResult second = here.answer(asha, attempt, "mha", new Answer.Bool(true));

        assertThat(second.answered()).isEqualTo(2);
        assertThat(second.score()).as("both answers, the one given elsewhere included").hasValue(20);
    }

    @Test
    void what_is_done_elsewhere_is_seen_by_the_next_request_here_once_heard() {
        String attempt = here.startAttempt(asha, "helplines").id();
        here.currentQuestion(asha, attempt);

        elsewhere.answer(asha, attempt, "emergency", new Answer.Choice("b"));

        assertThat(SharedDatabaseTest.seen(() -> here.attempt(asha, attempt), summary -> summary.answered() == 1)
                .answered()).isEqualTo(1);
        assertThat(here.currentQuestion(asha, attempt).orElseThrow().id()).isEqualTo("mha");
    }
}
