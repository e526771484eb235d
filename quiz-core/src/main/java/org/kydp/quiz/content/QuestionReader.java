package org.kydp.quiz.content;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.kydp.quiz.content.internal.FieldNames;
import org.kydp.quiz.content.internal.Fields;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.Difficulty;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Matching;
import org.kydp.quiz.model.MultipleResponse;
import org.kydp.quiz.model.Numeric;
import org.kydp.quiz.model.Option;
import org.kydp.quiz.model.Ordering;
import org.kydp.quiz.model.Poll;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionInfo;
import org.kydp.quiz.model.QuestionType;
import org.kydp.quiz.model.ShortText;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.TrueFalse;
import org.kydp.quiz.model.WeightedOption;

/** Reads one question of the native JSON format, whatever its type, reporting problems with their paths. */
final class QuestionReader {

    private static final String TYPES = "one of " + Arrays.stream(QuestionType.values())
            .map(QuestionType::wireName).toList();

    /** What every type of question has. */
    private static final FieldNames COMMON = FieldNames.of("id", "type", "text", "points", "explanation", "source",
            "tags", "difficulty", "timeLimitMs");
    private static final FieldNames OPTION = FieldNames.of("id", "text", "correct", "credit", "feedback");
    private static final FieldNames WEIGHTED_OPTION = FieldNames.of("id", "text", "correct", "weight", "feedback");
    private static final FieldNames ITEM = FieldNames.of("id", "text");
    private static final FieldNames ACCEPTED_TEXT = FieldNames.of("text", "fraction", "feedback");
    private static final FieldNames ACCEPTED_VALUE = FieldNames.of("value", "tolerance", "fraction", "feedback");
    private static final FieldNames ACCEPTED_RANGE = FieldNames.of("min", "max", "fraction", "feedback");

    private final Fields fields;
    private final List<QuestionInfo> infos = new ArrayList<>();

    QuestionReader(Fields fields) {
        this.fields = fields;
    }

    /** What every question read so far has, whether or not the rest of it could be read; null if not even that. */
    List<QuestionInfo> infos() {
        return java.util.Collections.unmodifiableList(infos);
    }

    /** The question at {@code path} ("questions[3]."), or null if it has problems (all recorded). */
    Question read(JsonNode q, String path) {
        int errorsBefore = fields.errorCount();
        QuestionType type = q.has("type")
                ? fields.enumValue(q, "type", path, QuestionType::fromWireName, null, TYPES)
                : missingType(path);
        QuestionInfo info = info(q, path);
        infos.add(info);
        if (type != null) {
            fields.only(q, path, fieldsOf(type));
        }
        if (type == null || info == null) {
            return null;
        }
        try {
            Question question = switch (type) {
                case SINGLE_CHOICE -> new SingleChoice(info, options(q, path));
                case MULTIPLE_RESPONSE -> new MultipleResponse(info, weightedOptions(q, path));
                case TRUE_FALSE -> trueFalse(q, path, info);
                case SHORT_TEXT -> new ShortText(info, acceptedTexts(q, path));
                case NUMERIC -> new Numeric(info, acceptedNumbers(q, path));
                case ORDERING -> new Ordering(info, choices(q, "items", path, 2));
                case MATCHING -> matching(q, path, info);
                case POLL -> new Poll(info, choices(q, "options", path, 2));
            };
            return fields.errorCount() == errorsBefore ? question : null;
        } catch (ValidationException e) {
            if (fields.errorCount() == errorsBefore) {
                fields.error(path.substring(0, path.length() - 1), e.reasons());
            }
            return null;
        }
    }

    /** The fields a question of the type has: its own and those of every question. */
    static FieldNames fieldsOf(QuestionType type) {
        return switch (type) {
            case SINGLE_CHOICE, MULTIPLE_RESPONSE, POLL -> COMMON.and("options");
            case TRUE_FALSE -> COMMON.and("answer", "rightFeedback", "wrongFeedback");
            case SHORT_TEXT, NUMERIC -> COMMON.and("answers");
            case ORDERING -> COMMON.and("items");
            case MATCHING -> COMMON.and("left", "right", "pairs");
        };
    }

    private QuestionType missingType(String path) {
        fields.error(path + "type", "is required: " + TYPES);
        return null;
    }

    private QuestionInfo info(JsonNode q, String path) {
        String id = fields.string(q, "id", path);
        LocalizedText text = fields.text(q, "text", path, true);
        int points = q.has("points") ? fields.positiveInt(q, "points", path) : 10;
        LocalizedText explanation = fields.text(q, "explanation", path, false);
        String source = fields.optionalString(q, "source", path);
        List<String> tags = fields.strings(q, "tags", path);
        Optional<Difficulty> difficulty = Optional.ofNullable(fields.enumValue(q, "difficulty", path,
                Difficulty::fromWireName, null, "easy, medium or hard"));
        Optional<Duration> timeLimit = q.has("timeLimitMs")
                ? Optional.of(Duration.ofMillis(fields.positiveInt(q, "timeLimitMs", path))) : Optional.empty();
        return id == null ? null : new QuestionInfo(id, text, points, explanation, source, tags, difficulty, timeLimit);
    }

