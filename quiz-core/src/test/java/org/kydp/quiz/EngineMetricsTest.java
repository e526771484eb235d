package org.kydp.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.kydp.quiz.metrics.EngineMetrics;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.QuestionType;

class EngineMetricsTest {

    private final List<String> told = new CopyOnWriteArrayList<>();
    private final QuizEngine engine = QuizEngine.builder().metrics(new EngineMetrics() {
        @Override
        public void playerRegistered() {
            told.add("registered");
        }

        @Override
        public void attemptStarted() {
            told.add("started");
        }

        @Override
        public void attemptFinished() {
            told.add("finished");
        }

        @Override
        public void answerRecorded(QuestionType type, Boolean correct) {
            told.add(type.wireName() + " " + correct);
        }
    }).build();

    @Test
    void the_engine_tells_its_metrics_of_each_registration_start_answer_and_finish_once() {
        engine.publish(SampleQuizzes.helplines());
        String asha = engine.registerPlayer("Asha").player().id();
        String attempt = engine.startAttempt(asha, "helplines").id();
        engine.currentQuestion(asha, attempt);
        engine.answer(asha, attempt, "emergency", new Answer.Choice("b"));
        engine.answer(asha, attempt, "emergency", new Answer.Choice("b")); // a repeat is not a new answer
        engine.currentQuestion(asha, attempt);
        engine.answer(asha, attempt, "mha", new Answer.Bool(false));
        engine.finish(asha, attempt);
        engine.finish(asha, attempt); // finishing again is not another finish

        assertThat(told).containsExactly("registered", "started", "single_choice true", "true_false false",
                "finished");
    }

    @Test
    void an_engine_built_without_metrics_records_nothing_and_plays_as_before() {
        QuizEngine plain = QuizEngine.builder().build();
        plain.publish(SampleQuizzes.helplines());
        String ravi = plain.registerPlayer("Ravi").player().id();
        String attempt = plain.startAttempt(ravi, "helplines").id();
        assertThat(plain.finish(ravi, attempt).score()).isZero();
    }
}
