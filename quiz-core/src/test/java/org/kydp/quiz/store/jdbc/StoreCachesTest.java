package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.model.Quiz;

/**
 * The store's caches keep to their bounds without emptying: past its bound a cache drops the entries asked for least,
 * so that the attempts and players in play are still read from memory however many others come and go; and ids of
 * quizzes that do not exist are not kept at all.
 */
class StoreCachesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final int BOUND = 100;

    private final JdbcStore store = JdbcStore.open(TestDatabases.newH2()
            .withCacheSizes(CacheSizes.DEFAULTS.withAttempts(BOUND).withPlayers(BOUND)));
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private final Quiz quiz = SampleQuizzes.helplines();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void a_full_attempt_cache_keeps_the_attempts_in_play_and_reads_them_from_memory() {
        store.quizzes().save(quiz);
        store.players().add(player(0));
        List<Attempt> inPlay = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inPlay.add(start("in-play-" + i));
            playedFor(inPlay.get(i));
        }

        for (int i = 0; i < 10 * BOUND; i++) {
            start("once-" + i);
            if (i % BOUND == 0) {
                inPlay.forEach(this::playedFor);
            }
        }

        logStatements();
        for (Attempt attempt : inPlay) {
            assertThat(store.attempts().find(attempt.id())).contains(attempt);
        }
        assertThat(statements).as("statements run to read the attempts in play").isEmpty();
        CacheStatistics attempts = store.cacheStatistics().get("attempts");
        assertThat(attempts.size()).isBetween(BOUND / 2L, (long) BOUND);
        assertThat(attempts.evictions()).isGreaterThanOrEqualTo(10L * BOUND - BOUND);
    }

    @Test
    void a_full_player_cache_keeps_the_players_who_are_playing_and_reads_them_from_memory() {
        List<Player> playing = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            playing.add(player(i));
            store.players().add(playing.get(i));
            authenticates(playing.get(i));
        }

        for (int i = 10; i < 10 * BOUND; i++) {
            store.players().add(player(i));
            if (i % BOUND == 0) {
                playing.forEach(this::authenticates);
            }
        }

        logStatements();
        for (Player player : playing) {
            assertThat(store.players().findByTokenHash(player.tokenHash())).contains(player);
            assertThat(store.players().find(player.id())).contains(player);
        }
        assertThat(statements).as("statements run to read the players who are playing").isEmpty();
        assertThat(store.cacheStatistics().get("players.by-token").size()).isBetween(BOUND / 2L, (long) BOUND);
        assertThat(store.cacheStatistics().get("players.by-id").size()).isBetween(BOUND / 2L, (long) BOUND);
    }

    @Test
    void quiz_ids_asked_for_at_random_take_no_room_and_the_quizzes_played_stay_kept() {
        QuizEngine engine = QuizEngine.builder().store(store).build();
        engine.publish(quiz);
        Quiz askedLater = SampleQuizzes.catalogue();
        engine.publish(askedLater);
        assertThat(engine.quiz(quiz.id())).contains(quiz);

        SplittableRandom random = new SplittableRandom(20260302L);
        for (int i = 0; i < 100_000; i++) {
            String unknown = "unknown-" + Long.toHexString(random.nextLong());
            assertThat(store.quizzes().latest(unknown)).isEmpty();
            if (i % 10 == 0) {
                assertThat(store.quizzes().find(unknown, 1)).isEmpty();
                assertThat(store.quizzes().isPublished(unknown)).isFalse();
            }
        }

        store.cacheStatistics().forEach((name, statistics) -> {
            if (name.startsWith("quizzes.")) {
                assertThat(statistics.size()).as(name).isLessThanOrEqualTo(2);
            }
        });
        assertThat(engine.quiz(askedLater.id())).contains(askedLater);
        logStatements();
        assertThat(engine.quiz(quiz.id())).contains(quiz);
        assertThat(engine.quiz(askedLater.id())).contains(askedLater);
        assertThat(statements).as("statements run to read the quizzes played").isEmpty();
    }

    private Attempt start(String attemptId) {
        Attempt attempt = Attempt.start(attemptId, quiz.id(), quiz.version(), "p-0", 42L,
                List.of("emergency", "mha"), T0, null);
        store.attempts().create(attempt);
        return attempt;
    }

    /** What a play request does first: read its attempt. */
    private void playedFor(Attempt attempt) {
        for (int request = 0; request < 3; request++) {
            assertThat(store.attempts().find(attempt.id())).contains(attempt);
        }
    }

    /** What a play request does first: find the player by the hash of their token. */
    private void authenticates(Player player) {
        for (int request = 0; request < 3; request++) {
            assertThat(store.players().findByTokenHash(player.tokenHash())).contains(player);
        }
    }

    private static Player player(int i) {
        return new Player("p-" + i, "Player " + i, "hash-p-" + i, T0);
    }

    /** Records each statement the store runs from now on. */
    private void logStatements() {
        store.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.add(context.getRawSql());
            }
        });
    }
}
