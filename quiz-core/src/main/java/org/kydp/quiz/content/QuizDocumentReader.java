package org.kydp.quiz.content;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.kydp.quiz.content.internal.FieldNames;
import org.kydp.quiz.content.internal.Fields;
import org.kydp.quiz.content.internal.JsonTree;
import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.AttemptGrading;
import org.kydp.quiz.model.Difficulty;
import org.kydp.quiz.model.FeedbackBand;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionDraw;
import org.kydp.quiz.model.QuestionInfo;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.ReviewPolicy;
import org.kydp.quiz.model.ReviewTiming;
import org.kydp.quiz.model.ScoringRules;

/**
 * Reads a quiz in the native JSON format. Every problem is reported at once, each with its path
 * ({@code questions[3].options[1].text.hi}), in one {@link ValidationException}.
 *
 * <p>Reading is strict: a field that the object it is in does not have ({@code questions[2].timeLimitMS}, where
 * {@code timeLimitMs} is meant) is an error, and so is a key given twice in one object. A caller that would rather
 * read such a document anyway asks for it with {@code readLeniently}: unknown fields are then ignored and listed as
 * warnings; a repeated key stays an error, as nothing tells which of its values was meant. The keys of a text by
 * language are language codes, checked against the quiz's languages, and those of a matching question's
 * {@code pairs} are its left item ids.
 */
