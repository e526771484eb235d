package org.kydp.quiz.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.Answer;

/**
 * Turns an answer body into an engine answer: {@code {"choice": "b"}}, {@code {"choices": ["a", "c"]}},
 * {@code {"value": true}}, {@code {"text": "…"}}, {@code {"number": 112}}, {@code {"order": ["c", "a"]}}
 * or {@code {"pairs": {"l1": "r2"}}}. Whether the shape fits the question is the question's to say.
 */
final class AnswerBodies {

    static final int MAX_IDS = 100;
    static final int MAX_ID_LENGTH = 100;

    private static final List<String> FIELDS = List.of("choice", "choices", "value", "text", "number", "order",
            "pairs");

    private AnswerBodies() {
    }

    static Answer parse(JsonNode body) {
        String field = onlyAnswerField(body);
        JsonNode node = body.get(field);
        return switch (field) {
            case "choice" -> new Answer.Choice(id(node, "answer.choice"));
            case "choices" -> new Answer.Choices(uniqueIds(node, "answer.choices"));
            case "value" -> {
                if (!node.isBoolean()) {
                    throw ValidationException.of("answer.value", "must be true or false");
                }
                yield new Answer.Bool(node.booleanValue());
            }
            case "text" -> {
                if (!node.isTextual()) {
                    throw ValidationException.of("answer.text", "must be a string");
                }
                yield new Answer.Text(node.asText());
            }
            case "number" -> {
                if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
                    throw ValidationException.of("answer.number", "must be a finite number");
                }
                yield new Answer.Number(node.doubleValue());
            }
            case "order" -> new Answer.Order(new ArrayList<>(uniqueIds(node, "answer.order")));
            case "pairs" -> new Answer.Pairs(pairs(node));
            default -> throw new IllegalStateException("unhandled answer field " + field);
        };
    }

    private static String onlyAnswerField(JsonNode body) {
        String found = null;
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (FIELDS.contains(name)) {
                if (found != null) {
                    throw ValidationException.of("answer", "send exactly one of " + FIELDS + ", got both '"
                            + found + "' and '" + name + "'");
                }
                found = name;
            }
        }
        if (found == null) {
            throw ValidationException.of("answer", "send one of " + FIELDS + " as the question's type needs");
        }
        return found;
    }

    private static String id(JsonNode node, String field) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw ValidationException.of(field, "must be an id (a non-empty string)");
        }
        if (node.asText().length() > MAX_ID_LENGTH) {
            throw ValidationException.of(field, "an id is at most " + MAX_ID_LENGTH + " characters");
        }
        return node.asText();
    }

    /** Ids in the order given, each once. */
    private static Set<String> uniqueIds(JsonNode node, String field) {
        if (!node.isArray()) {
            throw ValidationException.of(field, "must be an array of ids");
        }
        if (node.size() > MAX_IDS) {
            throw ValidationException.of(field, "at most " + MAX_IDS + " ids");
        }
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String id = id(node.get(i), field + "[" + i + "]");
            if (!ids.add(id)) {
                throw ValidationException.of(field + "[" + i + "]", "'" + id + "' is given twice");
            }
        }
        return ids;
    }

    private static Map<String, String> pairs(JsonNode node) {
        if (!node.isObject()) {
            throw ValidationException.of("answer.pairs", "must be an object of left id to right id");
        }
        if (node.size() > MAX_IDS) {
            throw ValidationException.of("answer.pairs", "at most " + MAX_IDS + " pairs");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        node.properties().forEach(pair -> {
            if (pair.getKey().isBlank() || pair.getKey().length() > MAX_ID_LENGTH || !seen.add(pair.getKey())) {
                throw ValidationException.of("answer.pairs", "'" + pair.getKey() + "' is not a left id");
            }
            pairs.put(pair.getKey(), id(pair.getValue(), "answer.pairs." + pair.getKey()));
        });
        return pairs;
    }
}
