package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.live.CreatedSession;
import org.kydp.quiz.live.JoinedPlayer;
import org.kydp.quiz.live.LiveEvent;
import org.kydp.quiz.live.LiveListener;
import org.kydp.quiz.live.LiveOptions;
import org.kydp.quiz.live.LiveScheduler;
import org.kydp.quiz.live.LiveState;
import org.kydp.quiz.live.Standing;
import org.kydp.quiz.model.LivePhase;
import org.kydp.quiz.model.QuizRules;

/**
 * Two servers (engines with stores of their own) on one real PostgreSQL, on the system clock: events of a session
 * hosted on one reach the players of the other through LISTEN/NOTIFY, and the timer of a session moves to the other
 * server when the one running it dies.
 */
class LiveSessionsOnPostgresTest {

    /** Leases lapse quickly, so that a test waits little for B to take over. */
    private static final LiveOptions QUICK_LEASES = LiveOptions.defaults()
            .withLeases(Duration.ofMillis(1_500), Duration.ofMillis(300));
    /** Leases renewed (and sessions caught up) so rarely that only a notification can bring an event at once. */
    private static final LiveOptions SLOW_LEASES = LiveOptions.defaults()
            .withLeases(Duration.ofSeconds(90), Duration.ofSeconds(60));

    private final JdbcConfig database = TestDatabases.newPostgres();
    private final JdbcStore storeA = JdbcStore.open(database);
    private final JdbcStore storeB = JdbcStore.open(database);
    private final StoppableScheduler timersOfA = new StoppableScheduler(LiveScheduler.system(Clock.systemUTC()));
    private QuizEngine a;
    private QuizEngine b;

    private void start(LiveOptions options) {
        a = QuizEngine.builder().store(storeA).liveScheduler(timersOfA).liveOptions(options).build();
        b = QuizEngine.builder().store(storeB).liveOptions(options).build();
        a.publish(SampleQuizzes.helplines(QuizRules.defaults().withQuestionTimeLimit(Duration.ofSeconds(2))));
    }

    @AfterEach
    void close() {
        if (a != null) {
            b.close();
            a.close();
        }
        storeA.close();
        storeB.close();
    }

    /** A scheduler that can die: from then on it runs nothing, as if its server had stopped. */
    private static final class StoppableScheduler implements LiveScheduler {
        private final LiveScheduler delegate;
        private volatile boolean dead;

        StoppableScheduler(LiveScheduler delegate) {
            this.delegate = delegate;
        }

        void die() {
            dead = true;
        }

        @Override
        public Scheduled schedule(Instant at, Runnable task) {
            return delegate.schedule(at, () -> {
                if (!dead) {
                    task.run();
                }
            });
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static final class Arrivals implements LiveListener {
        final BlockingQueue<LiveEvent> events = new LinkedBlockingQueue<>();

        @Override
        public void onState(LiveState state) {
        }

        @Override
        public void onEvent(LiveEvent event, Optional<Standing> you) {
            events.add(event);
        }

        @Override
        public void onEnd() {
        }

        <T extends LiveEvent> T next(Class<T> type, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                LiveEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (type.isInstance(event)) {
                    return type.cast(event);
                }
            }
            return null;
        }
    }

    @Test
    void a_question_opened_by_the_host_on_a_reaches_a_player_on_b_at_once() throws Exception {
        start(SLOW_LEASES);
        CreatedSession created = a.live().create("helplines", null, null);
        String id = created.session().id();
        JoinedPlayer asha = b.live().join(created.session().code().orElseThrow(), "Asha");
        Arrivals onB = new Arrivals();
        b.live().subscribe(b.live().authenticate(id, asha.token()), null, onB);

        // Pushed by a notification (B's periodic catch-up runs once a minute here): well within two seconds even on
        // a busy machine. The live benchmark measures the delay itself.
        for (int question = 0; question < 2; question++) {
            a.live().advance(id);
            assertThat(onB.next(LiveEvent.QuestionOpened.class, Duration.ofSeconds(2))).isNotNull();
            a.live().close(id);
            assertThat(onB.next(LiveEvent.QuestionResults.class, Duration.ofSeconds(2))).isNotNull();
        }
    }

    @Test
    void when_the_server_running_a_sessions_timer_dies_the_other_closes_the_question() throws Exception {
        start(QUICK_LEASES);
        CreatedSession created = a.live().create("helplines", null, null);
        String id = created.session().id();
        JoinedPlayer asha = b.live().join(created.session().code().orElseThrow(), "Asha");
        Arrivals onB = new Arrivals();
        b.live().subscribe(b.live().authenticate(id, asha.token()), null, onB);
        awaitLeaseOn(storeA, id);

        a.live().advance(id);
        timersOfA.die();

        LiveEvent.QuestionResults results = onB.next(LiveEvent.QuestionResults.class, Duration.ofSeconds(15));
        assertThat(results).as("the question closed through B").isNotNull();
        assertThat(b.live().session(id).phase()).isEqualTo(LivePhase.RESULTS);
        assertThat(storeB.live().holdLeases("someone-else", Instant.now(), Duration.ofSeconds(1)))
                .as("B holds the lease now").doesNotContain(id);
    }

    private static void awaitLeaseOn(JdbcStore store, String sessionId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<String> owners = store.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT timer_owner FROM live_sessions WHERE session_id = :id").bind("id", sessionId)
                    .mapTo(String.class).list());
            if (!owners.isEmpty() && owners.get(0) != null) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no server took the lease of " + sessionId);
    }
}
