package org.kydp.quiz.content.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.LocalizedText;

/**
 * Reads fields of a JSON document, collecting every problem with its path instead of stopping at the
 * first. Each reader returns a harmless value when the field is wrong, so reading can go on.
 */
public final class Fields {

    private final List<FieldError> errors = new ArrayList<>();
    private final List<FieldError> warnings = new ArrayList<>();
    private final List<String> languages;
    private final boolean lenient;

    /** Strict: a field no object of its kind has is an error. */
    public Fields(List<String> languages) {
        this(languages, false);
    }

    /** Lenient or not: a field no object of its kind has is a warning, or an error. */
    public Fields(List<String> languages, boolean lenient) {
        this.languages = List.copyOf(languages);
        this.lenient = lenient;
    }

    /** Fields that were ignored, in a lenient reading. */
    public List<FieldError> warnings() {
        return warnings;
    }

    /**
     * Reports each field of the object that is not one of {@code known}: an error, or a warning when lenient.
     * {@code path} is the object's path with its trailing dot ({@code "questions[2]."}), or empty for the root.
     */
    public void only(JsonNode object, String path, FieldNames known) {
        object.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                (lenient ? warnings : errors).add(new FieldError(path + name, known.unknown(name)));
            }
        });
    }

    public List<FieldError> errors() {
        return errors;
    }

    public int errorCount() {
        return errors.size();
    }

    public void error(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    public List<String> languages() {
        return languages;
    }

    /** A text in every declared language; a plain string is accepted when the quiz has one language. */
    public LocalizedText text(JsonNode parent, String field, String path, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                error(path + field, "is required");
            }
            return LocalizedText.empty();
        }
        if (node.isTextual() && languages.size() == 1) {
            if (node.asText().isBlank()) {
                error(path + field, "must not be blank");
            }
            return LocalizedText.of(languages.get(0), node.asText());
        }
        if (!node.isObject()) {
            error(path + field, "an object of texts by language, such as {\"en\": \"…\", \"hi\": \"…\"}");
            return LocalizedText.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        java.util.Set<String> notText = new java.util.HashSet<>();
        node.properties().forEach(entry -> {
            if (!languages.contains(entry.getKey())) {
                error(path + field + "." + entry.getKey(), "language not declared in languages " + languages);
            } else if (!entry.getValue().isTextual()) {
                error(path + field + "." + entry.getKey(), "a string");
                notText.add(entry.getKey());
            } else {
                values.put(entry.getKey(), entry.getValue().asText());
            }
        });
        for (String language : languages) {
            String value = values.get(language);
            if ((value == null || value.isBlank()) && !notText.contains(language)) {
                error(path + field + "." + language, "missing translation");
            }
        }
        return new LocalizedText(values);
    }

    public String string(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            error(path + field, node == null ? "is required" : "a non-empty string");
            return null;
        }
        return node.asText();
    }

    public String optionalString(JsonNode parent, String field, String path) {
        return parent.has(field) ? string(parent, field, path) : null;
    }

    public int positiveInt(JsonNode parent, String field, String path) {
        Integer value = integer(parent, field, path);
        if (value != null && value <= 0) {
            error(path + field, "must be positive, got " + value);
        }
        return value == null || value <= 0 ? 1 : value;
    }

    public int nonNegativeInt(JsonNode parent, String field, String path) {
        Integer value = integer(parent, field, path);
        if (value != null && value < 0) {
            error(path + field, "must not be negative, got " + value);
        }
        return value == null || value < 0 ? 0 : value;
    }

    public Integer integer(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            error(path + field, node == null ? "is required" : "a whole number");
            return null;
        }
        return node.intValue();
    }

    public double number(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isNumber() || !Double.isFinite(node.doubleValue())) {
            error(path + field, node == null ? "is required" : "a number");
            return 0;
        }
        return node.doubleValue();
    }

    /** A number within [min, max], or the default when absent. */
    public double fraction(JsonNode parent, String field, String path, double min, double max, double absent) {
        if (!parent.has(field)) {
            return absent;
        }
        double value = number(parent, field, path);
        if (value < min || value > max) {
            error(path + field, "must be within " + min + " and " + max + ", got " + value);
            return absent;
        }
        return value;
    }

    public boolean bool(JsonNode parent, String field, String path, boolean absent) {
        JsonNode node = parent.get(field);
        if (node == null) {
            return absent;
        }
        if (!node.isBoolean()) {
            error(path + field, "true or false");
            return absent;
        }
        return node.booleanValue();
    }

    public <T> T enumValue(JsonNode parent, String field, String path, Function<String, T> parse, T absent,
                           String expected) {
        JsonNode node = parent.get(field);
        if (node == null) {
            return absent;
        }
        if (!node.isTextual()) {
            error(path + field, "a string: " + expected);
            return absent;
        }
        try {
            return parse.apply(node.asText());
        } catch (IllegalArgumentException | ValidationException e) {
            error(path + field, "'" + node.asText() + "' is not " + expected);
            return absent;
        }
    }

    /** The elements of an array field; an error and no elements if it is missing or not an array. */
    public List<JsonNode> array(JsonNode parent, String field, String path, int minSize) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            error(path + field, node == null ? "is required" : "an array");
            return List.of();
        }
        if (node.size() < minSize) {
            error(path + field, "needs at least " + minSize + (minSize == 1 ? " element" : " elements"));
        }
        List<JsonNode> elements = new ArrayList<>();
        node.forEach(elements::add);
        return elements;
    }

    /** An array of non-empty strings, or empty when absent. */
    public List<String> strings(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            error(path + field, "an array of strings");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual() || node.get(i).asText().isBlank()) {
                error(path + field + "[" + i + "]", "a non-empty string");
            } else {
                values.add(node.get(i).asText());
            }
        }
        return values;
    }

    public boolean requireObject(JsonNode node, String path, String what) {
        if (node == null || !node.isObject()) {
            error(path, what);
            return false;
        }
        return true;
    }
}
