package org.kydp.quiz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kydp.quiz.SampleQuestions.info;
import static org.kydp.quiz.ValidationErrors.fieldsOf;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.SampleQuestions;

class SingleChoiceTest {

    private static final LocalizedText TEXT = LocalizedText.en("?");

    private final SingleChoice question = SampleQuestions.singleChoice(10);

    @Test
    void the_right_option_is_correct_and_earns_the_whole_fraction_with_its_feedback() {
        Grade grade = question.grade(new Answer.Choice("b"));

        assertThat(grade).isEqualTo(new Grade(true, 1.0, 1.0, LocalizedText.en("Right: 112.")));
    }

    @Test
    void a_wrong_option_is_wrong_and_earns_nothing_with_its_feedback() {
        assertThat(question.grade(new Answer.Choice("a")))
                .isEqualTo(new Grade(false, 0.0, 0.0, LocalizedText.en("1098 is Childline.")));
        assertThat(question.grade(new Answer.Choice("c")))
                .isEqualTo(new Grade(false, 0.0, 0.0, LocalizedText.empty()));
    }

    @Test
    void an_option_the_question_does_not_have_is_rejected_on_answer_choice() {
        assertThat(fieldsOf(() -> question.grade(new Answer.Choice("z")))).containsExactly("answer.choice");
        assertThat(fieldsOf(() -> question.grade(new Answer.Choice("")))).containsExactly("answer.choice");
        assertThat(fieldsOf(() -> question.grade(new Answer.Choice("B")))).containsExactly("answer.choice");
    }

    @Test
    void the_correct_answer_is_the_right_option() {
        assertThat(question.correctAnswer()).contains(new Answer.Choice("b"));
        assertThat(question.grade(question.correctAnswer().orElseThrow()).correct()).isTrue();
    }

    @Test
    void players_see_the_options_in_their_stored_order_with_only_ids_and_texts() {
        assertThat(question.choices()).containsExactly(
                new Question.Choice("a", LocalizedText.en("1098")),
                new Question.Choice("b", LocalizedText.en("112")),
                new Question.Choice("c", LocalizedText.en("1930")));
        assertThat(question.left()).isEmpty();
        assertThat(question.right()).isEmpty();
        assertThat(question.choicesRevealTheAnswer()).isFalse();
        assertThat(question.scored()).isTrue();
        assertThat(question.type()).isEqualTo(QuestionType.SINGLE_CHOICE);
    }

    @Test
    void needs_exactly_one_right_option() {
        assertThatThrownBy(() -> new SingleChoice(info("q"), List.of(Option.wrong("a", TEXT), Option.wrong("b", TEXT))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("exactly one correct option");
        assertThatThrownBy(() -> new SingleChoice(info("q"), List.of(Option.right("a", TEXT), Option.right("b", TEXT))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("exactly one correct option");
    }

    @Test
    void needs_at_least_two_options_with_distinct_ids() {
        assertThatThrownBy(() -> new SingleChoice(info("q"), List.of(Option.right("a", TEXT))))
                .hasMessageContaining("at least 2 options");
        assertThatThrownBy(() -> new SingleChoice(info("q"), List.of()))
                .hasMessageContaining("at least 2 options");
        assertThatThrownBy(() -> new SingleChoice(info("q"),
                List.of(Option.right("a", TEXT), Option.wrong("b", TEXT), Option.wrong("a", TEXT))))
                .hasMessageContaining("ids must be unique");
    }

    @Test
    void its_option_list_cannot_be_changed_from_outside() {
        List<Option> options = new java.util.ArrayList<>(List.of(Option.right("a", TEXT), Option.wrong("b", TEXT)));
        SingleChoice built = new SingleChoice(info("q"), options);

        options.add(Option.right("c", TEXT));

        assertThat(built.options()).hasSize(2);
        assertThatThrownBy(() -> built.options().add(Option.wrong("d", TEXT)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
