package org.kydp.quiz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kydp.quiz.error.ValidationException;

class QuestionTest {

    private static final LocalizedText TEXT = LocalizedText.en("?");

    @Test
    void a_single_choice_question_needs_exactly_one_correct_option_and_unique_ids() {
        assertThatThrownBy(() -> new SingleChoice(QuestionInfo.of("q", TEXT, 10),
                List.of(Option.right("a", TEXT), Option.right("b", TEXT))))
                .hasMessageContaining("exactly one correct option");
        assertThatThrownBy(() -> new SingleChoice(QuestionInfo.of("q", TEXT, 10),
                List.of(Option.wrong("a", TEXT), Option.wrong("b", TEXT))))
                .hasMessageContaining("exactly one correct option");
        assertThatThrownBy(() -> new SingleChoice(QuestionInfo.of("q", TEXT, 10), List.of(Option.right("a", TEXT), Option.wrong("a", TEXT))))
                .hasMessageContaining("unique");
        assertThatThrownBy(() -> new SingleChoice(QuestionInfo.of("q", TEXT, 10),
                List.of(Option.right("a", TEXT))))
                .hasMessageContaining("at least 2 options");
    }

    @Test
    void points_must_be_positive() {
        assertThatThrownBy(() -> new TrueFalse(QuestionInfo.of("q", TEXT, 0), true))
                .hasMessageContaining("points must be positive");
    }

    @Test
    void true_false_grades_a_boolean_and_refuses_other_shapes() {
        TrueFalse question = new TrueFalse(QuestionInfo.of("q", TEXT, 10), false);

        assertThat(question.grade(new Answer.Bool(false)).correct()).isTrue();
        assertThat(question.grade(new Answer.Bool(true)).correct()).isFalse();
        assertThat(question.correctAnswer()).contains(new Answer.Bool(false));
        assertThatThrownBy(() -> question.grade(new Answer.Choice("a")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("answer.value");
    }

    @Test
    void the_choices_a_player_sees_carry_only_ids_and_texts() {
        SingleChoice question = new SingleChoice(QuestionInfo.of("q", TEXT, 10),
                List.of(Option.wrong("a", LocalizedText.en("A")), Option.right("b", LocalizedText.en("B"))));

        assertThat(question.choices()).containsExactly(
                new Question.Choice("a", LocalizedText.en("A")), new Question.Choice("b", LocalizedText.en("B")));
        assertThat(Question.Choice.class.getRecordComponents()).extracting(c -> c.getName())
                .containsExactly("id", "text");
    }

    @Test
    void localised_text_falls_back_to_the_default_language() {
        LocalizedText text = LocalizedText.bilingual("Peace", "शांति");

        assertThat(text.in("hi", "en")).isEqualTo("शांति");
        assertThat(text.in("fr", "en")).isEqualTo("Peace");
        assertThat(LocalizedText.en("Only English").in("hi", "hi")).isEqualTo("Only English");
    }
}
