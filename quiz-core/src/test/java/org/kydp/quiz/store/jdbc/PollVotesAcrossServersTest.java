package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;

/**
 * Two servers on one database casting the first vote for a poll's option at the same moment: both answers are
 * taken and both votes counted. (Both used to insert the option's row of counts, and the one that lost was refused
 * as "already has an answer".)
 */
class PollVotesAcrossServersTest {

    private static final int ROUNDS = 20;

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", (Supplier<JdbcConfig>) TestDatabases::newH2),
                Arguments.of("PostgreSQL", (Supplier<JdbcConfig>) TestDatabases::newPostgres));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void first_votes_cast_on_two_servers_at_once_are_both_counted(String name, Supplier<JdbcConfig> database)
            throws Exception {
        JdbcConfig config = database.get();
        Question poll = SampleQuizzes.catalogue().question("topic").orElseThrow();
        ExecutorService servers = Executors.newFixedThreadPool(2);
        try (JdbcStore one = JdbcStore.open(config); JdbcStore other = JdbcStore.open(config)) {
            List<QuizEngine> engines = List.of(QuizEngine.builder().store(one).build(),
                    QuizEngine.builder().store(other).build());
            for (int round = 0; round < ROUNDS; round++) {
                String quizId = "poll-" + round;
                engines.get(0).publish(new Quiz(quizId, 1, "en", List.of("en", "hi"), poll.text(), null, List.of(),
                        QuizRules.defaults(), List.of(poll)));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> votes = new ArrayList<>();
                for (QuizEngine engine : engines) {
                    String player = engine.registerPlayer("Voter").player().id();
                    String attempt = engine.startAttempt(player, quizId).id();
                    engine.currentQuestion(player, attempt).orElseThrow();
                    votes.add(servers.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return engine.answer(player, attempt, "topic", new Answer.Choice("cyber"));
                    }));
                }
                for (Future<?> vote : votes) {
                    assertThat(vote.get(30, TimeUnit.SECONDS)).as("%s, round %d", name, round).isNotNull();
                }
                assertThat(one.polls().votes(quizId, "topic")).as("%s, round %d", name, round)
                        .isEqualTo(Map.of("cyber", 2L));
            }
        } finally {
            servers.shutdownNow();
        }
    }
}
