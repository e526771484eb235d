package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.leaderboard.Page;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.attempt.AttemptSummary;
import org.kydp.quiz.attempt.FinishResult;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.model.AttemptStatus;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.player.Registration;

/** An engine stopped and started again on the same database carries on where it was. */
class EngineRestartTest {

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<JdbcConfig>) TestDatabases::newH2),
                Arguments.of("PostgreSQL", (Supplier<JdbcConfig>) TestDatabases::newPostgres));
    }

    private QuizEngine engine(JdbcStore store) {
        return QuizEngine.builder().store(store).clock(clock).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void an_attempt_in_progress_continues_after_a_restart_with_its_deadline_and_the_token_still_works(
            String name, Supplier<JdbcConfig> database) {
        JdbcConfig config = database.get();
        Registration asha;
        AttemptSummary started;
        QuestionView first;
        try (JdbcStore store = JdbcStore.open(config)) {
            QuizEngine engine = engine(store);
            engine.publish(SampleQuizzes.catalogue(rules -> rules.withTimeLimit(Duration.ofMinutes(10))
                    .withShuffle(true, true)));
            asha = engine.registerPlayer("आशा");
            started = engine.startAttempt(asha.player().id(), "catalogue");
            first = engine.currentQuestion(asha.player().id(), started.id()).orElseThrow();
            clock.advance(Duration.ofSeconds(3));
            engine.answer(asha.player().id(), started.id(), first.id(),
                    SampleQuizzes.catalogueRightAnswers().get(first.id()));
            engine.currentQuestion(asha.player().id(), started.id()); // serves the second question
        }
        clock.advance(Duration.ofSeconds(20));

        try (JdbcStore store = JdbcStore.open(config)) {
            QuizEngine engine = engine(store);
            String playerId = engine.authenticate(asha.token()).id();
            assertThat(playerId).isEqualTo(asha.player().id());
            AttemptSummary resumed = engine.attempt(playerId, started.id());
            assertThat(resumed.status()).isEqualTo(AttemptStatus.IN_PROGRESS);
            assertThat(resumed.deadline()).isEqualTo(started.deadline());
            assertThat(resumed.startedAt()).isEqualTo(started.startedAt());
            assertThat(resumed.answered()).isEqualTo(1);

            QuestionView second = engine.currentQuestion(playerId, started.id()).orElseThrow();
            assertThat(second.index()).isEqualTo(1);
            assertThat(second.deadline()).as("served before the restart: its time runs from then")
                    .isEqualTo(started.deadline());
            assertThat(engine.answer(playerId, started.id(), first.id(),
                    SampleQuizzes.catalogueRightAnswers().get(first.id())).questionId())
                    .as("repeating the answer given before the restart is accepted").isEqualTo(first.id());

            QuestionView current = second;
            while (current != null) {
                engine.answer(playerId, started.id(), current.id(),
                        SampleQuizzes.catalogueRightAnswers().get(current.id()));
                current = engine.currentQuestion(playerId, started.id()).orElse(null);
            }
            FinishResult finished = engine.finish(playerId, started.id());
            assertThat(finished.score()).isEqualTo(70);
            assertThat(finished.duration()).isEqualTo(Duration.ofSeconds(23));
        }

        try (JdbcStore store = JdbcStore.open(config)) {
            QuizEngine engine = engine(store);
            assertThat(engine.leaderboard("catalogue", Page.of(10, 0)).entries()).singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.name()).isEqualTo("आशा");
                        assertThat(entry.score()).isEqualTo(70);
                    });
            assertThat(engine.finish(asha.player().id(), started.id()).rank()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void publishing_the_same_content_on_every_start_adds_no_versions(String name, Supplier<JdbcConfig> database) {
        JdbcConfig config = database.get();
        Quiz quiz = SampleQuizzes.helplines();
        for (int start = 0; start < 3; start++) {
            try (JdbcStore store = JdbcStore.open(config)) {
                assertThat(engine(store).publishRevision(quiz).version()).isEqualTo(1);
            }
        }
        try (JdbcStore store = JdbcStore.open(config)) {
            Quiz edited = SampleQuizzes.helplines(quiz.rules().withAttemptsAllowed(3));
            assertThat(engine(store).publishRevision(edited).version()).isEqualTo(2);
            assertThat(engine(store).publishRevision(edited).version()).isEqualTo(2);
            assertThat(store.quizzes().find("helplines", 1)).contains(quiz);
            assertThat(engine(store).quiz("helplines")).contains(edited.withVersion(2));
        }
    }
}
