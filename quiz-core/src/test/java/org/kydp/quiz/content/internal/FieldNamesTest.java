package org.kydp.quiz.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldNamesTest {

    private final FieldNames rules = FieldNames.of("timeLimitMs", "questionTimeLimitMs", "gracePeriodMs", "grading");

    @Test
    void a_name_within_two_edits_case_aside_is_suggested() {
        assertThat(rules.closestTo("timeLimitMS")).contains("timeLimitMs");
        assertThat(rules.closestTo("TIMELIMITMS")).contains("timeLimitMs");
        assertThat(rules.closestTo("timeLimit")).contains("timeLimitMs");
        assertThat(rules.closestTo("gradng")).contains("grading");
    }

    @Test
    void nothing_is_suggested_for_a_name_further_away() {
        assertThat(rules.closestTo("limit")).isEmpty();
        assertThat(rules.closestTo("timeLim")).isEmpty();
    }

    @Test
    void the_message_suggests_a_name_or_lists_the_known_ones() {
        assertThat(rules.unknown("gradng")).isEqualTo("unknown field; did you mean grading?");
        assertThat(rules.unknown("colour"))
                .isEqualTo("unknown field; known here: timeLimitMs, questionTimeLimitMs, gracePeriodMs, grading");
    }

    @Test
    void the_distance_counts_insertions_deletions_and_substitutions() {
        assertThat(FieldNames.distance("", "abc")).isEqualTo(3);
        assertThat(FieldNames.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(FieldNames.distance("same", "same")).isZero();
        assertThat(FieldNames.distance("ab", "ba")).isEqualTo(2);
    }
}