    private List<Option> options(JsonNode q, String path) {
        List<Option> options = new ArrayList<>();
        // counted over every option, so that one without an id is not also reported as a missing right option
        long correct = 0;
        List<JsonNode> nodes = fields.array(q, "options", path, 2);
        for (int i = 0; i < nodes.size(); i++) {
            String at = path + "options[" + i + "].";
            JsonNode o = nodes.get(i);
            if (fields.requireObject(o, path + "options[" + i + "]", "an option object")) {
                fields.only(o, at, OPTION);
                String id = fields.string(o, "id", at);
                Option option = new Option(id == null ? "" : id, fields.text(o, "text", at, true),
                        fields.bool(o, "correct", at, false), fields.text(o, "feedback", at, false),
                        fields.fraction(o, "credit", at, 0, 1, 0));
                correct += option.correct() ? 1 : 0;
                if (id != null) {
                    options.add(option);
                }
            }
        }
        requireUnique(options.stream().map(Option::id).toList(), path + "options", "option");
        if (!nodes.isEmpty() && correct != 1) {
            fields.error(path + "options", "exactly one option must be correct, found " + correct);
        }
        return options;
    }

    /**
     * Options with weights. Without any "weight", the right options ("correct": true) share 1 equally and
     * each wrong one costs the same share.
     */
    private List<WeightedOption> weightedOptions(JsonNode q, String path) {
        List<JsonNode> nodes = fields.array(q, "options", path, 2);
        boolean weighted = nodes.stream().anyMatch(o -> o.has("weight"));
        long right = nodes.stream().filter(o -> o.path("correct").asBoolean(false)).count();
        if (!weighted && !nodes.isEmpty() && right == 0) {
            fields.error(path + "options", "mark the right options with \"correct\": true or give weights");
        }
        double share = right == 0 ? 0 : 1.0 / right;
        List<WeightedOption> options = new ArrayList<>();
        double sum = 0; // of the right weights of every option, with an id or not
        for (int i = 0; i < nodes.size(); i++) {
            String at = path + "options[" + i + "].";
            JsonNode o = nodes.get(i);
            if (!fields.requireObject(o, path + "options[" + i + "]", "an option object")) {
                continue;
            }
            fields.only(o, at, WEIGHTED_OPTION);
            double weight = weighted ? fields.fraction(o, "weight", at, -1, 1, 0)
                    : (fields.bool(o, "correct", at, false) ? share : -share);
            String id = fields.string(o, "id", at);
            WeightedOption option = new WeightedOption(id == null ? "" : id, fields.text(o, "text", at, true), weight,
                    fields.text(o, "feedback", at, false));
            sum += Math.max(0, weight);
            if (id != null) {
                options.add(option);
            }
        }
        requireUnique(options.stream().map(WeightedOption::id).toList(), path + "options", "option");
        if (weighted && !options.isEmpty() && Math.abs(sum - 1) > MultipleResponse.WEIGHT_SUM_TOLERANCE) {
            fields.error(path + "options", "the weights of the right options must add up to 1, got " + sum);
        }
        return options;
    }

    private Question trueFalse(JsonNode q, String path, QuestionInfo info) {
        if (!q.has("answer") || !q.get("answer").isBoolean()) {
            fields.error(path + "answer", q.has("answer") ? "true or false" : "is required: true or false");
            return null;
        }
        return new TrueFalse(info, q.get("answer").booleanValue(), fields.text(q, "rightFeedback", path, false),
                fields.text(q, "wrongFeedback", path, false));
    }

    private List<ShortText.Accepted> acceptedTexts(JsonNode q, String path) {
        List<ShortText.Accepted> accepted = new ArrayList<>();
        double best = 0; // of every answer, whatever else is wrong with it
        List<JsonNode> nodes = fields.array(q, "answers", path, 1);
        for (int i = 0; i < nodes.size(); i++) {
            String at = path + "answers[" + i + "].";
            JsonNode a = nodes.get(i);
            if (!fields.requireObject(a, path + "answers[" + i + "]", "an accepted answer object")) {
                continue;
            }
            fields.only(a, at, ACCEPTED_TEXT);
            String text = fields.string(a, "text", at);
            double fraction = fields.fraction(a, "fraction", at, 0, 1, 1);
            if (fraction == 0) {
                fields.error(at + "fraction", "must be more than 0");
            }
            best = Math.max(best, fraction);
            boolean visible = text == null || !ShortText.normalise(text).isEmpty();
            if (!visible) {
                fields.error(at + "text", "has nothing to match: only white space and invisible characters");
            }
            if (text != null && fraction > 0 && visible) {
                accepted.add(new ShortText.Accepted(text, fraction, fields.text(a, "feedback", at, false)));
            }
        }
        requireFullCredit(nodes, best, path);
        return accepted;
    }

