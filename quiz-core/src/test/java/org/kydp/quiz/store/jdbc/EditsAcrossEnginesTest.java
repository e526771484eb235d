package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.leaderboard.Page;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.AttemptGrading;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;

/**
 * Quizzes edited on one of two servers sharing a PostgreSQL database: every edit is a version of its own, even two
 * made at the same instant on both, and the other server re-ranks its leaderboards as soon as it hears of an edit
 * that changes the grading rule.
 */
class EditsAcrossEnginesTest {

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final JdbcConfig database = TestDatabases.newPostgres();
    private final JdbcStore hereStore = JdbcStore.open(database);
    private final JdbcStore thereStore = JdbcStore.open(database);
    private final QuizEngine here = QuizEngine.builder().store(hereStore).clock(clock).build();
    private final QuizEngine there = QuizEngine.builder().store(thereStore).clock(clock).build();

    @AfterEach
    void close() {
        hereStore.close();
        thereStore.close();
    }

    private static Quiz graded(AttemptGrading grading) {
        return SampleQuizzes.helplines(QuizRules.defaults().withGrading(grading));
    }

    @Test
    void an_edit_that_changes_the_grading_re_ranks_the_other_servers_leaderboards() {
        here.publish(graded(AttemptGrading.HIGHEST));
        String asha = here.registerPlayer("Asha").player().id();
        for (String answer : List.of("b", "a")) {
            String attempt = here.startAttempt(asha, "helplines").id();
            here.currentQuestion(asha, attempt);
            here.answer(asha, attempt, "emergency", new Answer.Choice(answer));
            clock.advance(Duration.ofSeconds(2));
            here.finish(asha, attempt);
        }
        assertThat(SharedDatabaseTest.seen(() -> topScore(there), score -> score == 10)).isEqualTo(10);

        here.administration().update("helplines", graded(AttemptGrading.LAST));

        assertThat(SharedDatabaseTest.seen(() -> topScore(there), score -> score == 0))
                .as("the last attempt, on the other server").isEqualTo(0);
    }

    @Test
    void two_edits_at_the_same_instant_on_two_servers_make_two_versions() throws Exception {
        here.publish(graded(AttemptGrading.HIGHEST));
        assertThat(there.quiz("helplines").orElseThrow().version()).isEqualTo(1);
        CyclicBarrier together = new CyclicBarrier(2);

        CompletableFuture<Integer> hereEdit = CompletableFuture.supplyAsync(() -> edit(here, together,
                graded(AttemptGrading.FIRST)));
        CompletableFuture<Integer> thereEdit = CompletableFuture.supplyAsync(() -> edit(there, together,
                graded(AttemptGrading.LAST)));

        assertThat(List.of(hereEdit.get(30, TimeUnit.SECONDS), thereEdit.get(30, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder(2, 3);
        assertThat(hereStore.quizzes().find("helplines", 2)).isPresent();
        assertThat(hereStore.quizzes().find("helplines", 3)).isPresent();
        assertThat(hereStore.quizzes().find("helplines", 1)).contains(graded(AttemptGrading.HIGHEST));
    }

    private static int edit(QuizEngine engine, CyclicBarrier together, Quiz quiz) {
        try {
            together.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return engine.administration().update("helplines", quiz).quiz().version();
    }

    private static int topScore(QuizEngine engine) {
        var page = engine.leaderboard("helplines", Page.of(1, 0));
        return page.entries().isEmpty() ? -1 : page.entries().get(0).score();
    }
}
