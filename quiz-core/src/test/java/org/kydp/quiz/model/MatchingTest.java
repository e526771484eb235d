package org.kydp.quiz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.kydp.quiz.SampleQuestions.choice;
import static org.kydp.quiz.SampleQuestions.info;
import static org.kydp.quiz.ValidationErrors.fieldsOf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.SampleQuestions;

class MatchingTest {

    /** l1→r1, l2→r2, l3→r3; r4 matches nothing. */
    private final Matching question = SampleQuestions.matching(10);

    private static Answer.Pairs pairs(String... leftRight) {
        Map<String, String> pairs = new HashMap<>();
        for (int i = 0; i < leftRight.length; i += 2) {
            pairs.put(leftRight[i], leftRight[i + 1]);
        }
        return new Answer.Pairs(pairs);
    }

    @Test
    void every_pair_right_is_correct() {
        assertThat(question.grade(pairs("l1", "r1", "l2", "r2", "l3", "r3"))).isEqualTo(Grade.right(null));
    }

    @Test
    void each_right_pair_earns_its_share() {
        assertThat(question.grade(pairs("l1", "r1", "l2", "r3", "l3", "r2")).fraction()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(question.grade(pairs("l1", "r1", "l2", "r2", "l3", "r4")).fraction()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(question.grade(pairs("l1", "r2", "l2", "r3", "l3", "r1"))).isEqualTo(Grade.wrong(null));
        assertThat(question.grade(pairs("l1", "r4", "l2", "r4", "l3", "r4"))).isEqualTo(Grade.wrong(null));
    }

    @Test
    void a_right_item_may_be_used_for_several_left_items() {
        Grade grade = question.grade(pairs("l1", "r1", "l2", "r1", "l3", "r3"));

        assertThat(grade.correct()).isFalse();
        assertThat(grade.fraction()).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void pairs_that_leave_out_a_left_item_or_name_an_unknown_one_are_rejected_on_answer_pairs() {
        assertThat(fieldsOf(() -> question.grade(pairs("l1", "r1", "l2", "r2")))).containsExactly("answer.pairs");
        assertThat(fieldsOf(() -> question.grade(pairs("l1", "r1", "l2", "r2", "l3", "r3", "l4", "r4"))))
                .containsExactly("answer.pairs");
        assertThat(fieldsOf(() -> question.grade(pairs("l1", "r1", "l2", "r2", "x", "r3"))))
                .containsExactly("answer.pairs");
        assertThat(fieldsOf(() -> question.grade(pairs()))).containsExactly("answer.pairs");
    }

    @Test
    void a_pair_with_an_unknown_right_item_is_rejected_on_its_left_id() {
        assertThat(fieldsOf(() -> question.grade(pairs("l1", "r1", "l2", "r9", "l3", "r3"))))
                .containsExactly("answer.pairs.l2");
        assertThat(fieldsOf(() -> question.grade(pairs("l1", "l2", "l2", "r2", "l3", "r3"))))
                .containsExactly("answer.pairs.l1");
    }

    @Test
    void a_pair_with_no_right_item_is_rejected_on_its_left_id() {
        Map<String, String> withNull = new HashMap<>(Map.of("l1", "r1", "l3", "r3"));
        withNull.put("l2", null);

        assertThat(fieldsOf(() -> question.grade(new Answer.Pairs(withNull)))).containsExactly("answer.pairs.l2");
    }

    @Test
    void any_other_shape_is_rejected_on_answer_pairs() {
        assertThat(fieldsOf(() -> question.grade(new Answer.Order(List.of("r1", "r2", "r3")))))
                .containsExactly("answer.pairs");
    }

    @Test
    void the_correct_answer_is_the_pairs() {
        assertThat(question.correctAnswer()).contains(pairs("l1", "r1", "l2", "r2", "l3", "r3"));
    }

    @Test
    void players_see_both_sides_with_only_ids_and_texts() {
        assertThat(question.left()).containsExactly(choice("l1"), choice("l2"), choice("l3"));
        assertThat(question.right()).containsExactly(choice("r1"), choice("r2"), choice("r3"), choice("r4"));
        assertThat(question.choices()).isEmpty();
    }

    @Test
    void needs_at_least_two_left_items_with_distinct_ids() {
        assertThatThrownBy(() -> new Matching(info("q"), List.of(choice("l1")), List.of(choice("r1"), choice("r2")),
                Map.of("l1", "r1")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least 2 left items");
        assertThatThrownBy(() -> new Matching(info("q"), List.of(choice("l1"), choice("l1")),
                List.of(choice("r1"), choice("r2")), Map.of("l1", "r1")))
                .hasMessageContaining("ids must be unique");
        assertThatThrownBy(() -> new Matching(info("q"), List.of(choice("l1"), choice("l2")),
                List.of(choice("r1"), choice("r1")), Map.of("l1", "r1", "l2", "r1")))
                .hasMessageContaining("ids must be unique");
    }

    @Test
    void its_pairs_must_cover_every_left_item_with_a_right_item_from_the_list() {
        List<Question.Choice> left = List.of(choice("l1"), choice("l2"));
        List<Question.Choice> right = List.of(choice("r1"), choice("r2"));

        assertThatThrownBy(() -> new Matching(info("q"), left, right, Map.of("l1", "r1")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("every left item");
        assertThatThrownBy(() -> new Matching(info("q"), left, right, Map.of("l1", "r1", "l2", "r3")))
                .hasMessageContaining("every left item");
        assertThatThrownBy(() -> new Matching(info("q"), left, right, Map.of("l1", "r1", "l2", "r2", "l3", "r2")))
                .hasMessageContaining("every left item");
    }
}
