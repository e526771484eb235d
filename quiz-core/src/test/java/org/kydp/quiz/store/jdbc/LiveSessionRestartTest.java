package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.ManualScheduler;
import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.live.AcceptedAnswer;
import org.kydp.quiz.live.CreatedSession;
import org.kydp.quiz.live.JoinedPlayer;
import org.kydp.quiz.live.LiveEvent;
import org.kydp.quiz.live.LiveListener;
import org.kydp.quiz.live.LiveState;
import org.kydp.quiz.live.Standing;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LivePhase;
import org.kydp.quiz.model.QuizRules;

/**
 * A server restarted in the middle of a live session continues it from the database: the open question keeps its
 * deadline and closes by itself, answers given before the restart count, and clients resume where they were.
 */
class LiveSessionRestartTest {

    private static final Duration QUESTION_TIME = Duration.ofSeconds(20);

    private final JdbcConfig database = TestDatabases.newH2();
    private final MutableClock clock = MutableClock.at("2026-12-03T10:00:00Z");
    private final List<JdbcStore> stores = new ArrayList<>();

    private QuizEngine start(ManualScheduler scheduler) {
        JdbcStore store = JdbcStore.open(database);
        stores.add(store);
        QuizEngine engine = QuizEngine.builder().store(store).clock(clock).liveScheduler(scheduler).build();
        engine.publishRevision(SampleQuizzes.helplines(QuizRules.defaults().withQuestionTimeLimit(QUESTION_TIME)));
        scheduler.runDue();
        return engine;
    }

    @AfterEach
    void close() {
        stores.forEach(JdbcStore::close);
    }

    /** Collects events; not a full listener of the test package, to stay in this one. */
    private static final class Events implements LiveListener {
        final List<Object> received = new ArrayList<>();

        @Override
        public synchronized void onState(LiveState state) {
            received.add(state);
        }

        @Override
        public synchronized void onEvent(LiveEvent event, Optional<Standing> you) {
            received.add(you.isEmpty() ? event : List.of(event, you.get()));
        }

        @Override
        public void onEnd() {
        }
    }

    @Test
    void a_question_open_at_the_restart_keeps_its_deadline_and_every_answer_counts() {
        ManualScheduler before = new ManualScheduler(clock);
        QuizEngine first = start(before);
        CreatedSession created = first.live().create("helplines", null, null);
        String id = created.session().id();
        JoinedPlayer asha = first.live().join(created.session().code().orElseThrow(), "Asha");
        JoinedPlayer ravi = first.live().join(created.session().code().orElseThrow(), "Ravi");
        Instant deadline = first.live().advance(id).deadline().orElseThrow();
        clock.advance(Duration.ofSeconds(3));
        AcceptedAnswer ashasAnswer = first.live().answer(id, asha.playerId(), "emergency", new Answer.Choice("b"));
        stores.get(0).close(); // the server stops without a word: its timers and leases die with it
        before.close();

        clock.advance(Duration.ofSeconds(5));
        ManualScheduler after = new ManualScheduler(clock);
        QuizEngine second = start(after);

        LiveState state = second.live().state(second.live().authenticate(id, ravi.token()));
        assertThat(state.session().phase()).isEqualTo(LivePhase.QUESTION);
        assertThat(state.question().orElseThrow().deadline()).isEqualTo(deadline);
        assertThat(second.live().answer(id, asha.playerId(), "emergency", new Answer.Choice("b")))
                .as("the same answer again, the same reply").isEqualTo(ashasAnswer);
        second.live().answer(id, ravi.playerId(), "emergency", new Answer.Choice("a"));
        after.advance(Duration.between(clock.instant(), deadline));

        assertThat(second.live().session(id).phase()).isEqualTo(LivePhase.RESULTS);
        assertThat(second.live().results(id).questions()).singleElement().satisfies(question -> {
            assertThat(question.distribution().answered()).isEqualTo(2);
            assertThat(question.distribution().correct()).hasValue(1);
        });
    }

    @Test
    void a_client_resumes_after_the_last_event_it_saw_before_the_restart() {
        ManualScheduler before = new ManualScheduler(clock);
        QuizEngine first = start(before);
        CreatedSession created = first.live().create("helplines", null, null);
        String id = created.session().id();
        JoinedPlayer asha = first.live().join(created.session().code().orElseThrow(), "Asha");
        first.live().advance(id);
        long lastSeen = first.live().session(id).lastEventId();
        first.live().answer(id, asha.playerId(), "emergency", new Answer.Choice("b"));
        first.live().close(id);
        first.close();
        stores.get(0).close();

        QuizEngine second = start(new ManualScheduler(clock));
        Events resumed = new Events();
        second.live().subscribe(second.live().authenticate(id, asha.token()), lastSeen, resumed);

        assertThat(resumed.received).singleElement().satisfies(received -> {
            assertThat(received).isInstanceOf(List.class);
            List<?> pair = (List<?>) received;
            assertThat(pair.get(0)).isInstanceOfSatisfying(LiveEvent.QuestionResults.class,
                    results -> assertThat(results.id()).isEqualTo(lastSeen + 1));
            assertThat(pair.get(1)).isEqualTo(new Standing.AfterQuestion(true, Optional.of(true), 10, 10, 1, 1));
        });
    }

    @Test
    void an_ended_session_keeps_its_results_after_a_restart() {
        QuizEngine first = start(new ManualScheduler(clock));
        CreatedSession created = first.live().create("helplines", null, null);
        String id = created.session().id();
        JoinedPlayer asha = first.live().join(created.session().code().orElseThrow(), "Asha");
        first.live().advance(id);
        first.live().answer(id, asha.playerId(), "emergency", new Answer.Choice("b"));
        first.live().end(id);
        first.close();
        stores.get(0).close();

        QuizEngine second = start(new ManualScheduler(clock));

        var results = second.live().results(id);
        assertThat(results.session().phase()).isEqualTo(LivePhase.ENDED);
        assertThat(results.ranking()).singleElement().satisfies(player -> {
            assertThat(player.name()).isEqualTo("Asha");
            assertThat(player.score()).isEqualTo(10);
        });
        assertThat(results.questions()).singleElement()
                .satisfies(question -> assertThat(question.distribution().answered()).isEqualTo(1));
    }
}
