package org.kydp.quiz.store.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kydp.quiz.model.Answer;

/** Answers as JSON in the shape players submit them: {@code {"choice": "b"}}, {@code {"number": 112}} … */
final class AnswerJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double EXACT_LONG_LIMIT = 9.007199254740992E15; // 2^53

    private AnswerJson() {
    }

    static String write(Answer answer) {
        if (answer == null) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        if (answer instanceof Answer.Choice choice) {
            node.put("choice", choice.optionId());
        } else if (answer instanceof Answer.Choices choices) {
            choices.optionIds().forEach(node.putArray("choices")::add);
        } else if (answer instanceof Answer.Bool bool) {
            node.put("value", bool.value());
        } else if (answer instanceof Answer.Text text) {
            node.put("text", text.text());
        } else if (answer instanceof Answer.Number number) {
            double value = number.value();
            if (value == Math.rint(value) && Math.abs(value) < EXACT_LONG_LIMIT && !isNegativeZero(value)) {
                node.put("number", (long) value);
            } else {
                node.put("number", value);
            }
        } else if (answer instanceof Answer.Order order) {
            order.itemIds().forEach(node.putArray("order")::add);
        } else if (answer instanceof Answer.Pairs pairs) {
            ObjectNode object = node.putObject("pairs");
            pairs.pairs().forEach(object::put);
        } else {
            throw new IllegalArgumentException("no JSON form for answer " + answer);
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always serialises", e);
        }
    }

    static Answer read(String json) {
        if (json == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer is not JSON: " + json, e);
        }
        if (node.has("choice")) {
            return new Answer.Choice(node.get("choice").asText());
        }
        if (node.has("choices")) {
            TreeSet<String> ids = new TreeSet<>();
            node.get("choices").forEach(id -> ids.add(id.asText()));
            return new Answer.Choices(ids);
        }
        if (node.has("value")) {
            return new Answer.Bool(node.get("value").booleanValue());
        }
        if (node.has("text")) {
            return new Answer.Text(node.get("text").asText());
        }
        if (node.has("number")) {
            return new Answer.Number(node.get("number").doubleValue());
        }
        if (node.has("order")) {
            List<String> ids = new ArrayList<>();
            node.get("order").forEach(id -> ids.add(id.asText()));
            return new Answer.Order(ids);
        }
        if (node.has("pairs")) {
            Map<String, String> pairs = new LinkedHashMap<>();
            node.get("pairs").properties().forEach(pair -> pairs.put(pair.getKey(), pair.getValue().asText()));
            return new Answer.Pairs(pairs);
        }
        throw new IllegalStateException("a stored answer of no known shape: " + json);
    }

    private static boolean isNegativeZero(double value) {
        return value == 0 && Double.doubleToRawLongBits(value) != 0;
    }
}