    private List<Numeric.Accepted> acceptedNumbers(JsonNode q, String path) {
        List<Numeric.Accepted> accepted = new ArrayList<>();
        double best = 0; // of every answer, whatever else is wrong with it
        List<JsonNode> nodes = fields.array(q, "answers", path, 1);
        for (int i = 0; i < nodes.size(); i++) {
            String at = path + "answers[" + i + "].";
            JsonNode a = nodes.get(i);
            if (!fields.requireObject(a, path + "answers[" + i + "]", "an accepted answer object")) {
                continue;
            }
            double fraction = fields.fraction(a, "fraction", at, 0, 1, 1);
            best = Math.max(best, fraction);
            LocalizedText feedback = fields.text(a, "feedback", at, false);
            if (a.has("min") || a.has("max")) {
                fields.only(a, at, ACCEPTED_RANGE);
                int errorsBefore = fields.errorCount();
                double min = fields.number(a, "min", at);
                double max = fields.number(a, "max", at);
                boolean bothRead = fields.errorCount() == errorsBefore;
                if (bothRead && min > max) {
                    fields.error(at + "max", "must not be less than min");
                } else if (bothRead && fraction > 0) {
                    accepted.add(new Numeric.Range(min, max, fraction, feedback));
                }
            } else {
                fields.only(a, at, ACCEPTED_VALUE);
                double value = fields.number(a, "value", at);
                double tolerance = a.has("tolerance") ? fields.number(a, "tolerance", at) : 0;
                if (tolerance < 0) {
                    fields.error(at + "tolerance", "must not be negative, got " + tolerance);
                } else if (fraction > 0) {
                    accepted.add(new Numeric.Exact(value, tolerance, fraction, feedback));
                }
            }
            if (fraction == 0) {
                fields.error(at + "fraction", "must be more than 0");
            }
        }
        requireFullCredit(nodes, best, path);
        return accepted;
    }

    private Question matching(JsonNode q, String path, QuestionInfo info) {
        int errorsBefore = fields.errorCount();
        List<Question.Choice> left = choices(q, "left", path, 2);
        List<Question.Choice> right = choices(q, "right", path, 2);
        Map<String, String> pairs = new LinkedHashMap<>();
        JsonNode node = q.get("pairs");
        if (!fields.requireObject(node, path + "pairs", "an object of left id to right id")) {
            return null;
        }
        Set<String> rightIds = new HashSet<>(right.stream().map(Question.Choice::id).toList());
        node.properties().forEach(pair -> {
            if (!pair.getValue().isTextual() || !rightIds.contains(pair.getValue().asText())) {
                fields.error(path + "pairs." + pair.getKey(), "must name a right item id");
            } else {
                pairs.put(pair.getKey(), pair.getValue().asText());
            }
        });
        Set<String> leftIds = new HashSet<>(left.stream().map(Question.Choice::id).toList());
        // unless this question's items or pairs already have a problem that explains the mismatch
        if (!pairs.keySet().equals(leftIds) && fields.errorCount() == errorsBefore) {
            fields.error(path + "pairs", "must pair every left item, and only those: " + leftIds);
        }
        return new Matching(info, left, right, pairs);
    }

    private List<Question.Choice> choices(JsonNode q, String field, String path, int minSize) {
        List<Question.Choice> choices = new ArrayList<>();
        List<JsonNode> nodes = fields.array(q, field, path, minSize);
        for (int i = 0; i < nodes.size(); i++) {
            String at = path + field + "[" + i + "].";
            JsonNode c = nodes.get(i);
            if (fields.requireObject(c, path + field + "[" + i + "]", "an object with an id and a text")) {
                fields.only(c, at, ITEM);
                String id = fields.string(c, "id", at);
                LocalizedText text = fields.text(c, "text", at, true);
                if (id != null) {
                    choices.add(new Question.Choice(id, text));
                }
            }
        }
        requireUnique(choices.stream().map(Question.Choice::id).toList(), path + field, "item");
        return choices;
    }

    private void requireFullCredit(List<JsonNode> nodes, double best, String path) {
        if (!nodes.isEmpty() && best < 1.0) {
            fields.error(path + "answers", "needs an answer worth full points (fraction 1)");
        }
    }

    private void requireUnique(List<String> ids, String path, String what) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id != null && !seen.add(id)) {
                fields.error(path, "duplicate " + what + " id '" + id + "'");
            }
        }
    }
}
