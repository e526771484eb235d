package org.kydp.quiz.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.AttemptGrading;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.store.AttemptStore;
import org.kydp.quiz.store.FinishedResult;
import org.kydp.quiz.store.InMemoryStore;
import org.kydp.quiz.store.LiveStore;
import org.kydp.quiz.store.PlayerStore;
import org.kydp.quiz.store.PollStore;
import org.kydp.quiz.store.QuizStore;
import org.kydp.quiz.store.Store;
import org.kydp.quiz.store.StoreListener;

/**
 * A stored finish is on the leaderboards once, whatever fails or runs at the same time: a finish whose recording
 * failed after it was stored is recorded when the player finishes again, finishing again never counts an attempt
 * twice, and a rebuild of the boards (as after the store missed notifications) neither empties them for readers nor
 * counts a finish made meanwhile twice.
 */
class EveryFinishCountsOnceTest {

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final InMemoryStore memory = new InMemoryStore();
    private final AtomicBoolean playerReadsFail = new AtomicBoolean();
    private final AtomicReference<CountDownLatch> scanHeld = new AtomicReference<>();
    private final CountDownLatch scanStarted = new CountDownLatch(1);
    private final AtomicReference<StoreListener> listener = new AtomicReference<>();
    private final QuizEngine engine = QuizEngine.builder().store(new InterferingStore()).clock(clock).build();

    private String playOnce(String player, String answer) {
        String attempt = engine.startAttempt(player, "helplines").id();
        engine.currentQuestion(player, attempt);
        engine.answer(player, attempt, "emergency", new Answer.Choice(answer));
        clock.advance(Duration.ofSeconds(3));
        return attempt;
    }

    private LeaderboardEntry onlyEntry() {
        LeaderboardPage page = engine.leaderboard("helplines", Page.of(10, 0));
        assertThat(page.total()).isEqualTo(1);
        return page.entries().get(0);
    }

    @Test
    void a_finish_stored_but_not_recorded_is_recorded_when_the_player_finishes_again() {
        engine.publish(SampleQuizzes.helplines());
        String asha = engine.registerPlayer("Asha").player().id();
        String attempt = playOnce(asha, "b");

        playerReadsFail.set(true);
        assertThatThrownBy(() -> engine.finish(asha, attempt)).hasMessageContaining("injected");
        playerReadsFail.set(false);

        assertThat(engine.finish(asha, attempt).rank()).isEqualTo(1);
        assertThat(onlyEntry().score()).isEqualTo(10);
    }

    @Test
    void finishing_again_never_counts_an_attempt_twice() {
        engine.publish(SampleQuizzes.helplines(QuizRules.defaults().withGrading(AttemptGrading.AVERAGE)));
        String asha = engine.registerPlayer("Asha").player().id();
        engine.finish(asha, playOnce(asha, "b"));
        String second = playOnce(asha, "a");

        for (int i = 0; i < 3; i++) {
            engine.finish(asha, second);
        }

        assertThat(onlyEntry().score()).as("the average of 10 and 0").isEqualTo(5);
    }

    @Test
    void a_rebuild_keeps_the_boards_for_readers_and_counts_a_finish_made_meanwhile_once() throws Exception {
        engine.publish(SampleQuizzes.helplines(QuizRules.defaults().withGrading(AttemptGrading.AVERAGE)));
        String asha = engine.registerPlayer("Asha").player().id();
        engine.finish(asha, playOnce(asha, "b"));
        String second = playOnce(asha, "a");
        CountDownLatch release = new CountDownLatch(1);
        scanHeld.set(release);

        CompletableFuture<Void> rebuild = CompletableFuture.runAsync(() -> listener.get().onNotificationsMissed());
        assertThat(scanStarted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(onlyEntry().score()).as("the board while it is rebuilt").isEqualTo(10);
        engine.finish(asha, second);
        release.countDown();
        rebuild.get(10, TimeUnit.SECONDS);

        assertThat(onlyEntry().score()).as("the average of 10 and 0").isEqualTo(5);
        assertThat(engine.finish(asha, second).rank()).isEqualTo(1);
        assertThat(onlyEntry().score()).isEqualTo(5);
    }

    /**
     * The in-memory store, but player reads fail while {@link #playerReadsFail} is set, and a scan of the finished
     * attempts waits at its start for {@link #scanHeld}'s release, then sees every attempt finished meanwhile, as a
     * scan of a database table would.
     */
    private final class InterferingStore implements Store {

        @Override
        public QuizStore quizzes() {
            return memory.quizzes();
        }

        @Override
        public org.kydp.quiz.store.StatisticsStore statistics() {
            return memory.statistics();
        }

        @Override
        public PlayerStore players() {
            PlayerStore players = memory.players();
            return new PlayerStore() {
                @Override
                public void add(Player player) {
                    players.add(player);
                }

                @Override
                public Optional<Player> find(String playerId) {
                    if (playerReadsFail.get()) {
                        throw new IllegalStateException("injected: the database cannot be reached");
                    }
                    return players.find(playerId);
                }

                @Override
                public Optional<Player> findByTokenHash(String tokenHash) {
                    return players.findByTokenHash(tokenHash);
                }
            };
        }

        @Override
        public AttemptStore attempts() {
            AttemptStore attempts = memory.attempts();
            return (AttemptStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {AttemptStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("forEachFinishedResult")) {
                            CountDownLatch held = scanHeld.getAndSet(null);
                            if (held != null) {
                                scanStarted.countDown();
                                assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
                            }
                            @SuppressWarnings("unchecked")
                            Consumer<FinishedResult> visitor = (Consumer<FinishedResult>) args[1];
                            attempts.forEachFinishedResult((PlayerStore) args[0], visitor);
                            return null;
                        }
                        try {
                            return method.invoke(attempts, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public PollStore polls() {
            return memory.polls();
        }

        @Override
        public LiveStore live() {
            return memory.live();
        }

        @Override
        public void addListener(StoreListener added) {
            listener.set(added);
            memory.addListener(added);
        }
    }
}
