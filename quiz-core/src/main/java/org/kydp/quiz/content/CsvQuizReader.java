package org.kydp.quiz.content;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.Question;

/**
 * Reads questions from CSV (UTF-8, a header row, RFC 4180 quoting). Columns:
 * <ul>
 * <li>{@code type} — required: single_choice, multiple_response, true_false, short_text, numeric, ordering,
 *     matching or poll;</li>
 * <li>{@code id} — optional (q1, q2 … by row otherwise);</li>
 * <li>{@code text}, or {@code text.en}, {@code text.hi} … one per language;</li>
 * <li>{@code options} / {@code options.en} … — options separated by {@code |} (write {@code \|} for a bar in
 *     a text); an ordering lists its items in the right order; a matching lists {@code left -> right} pairs
 *     (an empty left side adds a right item that matches nothing);</li>
 * <li>{@code answer} — single_choice: the option letter ({@code b}); multiple_response: letters
 *     ({@code a|c}); true_false: {@code true} or {@code false}; short_text: accepted answers
 *     ({@code शांति|shanti}); numeric: {@code 1930}, {@code 1930:2} or {@code 1900..1999};</li>
 * <li>{@code explanation} / {@code explanation.en} …, {@code source}, {@code points}, {@code tags}
 *     ({@code |}-separated), {@code difficulty}, {@code timeLimitMs} — optional.</li>
 * </ul>
 */
public final class CsvQuizReader {

    private static final Pattern BAR = Pattern.compile("(?<!\\\\)\\|");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CsvQuizReader() {
    }

