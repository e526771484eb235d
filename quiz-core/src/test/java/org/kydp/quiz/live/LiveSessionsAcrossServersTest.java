package org.kydp.quiz.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.ManualScheduler;
import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LivePhase;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.store.InMemoryStore;

/**
 * Two engines on one store, as two servers on one database: a session is served by both, and the timers run on
 * exactly one of them, the other taking over when the first stops renewing its lease.
 */
class LiveSessionsAcrossServersTest {

    private static final Duration QUESTION_TIME = Duration.ofSeconds(20);

    private final MutableClock clock = MutableClock.at("2026-12-03T10:00:00Z");
    private final InMemoryStore store = new InMemoryStore();
    private final ManualScheduler timersOfA = new ManualScheduler(clock);
    private final ManualScheduler timersOfB = new ManualScheduler(clock);
    private final QuizEngine a = QuizEngine.builder().store(store).clock(clock).liveScheduler(timersOfA).build();
    private final QuizEngine b = QuizEngine.builder().store(store).clock(clock).liveScheduler(timersOfB).build();

    LiveSessionsAcrossServersTest() {
        a.publish(SampleQuizzes.helplines(QuizRules.defaults().withQuestionTimeLimit(QUESTION_TIME)));
    }

    /** Both servers run what is due, as their threads would. */
    private void runDue() {
        timersOfA.runDue();
        timersOfB.runDue();
    }

    private void advanceBoth(Duration duration) {
        java.time.Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            Duration step = Duration.ofMillis(Math.min(250, Duration.between(clock.instant(), end).toMillis()));
            timersOfA.advance(step);
            timersOfB.runDue();
        }
        runDue();
    }

    @Test
    void a_session_hosted_on_a_is_played_on_b_and_bs_players_get_every_event() {
        CreatedSession created = a.live().create("helplines", null, null);
        String id = created.session().id();
        JoinedPlayer asha = b.live().join(created.session().code().orElseThrow(), "Asha");
        RecordingListener ashaOnB = new RecordingListener();
        b.live().subscribe(b.live().authenticate(id, asha.token()), null, ashaOnB);
        RecordingListener hostOnA = new RecordingListener();
        a.live().subscribe(a.live().authenticate(id, created.hostToken()), null, hostOnA);
        runDue();

        a.live().advance(id);
        runDue();
        assertThat(ashaOnB.events(LiveEvent.QuestionOpened.class)).hasSize(1);
        b.live().answer(id, asha.playerId(), "emergency", new Answer.Choice("b"));
        advanceBoth(Duration.ofSeconds(1));
        assertThat(hostOnA.events(LiveEvent.AnswersCounted.class)).last()
                .satisfies(count -> assertThat(count.answered()).isEqualTo(1));
        a.live().close(id);
        runDue();

        assertThat(hostOnA.events(LiveEvent.PlayerJoined.class)).extracting(LiveEvent.PlayerJoined::name)
                .containsExactly("Asha");
        assertThat(ashaOnB.lastStanding()).isEqualTo(new Standing.AfterQuestion(true, Optional.of(true), 10, 10, 1, 1));
        assertThat(ashaOnB.events(LiveEvent.QuestionResults.class)).singleElement()
                .isEqualTo(hostOnA.events(LiveEvent.QuestionResults.class).get(0));
    }

    @Test
    void an_answer_given_on_one_server_is_the_same_answer_on_the_other() {
        CreatedSession created = a.live().create("helplines", null, null);
        String id = created.session().id();
        JoinedPlayer asha = a.live().join(created.session().code().orElseThrow(), "Asha");
        a.live().advance(id);
        runDue();
        AcceptedAnswer onA = a.live().answer(id, asha.playerId(), "emergency", new Answer.Choice("b"));

        assertThat(b.live().answer(id, asha.playerId(), "emergency", new Answer.Choice("b"))).isEqualTo(onA);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.live().answer(id, asha.playerId(), "emergency",
                new Answer.Choice("a"))).isInstanceOf(org.kydp.quiz.error.AlreadyAnsweredException.class);
    }

    @Test
    void when_the_server_running_the_timer_stops_another_takes_it_over_and_the_question_still_closes() {
        CreatedSession created = a.live().create("helplines", null, null);
        String id = created.session().id();
        timersOfA.runDue(); // A takes the lease
        timersOfB.runDue();
        JoinedPlayer asha = b.live().join(created.session().code().orElseThrow(), "Asha");
        RecordingListener ashaOnB = new RecordingListener();
        b.live().subscribe(b.live().authenticate(id, asha.token()), null, ashaOnB);
        a.live().advance(id);
        runDue();

        timersOfA.close(); // A stops: it runs no timer and renews no lease from now on
        for (int second = 0; second < 30; second++) {
            clock.advance(Duration.ofSeconds(1));
            timersOfB.runDue();
        }

        assertThat(b.live().session(id).phase()).isEqualTo(LivePhase.RESULTS);
        assertThat(ashaOnB.events(LiveEvent.QuestionResults.class)).hasSize(1);
    }
}
