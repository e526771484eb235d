package org.kydp.quiz.content;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.AttemptGrading;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Option;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionType;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.ReviewPolicy;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.TrueFalse;

/**
 * Reads a quiz in the native JSON format. Every problem is reported at once, each with its path
 * ({@code questions[3].options[1].text.hi}), in one {@link ValidationException}.
 */
public final class QuizDocumentReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<FieldError> errors = new ArrayList<>();

    private QuizDocumentReader() {
    }

    public static Quiz read(InputStream in) {
        try {
            return read(JSON.readTree(in));
        } catch (JsonProcessingException e) {
            throw invalidJson(e);
        } catch (IOException e) {
            throw new IllegalStateException("could not read quiz document", e);
        }
    }

    public static Quiz read(String json) {
        try {
            return read(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw invalidJson(e);
        }
    }

    private static ValidationException invalidJson(JsonProcessingException e) {
        return ValidationException.of("$", "not valid JSON: error at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr());
    }

    public static Quiz read(JsonNode document) {
        return new QuizDocumentReader().quiz(document);
    }

    private Quiz quiz(JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            throw ValidationException.of("$", "a quiz document is a JSON object");
        }
        String id = requiredText(doc, "id", "");
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            error("id", "use 1 to 64 lowercase letters, digits and hyphens");
        }
        List<String> languages = languages(doc);
        String defaultLanguage = doc.has("defaultLanguage")
                ? requiredText(doc, "defaultLanguage", "")
                : (languages.isEmpty() ? null : languages.get(0));
        if (defaultLanguage != null && !languages.isEmpty() && !languages.contains(defaultLanguage)) {
            error("defaultLanguage", "'" + defaultLanguage + "' is not one of languages " + languages);
        }
        LocalizedText title = text(doc, "title", "", languages, true);
        LocalizedText description = text(doc, "description", "", languages, false);
        List<String> tags = tags(doc);
        QuizRules rules = rules(doc.get("rules"));
        List<Question> questions = questions(doc.get("questions"), languages);
        int version = doc.has("version") ? positiveInt(doc, "version", "") : 1;
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Quiz(id, version, defaultLanguage, languages, title, description, tags, rules, questions);
    }

    private List<String> languages(JsonNode doc) {
        JsonNode node = doc.get("languages");
        if (node == null) {
            return List.of("en");
        }
        if (!node.isArray() || node.isEmpty()) {
            error("languages", "a non-empty array of language codes such as [\"en\", \"hi\"]");
            return List.of();
        }
        List<String> languages = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode language = node.get(i);
            if (!language.isTextual() || !language.asText().matches("[a-z]{2,3}")) {
                error("languages[" + i + "]", "a lowercase ISO 639 code such as \"en\" or \"hi\"");
            } else if (languages.contains(language.asText())) {
                error("languages[" + i + "]", "duplicate language " + language.asText());
            } else {
                languages.add(language.asText());
            }
        }
        return languages;
    }

    private List<String> tags(JsonNode doc) {
        JsonNode node = doc.get("tags");
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            error("tags", "an array of strings");
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual() || node.get(i).asText().isBlank()) {
                error("tags[" + i + "]", "a non-empty string");
            } else {
                tags.add(node.get(i).asText());
            }
        }
        return tags;
    }

    private QuizRules rules(JsonNode node) {
        QuizRules defaults = QuizRules.defaults();
        if (node == null) {
            return defaults;
        }
        if (!node.isObject()) {
            error("rules", "an object");
            return defaults;
        }
        Duration timeLimit = node.has("timeLimitMs") ? Duration.ofMillis(positiveInt(node, "timeLimitMs", "rules."))
                : null;
        Duration grace = node.has("gracePeriodMs")
                ? Duration.ofMillis(nonNegativeInt(node, "gracePeriodMs", "rules."))
                : QuizRules.DEFAULT_GRACE;
        int attempts = node.has("attemptsAllowed") ? nonNegativeInt(node, "attemptsAllowed", "rules.") : 0;
        ReviewPolicy review = defaults.review();
        if (node.has("review")) {
            review = enumValue(node, "review", "rules.", ReviewPolicy::fromWireName, defaults.review(),
                    "after_each_answer, after_finish or never");
        }
        AttemptGrading grading = node.has("grading")
                ? enumValue(node, "grading", "rules.", AttemptGrading::fromWireName, AttemptGrading.HIGHEST,
                        "highest, first, last or average")
                : AttemptGrading.HIGHEST;
        return new QuizRules(timeLimit, grace, attempts, review, grading);
    }

    private List<Question> questions(JsonNode node, List<String> languages) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            error("questions", "a non-empty array of questions");
            return List.of();
        }
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "questions[" + i + "].";
            JsonNode q = node.get(i);
            if (!q.isObject()) {
                error("questions[" + i + "]", "a question object");
                continue;
            }
            String id = requiredText(q, "id", path);
            if (id != null && !ids.add(id)) {
                error(path + "id", "duplicate question id '" + id + "'");
            }
            Question question = question(q, path, id, languages);
            if (question != null) {
                questions.add(question);
            }
        }
        return questions;
    }

    private Question question(JsonNode q, String path, String id, List<String> languages) {
        int errorsBefore = errors.size();
        QuestionType type = enumValue(q, "type", path, QuestionType::fromWireName, null,
                "one of " + java.util.Arrays.stream(QuestionType.values()).map(QuestionType::wireName).toList());
        LocalizedText text = text(q, "text", path, languages, true);
        int points = q.has("points") ? positiveInt(q, "points", path) : 10;
        LocalizedText explanation = text(q, "explanation", path, languages, false);
        String source = q.has("source") ? requiredText(q, "source", path) : "";
        if (type == null) {
            return null;
        }
        Question question = switch (type) {
            case SINGLE_CHOICE -> singleChoice(q, path, id, text, points, explanation, source, languages);
            case TRUE_FALSE -> trueFalse(q, path, id, text, points, explanation, source);
        };
        return errors.size() == errorsBefore ? question : null;
    }

    private Question singleChoice(JsonNode q, String path, String id, LocalizedText text, int points,
                                  LocalizedText explanation, String source, List<String> languages) {
        JsonNode node = q.get("options");
        if (node == null || !node.isArray() || node.size() < 2) {
            error(path + "options", "at least two options");
            return null;
        }
        List<Option> options = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String optionPath = path + "options[" + i + "].";
            JsonNode o = node.get(i);
            String optionId = requiredText(o, "id", optionPath);
            if (optionId != null && !ids.add(optionId)) {
                error(optionPath + "id", "duplicate option id '" + optionId + "'");
            }
            LocalizedText optionText = text(o, "text", optionPath, languages, true);
            boolean correct = o.has("correct") && bool(o, "correct", optionPath);
            LocalizedText feedback = text(o, "feedback", optionPath, languages, false);
            if (optionId != null) {
                options.add(new Option(optionId, optionText, correct, feedback));
            }
        }
        long correct = options.stream().filter(Option::correct).count();
        if (correct != 1) {
            error(path + "options", "exactly one option must be correct, found " + correct);
        }
        return errors.isEmpty() ? new SingleChoice(id, text, points, options, explanation, source) : null;
    }

    private Question trueFalse(JsonNode q, String path, String id, LocalizedText text, int points,
                               LocalizedText explanation, String source) {
        if (!q.has("answer")) {
            error(path + "answer", "is required: true or false");
            return null;
        }
        boolean answer = bool(q, "answer", path);
        return errors.isEmpty() ? new TrueFalse(id, text, points, answer, explanation, source) : null;
    }

    // ---- field readers: each records an error and returns a harmless value when the field is wrong

    private LocalizedText text(JsonNode parent, String field, String path, List<String> languages,
                               boolean required) {
        JsonNode node = parent.get(field);
        if (node == null) {
            if (required) {
                error(path + field, "is required");
            }
            return LocalizedText.empty();
        }
        if (node.isTextual() && languages.size() == 1) {
            return LocalizedText.of(languages.get(0), node.asText());
        }
        if (!node.isObject()) {
            error(path + field, "an object of texts by language, such as {\"en\": \"…\", \"hi\": \"…\"}");
            return LocalizedText.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(entry -> {
            if (!languages.contains(entry.getKey())) {
                error(path + field + "." + entry.getKey(), "language not declared in languages " + languages);
            } else if (!entry.getValue().isTextual()) {
                error(path + field + "." + entry.getKey(), "a string");
            } else {
                values.put(entry.getKey(), entry.getValue().asText());
            }
        });
        for (String language : languages) {
            String value = values.get(language);
            if (value == null || value.isBlank()) {
                error(path + field + "." + language, "missing translation");
            }
        }
        return new LocalizedText(values);
    }

    private String requiredText(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            error(path + field, node == null ? "is required" : "a non-empty string");
            return null;
        }
        return node.asText();
    }

    private int positiveInt(JsonNode parent, String field, String path) {
        int value = integer(parent, field, path);
        if (value <= 0 && parent.get(field).canConvertToInt()) {
            error(path + field, "must be positive, got " + value);
        }
        return Math.max(value, 1);
    }

    private int nonNegativeInt(JsonNode parent, String field, String path) {
        int value = integer(parent, field, path);
        if (value < 0) {
            error(path + field, "must not be negative, got " + value);
        }
        return Math.max(value, 0);
    }

    private int integer(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            error(path + field, "a whole number");
            return 1;
        }
        return node.intValue();
    }

    private boolean bool(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (!node.isBoolean()) {
            error(path + field, "true or false");
            return false;
        }
        return node.booleanValue();
    }

    private <T> T enumValue(JsonNode parent, String field, String path, Function<String, T> parse, T fallback,
                            String expected) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            error(path + field, node == null ? "is required: " + expected : "a string: " + expected);
            return fallback;
        }
        try {
            return parse.apply(node.asText());
        } catch (IllegalArgumentException e) {
            error(path + field, "'" + node.asText() + "' is not " + expected);
            return fallback;
        }
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
