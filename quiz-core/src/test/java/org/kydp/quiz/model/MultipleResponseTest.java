package org.kydp.quiz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.kydp.quiz.SampleQuestions.info;
import static org.kydp.quiz.ValidationErrors.fieldsOf;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.SampleQuestions;

class MultipleResponseTest {

    private static final LocalizedText TEXT = LocalizedText.en("?");

    /** Right: a (0.5) and b (0.5); wrong: c (−0.5) and d (−1). */
    private final MultipleResponse question = SampleQuestions.multipleResponse(10);

    private static WeightedOption option(String id, double weight) {
        return new WeightedOption(id, TEXT, weight, null);
    }

    @Test
    void exactly_the_right_options_are_correct_with_fraction_one() {
        Grade grade = question.grade(Answer.Choices.of("b", "a"));

        assertThat(grade.correct()).isTrue();
        assertThat(grade.fraction()).isEqualTo(1.0);
        assertThat(grade.fractionNoPenalty()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0} → fraction {2}, without penalty {3}")
    @CsvSource(delimiter = ';', value = {
            // chosen; correct; fraction (with penalty, clamped to [-1, 1]); fraction without penalty
            "a;       false;  0.5;  0.5",
            "b;       false;  0.5;  0.5",
            "a,c;     false;  0.0;  0.5",
            "a,b,c;   false;  0.5;  1.0",
            "a,b,d;   false;  0.0;  1.0",
            "a,b,c,d; false; -0.5;  1.0",
            "c;       false; -0.5;  0.0",
            "d;       false; -1.0;  0.0",
            "c,d;     false; -1.0;  0.0",
            "a,c,d;   false; -1.0;  0.5",
            "a,b;     true;   1.0;  1.0"})
    void a_partly_right_answer_earns_the_weights_of_its_options(String chosen, boolean correct, double fraction,
                                                                double noPenalty) {
        Grade grade = question.grade(new Answer.Choices(java.util.Set.of(chosen.split(","))));

        assertThat(grade.correct()).isEqualTo(correct);
        assertThat(grade.fraction()).isCloseTo(fraction, within(1e-9));
        assertThat(grade.fractionNoPenalty()).isCloseTo(noPenalty, within(1e-9));
    }

    @Test
    void choosing_nothing_is_wrong_and_earns_nothing() {
        Grade grade = question.grade(new Answer.Choices(java.util.Set.of()));

        assertThat(grade).isEqualTo(new Grade(false, 0.0, 0.0, LocalizedText.empty()));
    }

    @Test
    void the_feedback_is_that_of_every_chosen_option() {
        assertThat(question.grade(Answer.Choices.of("a", "b", "c")).feedback())
                .isEqualTo(LocalizedText.en("112: all emergencies. 1930: cyber fraud."));
    }

    @Test
    void an_option_the_question_does_not_have_is_rejected_on_answer_choices() {
        assertThat(fieldsOf(() -> question.grade(Answer.Choices.of("a", "z")))).containsExactly("answer.choices");
        assertThat(fieldsOf(() -> question.grade(Answer.Choices.of("")))).containsExactly("answer.choices");
    }

    @Test
    void a_single_choice_is_the_wrong_shape_for_a_multiple_response_question() {
        assertThat(fieldsOf(() -> question.grade(new Answer.Choice("a")))).containsExactly("answer.choices");
    }

    @Test
    void the_correct_answer_is_every_right_option() {
        assertThat(question.correctAnswer()).contains(Answer.Choices.of("a", "b"));
        assertThat(question.grade(question.correctAnswer().orElseThrow()).correct()).isTrue();
    }

    @Test
    void players_see_only_ids_and_texts_never_weights() {
        assertThat(question.choices()).containsExactly(
                new Question.Choice("a", LocalizedText.en("112")),
                new Question.Choice("b", LocalizedText.en("1930")),
                new Question.Choice("c", LocalizedText.en("1098")),
                new Question.Choice("d", LocalizedText.en("139")));
        assertThat(Question.Choice.class.getRecordComponents()).extracting(c -> c.getName())
                .containsExactly("id", "text");
    }

    @Test
    void the_weights_of_the_right_options_must_add_up_to_one_give_or_take_a_hundredth() {
        assertThatCode(() -> new MultipleResponse(info("q"),
                List.of(option("a", 0.33333), option("b", 0.33333), option("c", 0.33333), option("d", -1))))
                .doesNotThrowAnyException();
        assertThatCode(() -> new MultipleResponse(info("q"), List.of(option("a", 0.5), option("b", 0.509))))
                .doesNotThrowAnyException();
        assertThatCode(() -> new MultipleResponse(info("q"), List.of(option("a", 0.5), option("b", 0.491))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new MultipleResponse(info("q"), List.of(option("a", 0.5), option("b", 0.52))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("must add up to 1");
        assertThatThrownBy(() -> new MultipleResponse(info("q"), List.of(option("a", 0.5), option("b", 0.48))))
                .hasMessageContaining("must add up to 1");
        assertThatThrownBy(() -> new MultipleResponse(info("q"), List.of(option("a", 1), option("b", 1))))
                .hasMessageContaining("must add up to 1");
    }

    @Test
    void needs_a_right_option() {
        assertThatThrownBy(() -> new MultipleResponse(info("q"), List.of(option("a", 0), option("b", -0.5))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("must add up to 1");
    }

    @Test
    void a_weight_lies_within_minus_one_and_one() {
        assertThatThrownBy(() -> option("a", 1.5)).hasMessageContaining("within [-1, 1]");
        assertThatThrownBy(() -> option("a", -1.01)).hasMessageContaining("within [-1, 1]");
        assertThatThrownBy(() -> option("a", Double.NaN)).hasMessageContaining("within [-1, 1]");
        assertThat(option("a", -1).correct()).isFalse();
        assertThat(option("a", 0).correct()).isFalse();
        assertThat(option("a", 0.01).correct()).isTrue();
    }

    @Test
    void needs_at_least_two_options_with_distinct_ids() {
        assertThatThrownBy(() -> new MultipleResponse(info("q"), List.of(option("a", 1))))
                .hasMessageContaining("at least 2 options");
        assertThatThrownBy(() -> new MultipleResponse(info("q"), List.of(option("a", 0.5), option("a", 0.5))))
                .hasMessageContaining("ids must be unique");
    }

    @Test
    void a_grade_keeps_its_fractions_within_their_ranges() {
        assertThatThrownBy(() -> new Grade(false, -1.5, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Grade(false, 1.01, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Grade(false, 0, -0.1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Grade(false, Double.NaN, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Grade.of(1.7, null)).isEqualTo(Grade.right(null));
        assertThat(Grade.of(-0.3, null)).isEqualTo(Grade.wrong(null));
    }
}
