package org.kydp.quiz.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Answer;

class FinishedAttemptTest {

    @Test
    void a_finish_listener_is_told_the_attempt_without_its_secrets_and_with_no_nulls() {
        MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
        QuizEngine engine = QuizEngine.builder().clock(clock).build();
        engine.publish(SampleQuizzes.helplines());
        List<FinishedAttempt> told = new ArrayList<>();
        engine.onAttemptFinished(told::add);
        String asha = engine.registerPlayer("Asha").player().id();
        String attempt = engine.startAttempt(asha, "helplines").id();
        while (!engine.currentQuestion(asha, attempt).orElseThrow().id().equals("emergency")) {
            engine.answer(asha, attempt, "mha", new Answer.Bool(false));
        }
        engine.answer(asha, attempt, "emergency", new Answer.Choice("b"));
        clock.advance(Duration.ofSeconds(42));

        engine.finish(asha, attempt);
        engine.finish(asha, attempt);

        assertThat(told).singleElement().satisfies(finished -> {
            assertThat(finished.id()).isEqualTo(attempt);
            assertThat(finished.quizId()).isEqualTo("helplines");
            assertThat(finished.quizVersion()).isEqualTo(1);
            assertThat(finished.playerId()).isEqualTo(asha);
            assertThat(finished.score()).isEqualTo(10);
            assertThat(finished.correct()).isEqualTo(1);
            assertThat(finished.answered()).isBetween(1, 2);
            assertThat(finished.questionCount()).isEqualTo(SampleQuizzes.helplines().questions().size());
            assertThat(finished.duration()).isEqualTo(Duration.ofSeconds(42));
            assertThat(finished.finishedAt()).isEqualTo(finished.startedAt().plusSeconds(42));
        });
        assertThat(FinishedAttempt.class.getRecordComponents())
                .extracting(component -> component.getName()).doesNotContain("seed", "answers");
    }
}
