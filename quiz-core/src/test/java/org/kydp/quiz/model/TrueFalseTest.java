package org.kydp.quiz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kydp.quiz.SampleQuestions.info;
import static org.kydp.quiz.ValidationErrors.fieldsOf;

import org.junit.jupiter.api.Test;
import org.kydp.quiz.SampleQuestions;

class TrueFalseTest {

    private final TrueFalse question = SampleQuestions.trueFalse(10);

    @Test
    void the_right_value_is_correct_with_the_feedback_for_a_right_answer() {
        assertThat(question.grade(new Answer.Bool(true)))
                .isEqualTo(new Grade(true, 1.0, 1.0, LocalizedText.en("Yes.")));
    }

    @Test
    void the_other_value_is_wrong_with_the_feedback_for_a_wrong_answer() {
        assertThat(question.grade(new Answer.Bool(false)))
                .isEqualTo(new Grade(false, 0.0, 0.0, LocalizedText.en("It does.")));
    }

    @Test
    void a_false_statement_is_answered_right_with_false() {
        TrueFalse statement = new TrueFalse(info("q"), false);

        assertThat(statement.grade(new Answer.Bool(false)).correct()).isTrue();
        assertThat(statement.grade(new Answer.Bool(true)).correct()).isFalse();
        assertThat(statement.correctAnswer()).contains(new Answer.Bool(false));
        assertThat(statement.feedbackWhenRight()).isEqualTo(LocalizedText.empty());
        assertThat(statement.feedbackWhenWrong()).isEqualTo(LocalizedText.empty());
    }

    @Test
    void any_other_shape_is_rejected_on_answer_value() {
        assertThat(fieldsOf(() -> question.grade(new Answer.Choice("true")))).containsExactly("answer.value");
        assertThat(fieldsOf(() -> question.grade(new Answer.Text("true")))).containsExactly("answer.value");
    }

    @Test
    void it_shows_players_nothing_to_pick_from() {
        assertThat(question.choices()).isEmpty();
        assertThat(question.type()).isEqualTo(QuestionType.TRUE_FALSE);
    }
}
