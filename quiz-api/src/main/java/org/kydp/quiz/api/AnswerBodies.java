package org.kydp.quiz.api;

import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.Answer;

/** Turns an answer body ({@code {"choice": "b"}}, {@code {"value": true}}, …) into an engine answer. */
final class AnswerBodies {

    private static final List<String> FIELDS = List.of("choice", "choices", "value", "text", "number", "order",
            "pairs");

    private AnswerBodies() {
    }

    static Answer parse(JsonNode body) {
        String field = onlyAnswerField(body);
        JsonNode node = body.get(field);
        return switch (field) {
            case "choice" -> {
                if (!node.isTextual() || node.asText().isBlank()) {
                    throw ValidationException.of("answer.choice", "must be an option id (a string)");
                }
                yield new Answer.Choice(node.asText());
            }
            case "value" -> {
                if (!node.isBoolean()) {
                    throw ValidationException.of("answer.value", "must be true or false");
                }
                yield new Answer.Bool(node.booleanValue());
            }
            default -> throw ValidationException.of("answer." + field,
                    "this server does not support '" + field + "' answers yet");
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
}
