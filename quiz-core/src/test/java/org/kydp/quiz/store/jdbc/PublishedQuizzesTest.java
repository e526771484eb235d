package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kydp.quiz.store.jdbc.SharedDatabaseTest.seen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;

/**
 * The catalogue of published quizzes ({@code GET /api/v1/quizzes}) is kept: a request for it reads no quiz document
 * while nothing changed, and none at all from the database while the store is its only writer or hears every change.
 * A quiz published, replaced or unpublished, here or through another store on the same database, is in the next
 * catalogue (through another store: at the next request where each request checks the list, within the delay of a
 * notification on PostgreSQL).
 */
class PublishedQuizzesTest {

    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    @Test
    void the_catalogue_is_read_once_then_served_without_a_statement_until_a_quiz_is_published_or_unpublished() {
        try (JdbcStore store = JdbcStore.open(TestDatabases.newH2())) {
            QuizEngine engine = QuizEngine.builder().store(store).build();
            Quiz helplines = SampleQuizzes.helplines();
            engine.publish(helplines);
            store.quizzes().save(SampleQuizzes.catalogue()); // saved, not published
            assertThat(engine.quizzes()).containsExactly(helplines);

            logStatements(store);
            assertThat(engine.quizzes()).containsExactly(helplines);
            assertThat(engine.quizzes()).containsExactly(helplines);
            assertThat(statements).as("statements run for the catalogue, read before").isEmpty();

            engine.administration().publish("catalogue");
            assertThat(engine.quizzes()).containsExactly(SampleQuizzes.catalogue(), helplines);
            engine.administration().unpublish("helplines");
            assertThat(engine.quizzes()).containsExactly(SampleQuizzes.catalogue());
            Quiz second = SampleQuizzes.catalogue(rules -> rules.withAttemptsAllowed(2)).withVersion(2);
            engine.publish(second);
            assertThat(engine.quizzes()).containsExactly(second);
        }
    }

    static Stream<Arguments> sharedDatabases() {
        return SharedDatabaseTest.sharedDatabases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedDatabases")
    void a_repeated_request_reads_no_document_and_a_quiz_published_through_the_other_store_is_in_the_catalogue(
            String name, Supplier<JdbcConfig> database) {
        JdbcConfig config = database.get();
        try (JdbcStore here = JdbcStore.open(config); JdbcStore there = JdbcStore.open(config)) {
            Quiz helplines = SampleQuizzes.helplines();
            here.quizzes().save(helplines);
            here.quizzes().setPublished(helplines.id(), true);
            assertThat(here.quizzes().published()).containsExactly(helplines);

            logStatements(here);
            assertThat(here.quizzes().published()).containsExactly(helplines);
            assertThat(statements).as("statements that read a document").noneMatch(sql -> sql.contains("document"));

            Quiz catalogue = SampleQuizzes.catalogue();
            there.quizzes().save(catalogue);
            there.quizzes().setPublished(catalogue.id(), true);
            assertThat(seen(() -> here.quizzes().published(), List.of(catalogue, helplines)::equals))
                    .containsExactly(catalogue, helplines);

            Quiz replaced = SampleQuizzes.helplines(QuizRules.defaults().withAttemptsAllowed(3)).withVersion(2);
            there.quizzes().save(replaced);
            there.quizzes().setPublished(catalogue.id(), false);
            assertThat(seen(() -> here.quizzes().published(), List.of(replaced)::equals)).containsExactly(replaced);
        }
    }

    /** Records each statement the store runs from now on. */
    private void logStatements(JdbcStore store) {
        store.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.add(context.getRawSql());
            }
        });
    }
}
