package org.kydp.quiz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kydp.quiz.SampleQuestions.choice;
import static org.kydp.quiz.SampleQuestions.info;
import static org.kydp.quiz.ValidationErrors.fieldsOf;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.SampleQuestions;

class PollTest {

    /** Options yes, no and maybe. */
    private final Poll poll = SampleQuestions.poll();

    @Test
    void is_never_scored_and_no_answer_is_right() {
        assertThat(poll.scored()).isFalse();
        for (String option : List.of("yes", "no", "maybe")) {
            Grade grade = poll.grade(new Answer.Choice(option));
            assertThat(grade.correct()).isFalse();
            assertThat(grade.fraction()).isZero();
        }
    }

    @Test
    void has_no_correct_answer() {
        assertThat(poll.correctAnswer()).isEmpty();
    }

    @Test
    void an_option_the_poll_does_not_have_is_rejected_on_answer_choice() {
        assertThat(fieldsOf(() -> poll.grade(new Answer.Choice("perhaps")))).containsExactly("answer.choice");
    }

    @Test
    void any_other_shape_is_rejected_on_answer_choice() {
        assertThat(fieldsOf(() -> poll.grade(Answer.Choices.of("yes")))).containsExactly("answer.choice");
        assertThat(fieldsOf(() -> poll.grade(new Answer.Bool(true)))).containsExactly("answer.choice");
    }

    @Test
    void players_see_its_options_with_only_ids_and_texts() {
        assertThat(poll.choices()).containsExactly(choice("yes"), choice("no"), choice("maybe"));
        assertThat(poll.type()).isEqualTo(QuestionType.POLL);
    }

    @Test
    void needs_at_least_two_options_with_distinct_ids() {
        assertThatThrownBy(() -> new Poll(info("q"), List.of(choice("yes"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least 2 options");
        assertThatThrownBy(() -> new Poll(info("q"), List.of(choice("yes"), choice("yes"))))
                .hasMessageContaining("ids must be unique");
    }
}
