package org.kydp.quiz.store.jdbc;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An attempt's question order and serving times as the two text columns of its row, so that starting an attempt is
 * one INSERT and serving a question one UPDATE (migration V4 describes the columns):
 * <ul>
 *   <li>{@code question_ids}: the question ids in serving order, a JSON array of strings;</li>
 *   <li>{@code serving_times}: for each question in that order, the milliseconds from the start of the attempt to its
 *   first serving, comma-separated; empty for a question not served yet, and the empty ones at the end left out
 *   ({@code "0,4210"}: the first two served, at the start and 4.21 s later).</li>
 * </ul>
 * The serving times are written whole on every serving, so the column's previous text is what a serving compares
 * against to find out whether the attempt changed since it was read.
 */
final class AttemptColumns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private AttemptColumns() {
    }

    static String questionIds(List<String> questionIds) {
        try {
            return JSON.writeValueAsString(questionIds);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write question ids " + questionIds, e);
        }
    }

    static List<String> questionIds(String json) {
        try {
            return List.copyOf(JSON.readValue(json, STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable question ids: " + json, e);
        }
    }

    /** The serving times of the questions, in their order, as milliseconds after {@code startedAt}. */
    static String servingTimes(List<String> questionIds, Map<String, Instant> servedAt, Instant startedAt) {
        long start = startedAt.toEpochMilli();
        int last = -1;
        for (int i = 0; i < questionIds.size(); i++) {
            if (servedAt.containsKey(questionIds.get(i))) {
                last = i;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                text.append(',');
            }
            Instant served = servedAt.get(questionIds.get(i));
            if (served != null) {
                text.append(served.toEpochMilli() - start);
            }
        }
        return text.toString();
    }

    /** The serving times read back from {@link #servingTimes(List, Map, Instant)}. */
    static Map<String, Instant> servedAt(String servingTimes, List<String> questionIds, Instant startedAt) {
        Map<String, Instant> servedAt = new HashMap<>();
        if (servingTimes.isEmpty()) {
            return servedAt;
        }
        long start = startedAt.toEpochMilli();
        String[] offsets = servingTimes.split(",", -1);
        for (int i = 0; i < offsets.length && i < questionIds.size(); i++) {
            if (!offsets[i].isEmpty()) {
                servedAt.put(questionIds.get(i), Instant.ofEpochMilli(start + Long.parseLong(offsets[i])));
            }
        }
        return servedAt;
    }
}
