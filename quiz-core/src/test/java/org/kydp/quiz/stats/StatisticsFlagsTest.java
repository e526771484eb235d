package org.kydp.quiz.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.stats.QuestionStatistics.Flag;

/**
 * The flags that need a sample: player i gets "emergency" right when i is even (else picks option a, so option c is
 * never chosen) and "mha" right when i is a multiple of 3. Over 30 players (or any multiple of 6) the two are
 * uncorrelated, r = 0: below 0.1, flagged from 30 attempts on, not before.
 */
class StatisticsFlagsTest {

    @ParameterizedTest(name = "{0} players")
    @CsvSource({"30, true", "24, false"})
    void low_discrimination_and_an_unchosen_wrong_option_are_flagged_from_30_attempts(int players, boolean flagged) {
        QuizEngine engine = QuizEngine.builder().build();
        engine.publish(SampleQuizzes.helplines());
        for (int i = 0; i < players; i++) {
            String player = engine.registerPlayer("Player " + i).player().id();
            String attempt = engine.startAttempt(player, "helplines").id();
            Map<String, Answer> answers = Map.of("emergency", new Answer.Choice(i % 2 == 0 ? "b" : "a"),
                    "mha", new Answer.Bool(i % 3 == 0));
            engine.currentQuestion(player, attempt).ifPresent(q -> engine.answer(player, attempt, q.id(),
                    answers.get(q.id())));
            engine.currentQuestion(player, attempt).ifPresent(q -> engine.answer(player, attempt, q.id(),
                    answers.get(q.id())));
            engine.finish(player, attempt);
        }

        Map<String, QuestionStatistics> questions = new java.util.HashMap<>();
        engine.statistics().quiz("helplines", StatsQuery.all()).questions()
                .forEach(q -> questions.put(q.questionId(), q));

        assertThat(questions.get("emergency").discrimination().getAsDouble()).isCloseTo(0, org.assertj.core.api
                .Assertions.within(1e-9));
        assertThat(questions.get("emergency").options()).filteredOn(o -> o.id().equals("c"))
                .singleElement().extracting(QuestionStatistics.OptionCount::chosen).isEqualTo(0L);
        if (flagged) {
            assertThat(questions.get("emergency").flags())
                    .containsExactlyInAnyOrder(Flag.LOW_DISCRIMINATION, Flag.UNCHOSEN_WRONG_OPTION);
            assertThat(questions.get("mha").flags()).containsExactly(Flag.LOW_DISCRIMINATION);
        } else {
            assertThat(questions.get("emergency").flags()).isEmpty();
            assertThat(questions.get("mha").flags()).isEmpty();
        }
    }
}