    /** Reads the rows; {@code language} is the language of plain {@code text}/{@code options} columns. */
    public static ImportResult read(String csv, String language) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Question> questions = new ArrayList<>();
        List<ImportIssue> skipped = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class).with(schema)
                .readValues(csv.replace("\uFEFF", ""))) {
            List<String> languages = null;
            int row = 0;
            while (rows.hasNextValue()) {
                Map<String, String> values = rows.nextValue();
                int line = rows.getCurrentLocation().getLineNr() - 1;
                row++;
                if (languages == null) {
                    languages = languages(values.keySet(), language);
                }
                try {
                    questions.add(QuestionDocuments.read(question(values, languages, row), languages));
                } catch (IllegalArgumentException e) {
                    skipped.add(new ImportIssue(Math.max(line, row + 1), e.getMessage()));
                } catch (ValidationException e) {
                    skipped.add(new ImportIssue(Math.max(line, row + 1), e.reasons()));
                }
            }
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? "unreadable" : e.getMessage().split("\n")[0];
            throw ValidationException.of("csv", "not valid CSV: " + message.replaceAll("\\(through reference.*", ""));
        }
        return new ImportResult(questions, skipped, List.of());
    }

    private static List<String> languages(Set<String> columns, String language) {
        Set<String> languages = new LinkedHashSet<>();
        for (String column : columns) {
            if (column.startsWith("text.")) {
                String code = column.substring(5);
                if (!code.matches("[a-z]{2,3}")) {
                    throw new IllegalArgumentException("column '" + column
                            + "': name the language by its lowercase ISO 639 code, such as text.en or text.hi");
                }
                languages.add(code);
            }
        }
        if (columns.contains("text") || languages.isEmpty()) {
            languages.add(language);
        }
        return List.copyOf(languages);
    }

    private static ObjectNode question(Map<String, String> row, List<String> languages, int number) {
        ObjectNode q = JSON.objectNode();
        String type = value(row, "type");
        q.put("id", value(row, "id").isEmpty() ? "q" + number : value(row, "id"));
        q.put("type", type);
        q.set("text", localized(row, "text", languages));
        if (languages.stream().anyMatch(l -> !localizedValue(row, "explanation", l).isEmpty())) {
            q.set("explanation", localized(row, "explanation", languages));
        }
        putIfPresent(q, "source", value(row, "source"));
        putNumberIfPresent(q, "points", value(row, "points"));
        putNumberIfPresent(q, "timeLimitMs", value(row, "timeLimitMs"));
        putIfPresent(q, "difficulty", value(row, "difficulty"));
        if (!value(row, "tags").isEmpty()) {
            ArrayNode tags = q.putArray("tags");
            split(value(row, "tags")).forEach(tags::add);
        }
        List<List<String>> options = languages.stream().map(l -> split(localizedValue(row, "options", l))).toList();
        String answer = value(row, "answer");
        switch (type) {
            case "single_choice", "multiple_response", "poll" -> {
                Set<String> right = Set.copyOf(split(answer));
                q.set("options", choices(options, languages, right, type.equals("single_choice")));
            }
            case "ordering" -> q.set("items", choices(options, languages, Set.of(), false));
            case "matching" -> matching(q, options, languages);
            case "true_false" -> q.put("answer", answer.equalsIgnoreCase("true") ? JSON.booleanNode(true)
                    : answer.equalsIgnoreCase("false") ? JSON.booleanNode(false) : JSON.textNode(answer));
            case "short_text" -> {
                ArrayNode answers = q.putArray("answers");
                split(answer).forEach(text -> answers.addObject().put("text", text));
            }
            case "numeric" -> {
                ArrayNode answers = q.putArray("answers");
                split(answer).forEach(spec -> answers.add(numericAnswer(spec)));
            }
            default -> {
                // the question reader reports the unknown type
            }
        }
        return q;
    }

    private static ArrayNode choices(List<List<String>> options, List<String> languages, Set<String> right,
                                     boolean single) {
        ArrayNode array = JSON.arrayNode();
        int count = options.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < count; i++) {
            String id = String.valueOf((char) ('a' + Math.min(i, 25))) + (i >= 26 ? String.valueOf(i) : "");
            ObjectNode option = array.addObject();
            option.put("id", id);
            ObjectNode text = option.putObject("text");
            for (int l = 0; l < languages.size(); l++) {
                List<String> inLanguage = options.get(l);
                text.put(languages.get(l), i < inLanguage.size() ? inLanguage.get(i) : "");
            }
            if (right.contains(id)) {
                option.put("correct", true);
            }
        }
        return array;
    }

    private static void matching(ObjectNode q, List<List<String>> options, List<String> languages) {
        ArrayNode left = q.putArray("left");
        ArrayNode right = q.putArray("right");
        ObjectNode pairs = q.putObject("pairs");
        List<String> first = options.get(0);
        for (int i = 0; i < first.size(); i++) {
            ObjectNode leftText = JSON.objectNode();
            ObjectNode rightText = JSON.objectNode();
            for (int l = 0; l < languages.size(); l++) {
                String pair = i < options.get(l).size() ? options.get(l).get(i) : "";
                int arrow = pair.indexOf("->");
                leftText.put(languages.get(l), arrow < 0 ? pair.strip() : pair.substring(0, arrow).strip());
                rightText.put(languages.get(l), arrow < 0 ? "" : pair.substring(arrow + 2).strip());
            }
            String rightId = "r" + (i + 1);
            right.addObject().put("id", rightId).set("text", rightText);
            if (!leftText.path(languages.get(0)).asText().isEmpty()) {
                String leftId = "l" + (left.size() + 1);
                left.addObject().put("id", leftId).set("text", leftText);
                pairs.put(leftId, rightId);
            }
        }
    }

    private static ObjectNode numericAnswer(String spec) {
        ObjectNode answer = JSON.objectNode();
        try {
            int range = spec.indexOf("..");
            if (range > 0) {
                answer.put("min", Double.parseDouble(spec.substring(0, range)));
                answer.put("max", Double.parseDouble(spec.substring(range + 2)));
            } else {
                String[] parts = spec.split(":", 2);
                answer.put("value", Double.parseDouble(parts[0]));
                if (parts.length > 1) {
                    answer.put("tolerance", Double.parseDouble(parts[1]));
                }
            }
        } catch (NumberFormatException e) {
            answer.put("value", spec);
        }
        return answer;
    }

    private static ObjectNode localized(Map<String, String> row, String column, List<String> languages) {
        ObjectNode text = JSON.objectNode();
        for (String language : languages) {
            text.put(language, localizedValue(row, column, language));
        }
        return text;
    }

    private static String localizedValue(Map<String, String> row, String column, String language) {
        String value = value(row, column + "." + language);
        return value.isEmpty() ? value(row, column) : value;
    }

    private static String value(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null ? "" : value.strip();
    }

    private static List<String> split(String value) {
        if (value.isBlank()) {
            return List.of();
        }
        return BAR.splitAsStream(value).map(part -> part.replace("\\|", "|").strip()).toList();
    }

    private static void putIfPresent(ObjectNode q, String field, String value) {
        if (!value.isEmpty()) {
            q.put(field, value);
        }
    }

    private static void putNumberIfPresent(ObjectNode q, String field, String value) {
        if (value.isEmpty()) {
            return;
        }
        try {
            q.put(field, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            q.put(field, value);
        }
    }
}
