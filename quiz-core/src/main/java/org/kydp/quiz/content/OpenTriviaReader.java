package org.kydp.quiz.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.Question;

/**
 * Reads the Open Trivia DB API's JSON ({@code {"response_code": 0, "results": [...]}}): "multiple" questions
 * become single choice, "boolean" ones true/false; HTML character references are decoded; the category
 * becomes a tag and the difficulty is kept. The right answer takes a place among the options that varies
 * from question to question (it is shuffled again when played, if the quiz says so).
 */
public final class OpenTriviaReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenTriviaReader() {
    }

    public static ImportResult read(String json, String language) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw ValidationException.of("$", "not valid JSON: error at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        }
        if (root == null || !root.isObject() || !root.path("results").isArray()) {
            throw ValidationException.of("results", "an Open Trivia DB response has a \"results\" array");
        }
        int code = root.path("response_code").asInt(0);
        if (code != 0) {
            throw ValidationException.of("response_code", "the response reports failure (code " + code + ")");
        }
        List<Question> questions = new ArrayList<>();
        List<ImportIssue> skipped = new ArrayList<>();
        JsonNode results = root.get("results");
        for (int i = 0; i < results.size(); i++) {
            try {
                questions.add(QuestionDocuments.read(question(results.get(i), i + 1, language), List.of(language)));
            } catch (IllegalArgumentException e) {
                skipped.add(new ImportIssue(i + 1, "results[" + i + "]: " + e.getMessage()));
            } catch (ValidationException e) {
                skipped.add(new ImportIssue(i + 1, "results[" + i + "]: " + e.reasons()));
            }
        }
        return new ImportResult(questions, skipped, List.of());
    }

    private static ObjectNode question(JsonNode result, int number, String language) {
        ObjectNode q = JSON.objectNode();
        q.put("id", "q" + number);
        q.put("text", decoded(result, "question"));
        String difficulty = result.path("difficulty").asText("");
        if (List.of("easy", "medium", "hard").contains(difficulty)) {
            q.put("difficulty", difficulty);
        }
        if (!result.path("category").asText("").isBlank()) {
            q.putArray("tags").add(decoded(result, "category"));
        }
        String correct = decoded(result, "correct_answer");
        if ("boolean".equals(result.path("type").asText())) {
            q.put("type", "true_false");
            q.put("answer", correct.toLowerCase(Locale.ROOT).equals("true"));
            return q;
        }
        q.put("type", "single_choice");
        List<String> wrong = new ArrayList<>();
        result.path("incorrect_answers").forEach(answer -> wrong.add(HtmlEntities.decode(answer.asText())));
        int position = Math.floorMod(correct.hashCode() ^ number, wrong.size() + 1);
        List<String> all = new ArrayList<>(wrong);
        all.add(position, correct);
        ArrayNode options = q.putArray("options");
        for (int i = 0; i < all.size(); i++) {
            ObjectNode option = options.addObject().put("id", String.valueOf((char) ('a' + i))).put("text", all.get(i));
            if (i == position) {
                option.put("correct", true);
            }
        }
        return q;
    }

    private static String decoded(JsonNode node, String field) {
        return HtmlEntities.decode(node.path(field).asText(""));
    }
}