public final class QuizDocumentReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIMINGS = "after_each_answer, after_finish or never";

    /** {@code published} is written with a quiz read back through the admin API, and ignored when sent. */
    private static final FieldNames QUIZ = FieldNames.of("id", "version", "defaultLanguage", "languages", "title",
            "description", "tags", "rules", "questions", "feedback", "published");
    private static final FieldNames RULES = FieldNames.of("timeLimitMs", "questionTimeLimitMs", "gracePeriodMs",
            "attemptsAllowed", "grading", "review", "scoring", "shuffleQuestions", "shuffleOptions", "draw");
    private static final FieldNames REVIEW = FieldNames.of("correctness", "points", "feedback", "explanation",
            "correctAnswer");
    private static final FieldNames SCORING = FieldNames.of("mode", "negativeMarking", "floor", "multipleResponse",
            "streakBonus");
    private static final FieldNames DRAW = FieldNames.of("count", "tags", "difficulties");
    private static final FieldNames FEEDBACK_BAND = FieldNames.of("minPercent", "text");

    private final boolean lenient;
    private Fields fields = new Fields(List.of());
    /** What each element of "questions" has in common, null where it could not be read. */
    private final List<QuestionInfo> questionInfos = new ArrayList<>();

    private QuizDocumentReader(boolean lenient) {
        this.lenient = lenient;
    }

    /** The quiz in a UTF-8 (or UTF-16/32) stream, read strictly. */
    public static Quiz read(InputStream in) {
        return strictly(parse(in));
    }

    /** The quiz in a JSON text, read strictly. */
    public static Quiz read(String json) {
        return strictly(parse(json));
    }

    /**
     * The quiz in a tree already parsed, read strictly. A repeated key cannot be seen any more in a tree: to have
     * those refused, pass the text or the stream instead.
     */
    public static Quiz read(JsonNode document) {
        return new QuizDocumentReader(false).quiz(document, List.of()).quiz();
    }

    /** The quiz in a stream, with the unknown fields it ignored as warnings. */
    public static QuizWithWarnings readLeniently(InputStream in) {
        JsonTree.Parsed parsed = parse(in);
        return new QuizDocumentReader(true).quiz(parsed.root(), parsed.duplicates());
    }

    /** The quiz in a JSON text, with the unknown fields it ignored as warnings. */
    public static QuizWithWarnings readLeniently(String json) {
        JsonTree.Parsed parsed = parse(json);
        return new QuizDocumentReader(true).quiz(parsed.root(), parsed.duplicates());
    }

    /** The quiz in a tree already parsed, with the unknown fields it ignored as warnings. */
    public static QuizWithWarnings readLeniently(JsonNode document) {
        return new QuizDocumentReader(true).quiz(document, List.of());
    }

    private static Quiz strictly(JsonTree.Parsed parsed) {
        return new QuizDocumentReader(false).quiz(parsed.root(), parsed.duplicates()).quiz();
    }

    private static JsonTree.Parsed parse(InputStream in) {
        try (JsonParser parser = JSON.createParser(in)) {
            return JsonTree.parse(parser);
        } catch (JsonProcessingException e) {
            throw invalidJson(e);
        } catch (IOException e) {
            throw new IllegalStateException("could not read quiz document", e);
        }
    }

    private static JsonTree.Parsed parse(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            return JsonTree.parse(parser);
        } catch (JsonProcessingException e) {
            throw invalidJson(e);
        } catch (IOException e) {
            throw new IllegalStateException("could not read a string", e);
        }
    }

    private static ValidationException invalidJson(JsonProcessingException e) {
        return ValidationException.of("$", "not valid JSON: error at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr());
    }

    private QuizWithWarnings quiz(JsonNode doc, List<FieldError> duplicates) {
        if (doc == null || !doc.isObject()) {
            throw ValidationException.of("$", "a quiz document is a JSON object");
        }
        Fields languageErrors = new Fields(List.of());
        List<String> languages = languages(doc, languageErrors);
        fields = new Fields(languages, lenient);
        duplicates.forEach(e -> fields.error(e.field(), e.message()));
        languageErrors.errors().forEach(e -> fields.error(e.field(), e.message()));
        fields.only(doc, "", QUIZ);
        String id = fields.string(doc, "id", "");
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            fields.error("id", "use 1 to 64 lowercase letters, digits and hyphens, starting with a letter or digit");
        }
        String defaultLanguage = doc.has("defaultLanguage") ? fields.string(doc, "defaultLanguage", "")
                : (languages.isEmpty() ? null : languages.get(0));
        if (defaultLanguage != null && !languages.isEmpty() && !languages.contains(defaultLanguage)) {
            fields.error("defaultLanguage", "'" + defaultLanguage + "' is not one of languages " + languages);
        }
        LocalizedText title = fields.text(doc, "title", "", true);
        LocalizedText description = fields.text(doc, "description", "", false);
        List<String> tags = fields.strings(doc, "tags", "");
        QuizRules rules = rules(doc.get("rules"));
        List<Question> questions = questions(doc);
        rulesAgainstQuestions(rules);
        List<FeedbackBand> bands = feedbackBands(doc);
        int version = doc.has("version") ? fields.positiveInt(doc, "version", "") : 1;
        if (!fields.errors().isEmpty()) {
            throw new ValidationException(fields.errors());
        }
        // a rule the whole quiz breaks is the Quiz's own ValidationException, named by its field
        return new QuizWithWarnings(new Quiz(id, version, defaultLanguage, languages, title, description, tags,
                rules, questions, bands), fields.warnings());
    }

    private static List<String> languages(JsonNode doc, Fields errors) {
        JsonNode node = doc.get("languages");
        if (node == null) {
            return List.of("en");
        }
        if (!node.isArray() || node.isEmpty()) {
            errors.error("languages", "a non-empty array of language codes such as [\"en\", \"hi\"]");
            return List.of();
        }
        Set<String> languages = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode language = node.get(i);
            if (!language.isTextual() || !language.asText().matches("[a-z]{2,3}")) {
                errors.error("languages[" + i + "]", "a lowercase ISO 639 code such as \"en\" or \"hi\"");
            } else if (!languages.add(language.asText())) {
                errors.error("languages[" + i + "]", "duplicate language " + language.asText());
            }
        }
        return List.copyOf(languages);
    }

    private QuizRules rules(JsonNode node) {
        QuizRules defaults = QuizRules.defaults();
        if (node == null) {
            return defaults;
        }
        if (!fields.requireObject(node, "rules", "an object")) {
            return defaults;
        }
        String at = "rules.";
        fields.only(node, at, RULES);
        Optional<Duration> timeLimit = millis(node, "timeLimitMs", at);
        Optional<Duration> questionTimeLimit = millis(node, "questionTimeLimitMs", at);
        Duration grace = node.has("gracePeriodMs")
                ? Duration.ofMillis(fields.nonNegativeInt(node, "gracePeriodMs", at)) : QuizRules.DEFAULT_GRACE;
        int attempts = node.has("attemptsAllowed") ? fields.nonNegativeInt(node, "attemptsAllowed", at) : 0;
        AttemptGrading grading = fields.enumValue(node, "grading", at, AttemptGrading::fromWireName,
                AttemptGrading.HIGHEST, "highest, first, last or average");
        return new QuizRules(timeLimit, questionTimeLimit, grace, attempts, grading, review(node.get("review")),
                scoring(node.get("scoring")), fields.bool(node, "shuffleQuestions", at, false),
                fields.bool(node, "shuffleOptions", at, false), draw(node.get("draw")));
    }

    private Optional<Duration> millis(JsonNode node, String field, String at) {
        return node.has(field) ? Optional.of(Duration.ofMillis(fields.positiveInt(node, field, at))) : Optional.empty();
    }

    /** Either one timing for every part ("after_finish") or an object with a timing per part. */
    private ReviewPolicy review(JsonNode node) {
        if (node == null) {
            return ReviewPolicy.AFTER_EACH_ANSWER;
        }
        if (node.isTextual()) {
            try {
                return ReviewPolicy.all(ReviewTiming.fromWireName(node.asText()));
            } catch (ValidationException e) {
                fields.error("rules.review", "'" + node.asText() + "' is not " + TIMINGS);
                return ReviewPolicy.AFTER_EACH_ANSWER;
            }
        }
        if (!fields.requireObject(node, "rules.review", TIMINGS + ", or an object with a timing per part")) {
            return ReviewPolicy.AFTER_EACH_ANSWER;
        }
        String at = "rules.review.";
        fields.only(node, at, REVIEW);
        ReviewTiming fallback = ReviewTiming.AFTER_EACH_ANSWER;
        return new ReviewPolicy(
                fields.enumValue(node, "correctness", at, ReviewTiming::fromWireName, fallback, TIMINGS),
                fields.enumValue(node, "points", at, ReviewTiming::fromWireName, fallback, TIMINGS),
                fields.enumValue(node, "feedback", at, ReviewTiming::fromWireName, fallback, TIMINGS),
                fields.enumValue(node, "explanation", at, ReviewTiming::fromWireName, fallback, TIMINGS),
                fields.enumValue(node, "correctAnswer", at, ReviewTiming::fromWireName, fallback, TIMINGS));
    }

    private ScoringRules scoring(JsonNode node) {
        ScoringRules defaults = ScoringRules.DEFAULT;
        if (node == null) {
            return defaults;
        }
        if (!fields.requireObject(node, "rules.scoring", "an object")) {
            return defaults;
        }
        String at = "rules.scoring.";
        fields.only(node, at, SCORING);
        int floor = 0;
        if (node.has("floor")) {
            Integer value = fields.integer(node, "floor", at);
            if (value != null && value > 0) {
                fields.error(at + "floor", "must be 0 or negative, got " + value);
            } else if (value != null) {
                floor = value;
            }
        }
        return new ScoringRules(
                fields.enumValue(node, "mode", at, ScoringRules.Mode::fromWireName, defaults.mode(), "fixed or speed"),
                fields.fraction(node, "negativeMarking", at, 0, 1, 0),
                floor,
                fields.enumValue(node, "multipleResponse", at, ScoringRules.MultipleResponseGrading::fromWireName,
                        defaults.multipleResponse(),
                        "all_or_nothing, proportional_with_penalty or proportional_without_penalty"),
                fields.bool(node, "streakBonus", at, false));
    }

    private Optional<QuestionDraw> draw(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (!fields.requireObject(node, "rules.draw", "an object with a count, and optional tags and difficulties")) {
            return Optional.empty();
        }
        String at = "rules.draw.";
        fields.only(node, at, DRAW);
        int count = fields.positiveInt(node, "count", at);
        Set<String> tags = new HashSet<>(fields.strings(node, "tags", at));
        Set<Difficulty> difficulties = new HashSet<>();
        List<String> names = fields.strings(node, "difficulties", at);
        for (int i = 0; i < names.size(); i++) {
            try {
                difficulties.add(Difficulty.fromWireName(names.get(i)));
            } catch (ValidationException e) {
                fields.error(at + "difficulties[" + i + "]", "'" + names.get(i) + "' is not easy, medium or hard");
            }
        }
        return Optional.of(new QuestionDraw(count, tags, difficulties));
    }

    private List<Question> questions(JsonNode doc) {
        List<JsonNode> nodes = fields.array(doc, "questions", "", 1);
        QuestionReader reader = new QuestionReader(fields);
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = "questions[" + i + "].";
            JsonNode q = nodes.get(i);
            if (!fields.requireObject(q, "questions[" + i + "]", "a question object")) {
                questionInfos.add(null);
                continue;
            }
            if (q.has("id") && q.get("id").isTextual() && !ids.add(q.get("id").asText())) {
                fields.error(path + "id", "duplicate question id '" + q.get("id").asText() + "'");
            }
            Question question = reader.read(q, path);
            questionInfos.add(reader.infos().get(reader.infos().size() - 1));
            if (question != null) {
                questions.add(question);
            }
        }
        return questions;
    }

    /**
     * What only the rules and the questions together tell, checked here rather than left to {@link Quiz} so that
     * it is reported with every other problem. A question whose common parts could not be read is given the benefit
     * of the doubt.
     */
    private void rulesAgainstQuestions(QuizRules rules) {
        if (rules.scoring().mode() == ScoringRules.Mode.SPEED && rules.questionTimeLimit().isEmpty()
                && !hasError("rules.questionTimeLimitMs")) {
            List<String> untimed = questionInfos.stream().filter(Objects::nonNull)
                    .filter(info -> info.timeLimit().isEmpty()).map(QuestionInfo::id).toList();
            if (!untimed.isEmpty()) {
                fields.error("rules", "speed scoring needs a time limit for every question: set questionTimeLimitMs,"
                        + " or timeLimitMs on each of " + untimed);
            }
        }
        if (rules.draw().isPresent() && !hasError("rules.draw")) {
            QuestionDraw draw = rules.draw().get();
            long pool = questionInfos.stream().filter(info -> info == null || draw.admits(info)).count();
            if (pool < draw.count()) {
                boolean filtered = !draw.tags().isEmpty() || !draw.difficulties().isEmpty();
                fields.error("rules.draw.count", "draws " + draw.count() + " questions from a pool of " + pool
                        + (filtered ? " (the questions with one of its tags and difficulties)" : ""));
            }
        }
    }

    private boolean hasError(String pathPrefix) {
        return fields.errors().stream().anyMatch(error -> error.field().startsWith(pathPrefix));
    }

    private List<FeedbackBand> feedbackBands(JsonNode doc) {
        if (!doc.has("feedback")) {
            return List.of();
        }
        List<FeedbackBand> bands = new ArrayList<>();
        List<JsonNode> nodes = fields.array(doc, "feedback", "", 1);
        for (int i = 0; i < nodes.size(); i++) {
            String at = "feedback[" + i + "].";
            JsonNode band = nodes.get(i);
            if (fields.requireObject(band, "feedback[" + i + "]", "an object with minPercent and text")) {
                fields.only(band, at, FEEDBACK_BAND);
                double min = fields.fraction(band, "minPercent", at, 0, 100, 0);
                bands.add(new FeedbackBand(min, fields.text(band, "text", at, true)));
            }
        }
        return bands;
    }
}
