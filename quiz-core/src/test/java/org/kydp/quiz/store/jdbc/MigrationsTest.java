package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.leaderboard.Page;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.content.QuizDocumentWriter;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.RecordedAnswer;
import org.kydp.quiz.model.ScoringRules;
import org.kydp.quiz.store.FinishedResult;
import org.kydp.quiz.store.InMemoryStore;

/**
 * Databases of an earlier schema, with data in it, opened by today's store: every vote is counted, every finished
 * score kept, and attempts in progress play on exactly as they would have.
 */
class MigrationsTest {

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", (Supplier<JdbcConfig>) TestDatabases::newH2),
                Arguments.of("PostgreSQL", (Supplier<JdbcConfig>) TestDatabases::newPostgres));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void votes_kept_a_row_each_become_counts_per_option(String name, Supplier<JdbcConfig> database) {
        JdbcConfig config = database.get();
        Flyway.configure().dataSource(config.effectiveUrl(), config.user(), config.password())
                .locations(JdbcStore.MIGRATIONS).table(JdbcStore.HISTORY_TABLE).target("1").load().migrate();
        Jdbi.create(config.effectiveUrl(), config.user(), java.util.Objects.requireNonNullElse(config.password(), "")).useHandle(handle -> {
            for (String option : new String[] {"cyber", "road", "cyber", "cyber", "road", "traffic"}) {
                handle.execute("INSERT INTO poll_votes (quiz_id, question_id, option_id) VALUES ('q', 'topic', ?)",
                        option);
            }
            handle.execute("INSERT INTO poll_votes (quiz_id, question_id, option_id) VALUES ('q', 'other', 'x')");
        });

        try (JdbcStore store = JdbcStore.open(config)) {
            assertThat(store.polls().votes("q", "topic")).isEqualTo(Map.of("cyber", 3L, "road", 2L, "traffic", 1L));
            assertThat(store.polls().votes("q", "other")).isEqualTo(Map.of("x", 1L));

            store.polls().recordVote("q", "topic", "road");
            store.polls().recordVote("q", "topic", "helpline");
            assertThat(store.polls().votes("q", "topic"))
                    .isEqualTo(Map.of("cyber", 3L, "road", 3L, "traffic", 1L, "helpline", 1L));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void attempts_finished_under_the_first_schema_keep_the_sum_of_their_points_as_their_score(
            String name, Supplier<JdbcConfig> database) {
        JdbcConfig config = database.get();
        migrateToFirstSchema(config);
        Jdbi.create(config.effectiveUrl(), config.user(), java.util.Objects.requireNonNullElse(config.password(), ""))
                .useHandle(handle -> {
                    handle.execute("INSERT INTO quiz_versions VALUES ('q', 1, '{}', 0)");
                    handle.execute("INSERT INTO players VALUES ('p-1', 'Asha', 'hash-1', 0)");
                    handle.execute("INSERT INTO attempts VALUES ('a-1', 'q', 1, 'p-1', 7, 1000, NULL, 9000)");
                    handle.execute("INSERT INTO attempts VALUES ('a-2', 'q', 1, 'p-1', 8, 1000, NULL, 5000)");
                    handle.execute("INSERT INTO attempts VALUES ('a-3', 'q', 1, 'p-1', 9, 1000, NULL, NULL)");
                    handle.execute("INSERT INTO answers VALUES ('a-1', 'x', NULL, TRUE, 10, 0, 2000)");
                    handle.execute("INSERT INTO answers VALUES ('a-1', 'y', NULL, FALSE, -3, 0, 3000)");
                    handle.execute("INSERT INTO answers VALUES ('a-3', 'x', NULL, TRUE, 10, 0, 2000)");
                });

        try (JdbcStore store = JdbcStore.open(config)) {
            List<String> scores = store.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT attempt_id, score FROM attempts ORDER BY attempt_id")
                    .map((rs, ctx) -> rs.getString(1) + "=" + rs.getObject(2)).list());
            assertThat(scores).containsExactly("a-1=7", "a-2=0", "a-3=null");
            List<FinishedResult> results = new ArrayList<>();
            store.attempts().forEachFinishedResult(store.players(), results::add);
            assertThat(results).extracting(FinishedResult::attemptId, FinishedResult::score)
                    .containsExactlyInAnyOrder(tuple("a-1", 7), tuple("a-2", 0));
        }
    }

    /**
     * Attempts kept under the third schema, a row per question in {@code attempt_questions}, are carried into the
     * attempt rows: each reads back as the same attempt, and playing on through an engine on the migrated database
     * gives, reply for reply, what an engine that had the same attempts in memory gives. The quiz scores by speed
     * with a streak bonus and limits each question to 30 s, so that the points and deadlines depend on every serving
     * time and answer carried over.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void attempts_kept_a_row_per_question_play_on_exactly_as_before_once_their_order_and_times_are_in_one_row(
            String name, Supplier<JdbcConfig> database) {
        JdbcConfig config = database.get();
        migrateTo(config, "3");
        Quiz quiz = SampleQuizzes.catalogue(rules -> rules.withTimeLimit(Duration.ofMinutes(10))
                .withQuestionTimeLimit(Duration.ofSeconds(30))
                .withScoring(ScoringRules.DEFAULT.withMode(ScoringRules.Mode.SPEED).withStreakBonus(true)));
        Player asha = new Player("p-1", "Asha", "hash-1", T0);
        List<Attempt> before = attemptsInProgressAndFinished(quiz);
        Jdbi.create(config.effectiveUrl(), config.user(), java.util.Objects.requireNonNullElse(config.password(), ""))
                .useHandle(handle -> {
                    handle.execute("INSERT INTO quiz_versions VALUES (?, 1, ?, 0)", quiz.id(),
                            QuizDocumentWriter.write(quiz));
                    handle.execute("INSERT INTO published_quizzes VALUES (?)", quiz.id());
                    handle.execute("INSERT INTO players VALUES ('p-1', 'Asha', 'hash-1', 0)");
                    before.forEach(attempt -> insertAsTheThirdSchemaKeptIt(handle, attempt));
                });

        InMemoryStore memory = new InMemoryStore();
        memory.quizzes().save(quiz);
        memory.quizzes().setPublished(quiz.id(), true);
        memory.players().add(asha);
        before.forEach(memory.attempts()::create);
        MutableClock memoryClock = new MutableClock(T0);
        List<Object> expected = playOn(QuizEngine.builder().store(memory).clock(memoryClock).build(), memoryClock);

        try (JdbcStore store = JdbcStore.open(config)) {
            for (Attempt attempt : before) {
                assertThat(store.attempts().find(attempt.id())).contains(attempt);
            }
            assertThat(store.attempts().finished(quiz.id())).containsExactly(before.get(2));
            MutableClock clock = new MutableClock(T0);
            List<Object> replies = playOn(QuizEngine.builder().store(store).clock(clock).build(), clock);
            assertThat(replies).containsExactlyElementsOf(expected);
            assertThat(store.attempts().finished(quiz.id()))
                    .containsExactlyInAnyOrderElementsOf(memory.attempts().finished(quiz.id()));
        }
        try (JdbcStore reopened = JdbcStore.open(config)) {
            for (Attempt attempt : memory.attempts().finished(quiz.id())) {
                assertThat(reopened.attempts().find(attempt.id())).contains(attempt);
            }
        }
    }

    private static final Instant T0 = Instant.parse("2026-02-16T04:30:00Z");

    /**
     * Three attempts at the catalogue in an order of its own each: one with a question answered and the next served
     * and left open; one with its current question served long ago, to be recorded as missed; one finished.
     */
    private static List<Attempt> attemptsInProgressAndFinished(Quiz quiz) {
        List<String> order = new ArrayList<>(quiz.questions().stream().map(q -> q.id()).toList());
        java.util.Collections.reverse(order);
        Map<String, Answer> right = SampleQuizzes.catalogueRightAnswers();
        Instant deadline = T0.plus(Duration.ofMinutes(10));
        String first = order.get(0);
        String second = order.get(1);
        Attempt answeredOne = new Attempt("a-1", quiz.id(), 1, "p-1", 7L, order, T0, deadline,
                Map.of(first, T0.plusMillis(1_250), second, T0.plusMillis(6_500)),
                Map.of(first, new RecordedAnswer(first, right.get(first), true, 9, 0, T0.plusMillis(4_000))), null);
        List<String> shifted = new ArrayList<>(order.subList(3, order.size()));
        shifted.addAll(order.subList(0, 3));
        Attempt servedLongAgo = Attempt.start("a-2", quiz.id(), 1, "p-1", 8L, shifted, T0, deadline)
                .served(shifted.get(0), T0.plusMillis(1_000));
        Instant earlier = T0.minusSeconds(600);
        Attempt finished = Attempt.start("a-3", quiz.id(), 1, "p-1", 9L,
                        quiz.questions().stream().map(q -> q.id()).toList(), earlier, earlier.plusSeconds(600))
                .served("emergency", T0.minusSeconds(599))
                .answered(new RecordedAnswer("emergency", right.get("emergency"), true, 8, 0, T0.minusSeconds(590)))
                .finished(T0.minusSeconds(580));
        return List.of(answeredOne, servedLongAgo, finished);
    }

    /** The rows the third schema kept for an attempt: the attempt, a row per question, a row per answer. */
    private static void insertAsTheThirdSchemaKeptIt(org.jdbi.v3.core.Handle handle, Attempt attempt) {
        handle.execute("INSERT INTO attempts (attempt_id, quiz_id, quiz_version, player_id, seed, started_at_ms, "
                        + "deadline_ms, finished_at_ms, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                attempt.id(), attempt.quizId(), attempt.quizVersion(), attempt.playerId(), attempt.seed(),
                attempt.startedAt().toEpochMilli(), attempt.deadline().toEpochMilli(),
                attempt.isFinished() ? attempt.finishedAt().toEpochMilli() : null,
                attempt.isFinished() ? attempt.score() : null);
        for (int i = 0; i < attempt.questionIds().size(); i++) {
            String questionId = attempt.questionIds().get(i);
            Instant served = attempt.servedAt().get(questionId);
            handle.execute("INSERT INTO attempt_questions (attempt_id, serving_index, question_id, served_at_ms) "
                    + "VALUES (?, ?, ?, ?)", attempt.id(), i, questionId,
                    served == null ? null : served.toEpochMilli());
        }
        for (RecordedAnswer answer : attempt.answers().values()) {
            handle.execute("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)", attempt.id(), answer.questionId(),
                    AnswerJson.write(answer.answer()), answer.correct(), answer.points(), answer.streakBonus(),
                    answer.at().toEpochMilli());
        }
    }

    /**
     * Plays the attempts on as a player would, the clock moving between requests, and returns every reply: the first
     * attempt to its end, answering each question right 2 s after it is served; the second once its current
     * question's time has run out; then the finished one's result and the leaderboard.
     */
    private static List<Object> playOn(QuizEngine engine, MutableClock clock) {
        List<Object> replies = new ArrayList<>();
        Map<String, Answer> right = SampleQuizzes.catalogueRightAnswers();
        clock.advance(Duration.ofSeconds(10));
        replies.add(engine.attempt("p-1", "a-1"));
        for (String attemptId : List.of("a-1", "a-2")) {
            Optional<QuestionView> question = engine.currentQuestion("p-1", attemptId);
            while (question.isPresent()) {
                replies.add(question.get());
                clock.advance(Duration.ofSeconds(2));
                replies.add(engine.answer("p-1", attemptId, question.get().id(), right.get(question.get().id())));
                question = engine.currentQuestion("p-1", attemptId);
            }
            replies.add(engine.finish("p-1", attemptId));
            clock.advance(Duration.ofMinutes(2));
        }
        replies.add(engine.finish("p-1", "a-3"));
        replies.add(engine.leaderboard("catalogue", Page.of(10, 0)));
        return replies;
    }

    private static void migrateToFirstSchema(JdbcConfig config) {
        migrateTo(config, "1");
    }

    private static void migrateTo(JdbcConfig config, String version) {
        Flyway.configure().dataSource(config.effectiveUrl(), config.user(), config.password())
                .locations(JdbcStore.MIGRATIONS).table(JdbcStore.HISTORY_TABLE).target(version).load().migrate();
    }
}
