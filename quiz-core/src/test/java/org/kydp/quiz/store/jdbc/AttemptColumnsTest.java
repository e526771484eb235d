package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** An attempt's question order and serving times as the two text columns of its row. */
class AttemptColumnsTest {

    private static final Instant START = Instant.parse("2026-02-16T04:30:00.123Z");
    private static final List<String> ORDER = List.of("mha", "emergency", "quote\"d, with comma", "last");

    @Test
    void the_question_order_is_a_json_array_that_reads_back_the_same_whatever_the_ids_hold() {
        String json = AttemptColumns.questionIds(ORDER);

        assertThat(json).isEqualTo("[\"mha\",\"emergency\",\"quote\\\"d, with comma\",\"last\"]");
        assertThat(AttemptColumns.questionIds(json)).isEqualTo(ORDER);
        assertThat(AttemptColumns.questionIds(AttemptColumns.questionIds(List.of()))).isEmpty();
    }

    @Test
    void serving_times_are_milliseconds_from_the_start_in_serving_order_with_gaps_for_questions_not_served() {
        Map<String, Instant> served = Map.of("mha", START, "emergency", START.plusMillis(4_210));
        assertThat(AttemptColumns.servingTimes(ORDER, served, START)).isEqualTo("0,4210");
        assertThat(AttemptColumns.servingTimes(ORDER, Map.of(), START)).isEmpty();

        Map<String, Instant> outOfOrder = Map.of("emergency", START.minusMillis(5), "last", START.plusSeconds(90));
        String text = AttemptColumns.servingTimes(ORDER, outOfOrder, START);

        assertThat(text).isEqualTo(",-5,,90000");
        assertThat(AttemptColumns.servedAt(text, ORDER, START)).isEqualTo(outOfOrder);
        assertThat(AttemptColumns.servedAt("0,4210", ORDER, START)).isEqualTo(served);
        assertThat(AttemptColumns.servedAt("", ORDER, START)).isEmpty();
    }
}
