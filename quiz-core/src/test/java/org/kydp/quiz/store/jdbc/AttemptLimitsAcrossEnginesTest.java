package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.error.AttemptsExhaustedException;

/**
 * A quiz's limit of attempts per player holds for every engine on the database, as for several servers: the
 * database decides, in the statement that adds the attempt. Each player here starts at the same instant on two
 * engines, each with a store of its own, over one H2 file and over one PostgreSQL database.
 */
class AttemptLimitsAcrossEnginesTest {

    private static final int PLAYERS = 60;

    static Stream<Arguments> sharedDatabases() {
        return Stream.of(
                Arguments.of("two engines on one H2 file", (Supplier<JdbcConfig>) TestDatabases::newH2),
                Arguments.of("two engines on one PostgreSQL database",
                        (Supplier<JdbcConfig>) TestDatabases::newPostgres));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedDatabases")
    void a_player_starting_on_two_servers_at_once_gets_only_the_attempts_allowed(String name,
                                                                                 Supplier<JdbcConfig> database)
            throws Exception {
        JdbcConfig config = database.get();
        MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
        ExecutorService starters = Executors.newFixedThreadPool(2);
        try (JdbcStore hereStore = JdbcStore.open(config); JdbcStore thereStore = JdbcStore.open(config)) {
            QuizEngine here = QuizEngine.builder().store(hereStore).clock(clock).build();
            QuizEngine there = QuizEngine.builder().store(thereStore).clock(clock).build();
            here.publish(SampleQuizzes.helplines(org.kydp.quiz.model.QuizRules.defaults().withAttemptsAllowed(1)));

            int started = 0;
            int refused = 0;
            List<String> players = new ArrayList<>();
            for (int i = 0; i < PLAYERS; i++) {
                players.add(here.registerPlayer("Player " + i).player().id());
            }
            for (String player : players) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Boolean>> starts = List.of(
                        starters.submit(() -> startsAt(here, player, together)),
                        starters.submit(() -> startsAt(there, player, together)));
                for (Future<Boolean> start : starts) {
                    if (start.get(30, TimeUnit.SECONDS)) {
                        started++;
                    } else {
                        refused++;
                    }
                }
            }

            assertThat(started).as("attempts started").isEqualTo(PLAYERS);
            assertThat(refused).as("starts refused").isEqualTo(PLAYERS);
            for (String player : players) {
                assertThat(hereStore.attempts().countFor(player, "helplines")).as(player).isEqualTo(1);
            }
        } finally {
            starters.shutdownNow();
        }
    }

    private static boolean startsAt(QuizEngine engine, String player, CyclicBarrier together) throws Exception {
        together.await(10, TimeUnit.SECONDS);
        try {
            engine.startAttempt(player, "helplines");
            return true;
        } catch (AttemptsExhaustedException refused) {
            return false;
        }
    }
}
