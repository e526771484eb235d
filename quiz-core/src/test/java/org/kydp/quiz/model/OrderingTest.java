package org.kydp.quiz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kydp.quiz.SampleQuestions.choice;
import static org.kydp.quiz.SampleQuestions.info;
import static org.kydp.quiz.ValidationErrors.fieldsOf;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.error.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kydp.quiz.SampleQuestions;

class OrderingTest {

    /** Right order: a, b, c, d. */
    private final Ordering question = SampleQuestions.ordering(10);

    private static Answer.Order order(String ids) {
        return new Answer.Order(List.of(ids.split(",")));
    }

    @Test
    void the_right_order_is_correct() {
        assertThat(question.grade(order("a,b,c,d"))).isEqualTo(Grade.right(null));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            "a,b,d,c; 0.5",
            "b,a,c,d; 0.5",
            "a,c,b,d; 0.5",
            "d,b,c,a; 0.5",
            "a,d,b,c; 0.25",
            "b,c,d,a; 0.0",
            "d,c,b,a; 0.0"})
    void each_item_in_its_place_earns_its_share(String given, double fraction) {
        Grade grade = question.grade(order(given));

        assertThat(grade.correct()).isFalse();
        assertThat(grade.fraction()).isEqualTo(fraction);
        assertThat(grade.fractionNoPenalty()).isEqualTo(fraction);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "a,b,c",
            "a,b,c,d,e",
            "a,b,c,c",
            "a,a,b,c,d",
            "a,b,c,z",
            "A,B,C,D",
            "''"})
    void an_order_that_does_not_list_every_item_exactly_once_is_rejected_on_answer_order(String given) {
        assertThat(fieldsOf(() -> question.grade(order(given)))).containsExactly("answer.order");
    }

    @Test
    void an_empty_order_is_rejected_on_answer_order() {
        assertThat(fieldsOf(() -> question.grade(new Answer.Order(List.of())))).containsExactly("answer.order");
    }

    @Test
    void any_other_shape_is_rejected_on_answer_order() {
        assertThat(fieldsOf(() -> question.grade(Answer.Choices.of("a", "b", "c", "d"))))
                .containsExactly("answer.order");
    }

    @Test
    void the_correct_answer_is_the_stored_order_which_is_why_players_always_get_it_shuffled() {
        assertThat(question.correctAnswer()).contains(order("a,b,c,d"));
        assertThat(question.choicesRevealTheAnswer()).isTrue();
        assertThat(question.choices()).containsExactly(choice("a"), choice("b"), choice("c"), choice("d"));
    }

    @Test
    void needs_at_least_two_items_with_distinct_ids() {
        assertThatThrownBy(() -> new Ordering(info("q"), List.of(choice("a"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least 2 items");
        assertThatThrownBy(() -> new Ordering(info("q"), List.of(choice("a"), choice("b"), choice("a"))))
                .hasMessageContaining("ids must be unique");
    }

    @Test
    void two_items_swapped_earn_nothing() {
        Ordering pair = new Ordering(info("q"), List.of(choice("x"), choice("y")));

        assertThat(pair.grade(order("y,x"))).isEqualTo(Grade.wrong(null));
        assertThat(pair.grade(order("x,y"))).isEqualTo(Grade.right(null));
    }
}
