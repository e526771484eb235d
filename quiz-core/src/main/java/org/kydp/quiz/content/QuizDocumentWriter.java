package org.kydp.quiz.content;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kydp.quiz.model.Difficulty;
import org.kydp.quiz.model.FeedbackBand;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Matching;
import org.kydp.quiz.model.MultipleResponse;
import org.kydp.quiz.model.Numeric;
import org.kydp.quiz.model.Option;
import org.kydp.quiz.model.Ordering;
import org.kydp.quiz.model.Poll;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionDraw;
import org.kydp.quiz.model.QuestionInfo;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.ReviewPolicy;
import org.kydp.quiz.model.ScoringRules;
import org.kydp.quiz.model.ShortText;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.TrueFalse;
import org.kydp.quiz.model.WeightedOption;

/**
 * Writes a quiz in the native JSON format, so that {@code QuizDocumentReader.read(write(quiz))} equals the
 * quiz. Every rule is written out, defaults included, and multiple-response options always carry their
 * weights, so that a stored document means the same whatever the defaults of a later version.
 */
public final class QuizDocumentWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<String> languages;

    private QuizDocumentWriter(List<String> languages) {
        this.languages = languages;
    }

    /** The quiz as a compact JSON document. */
    public static String write(Quiz quiz) {
        return toString(JSON, toJson(quiz));
    }

    /** The quiz as an indented JSON document, for people to read and edit. */
    public static String writePretty(Quiz quiz) {
        return toString(PRETTY, toJson(quiz));
    }

    public static ObjectNode toJson(Quiz quiz) {
        return new QuizDocumentWriter(quiz.languages()).quiz(quiz);
    }

    private static String toString(ObjectMapper mapper, ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always serialises", e);
        }
    }

    private ObjectNode quiz(Quiz quiz) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("id", quiz.id());
        doc.put("version", quiz.version());
        doc.put("defaultLanguage", quiz.defaultLanguage());
        strings(doc.putArray("languages"), quiz.languages());
        doc.set("title", text(quiz.title()));
        optionalText(doc, "description", quiz.description());
        strings(doc.putArray("tags"), quiz.tags());
        doc.set("rules", rules(quiz.rules()));
        ArrayNode questions = doc.putArray("questions");
        quiz.questions().forEach(question -> questions.add(question(question)));
        if (!quiz.feedbackBands().isEmpty()) {
            ArrayNode bands = doc.putArray("feedback");
            for (FeedbackBand band : quiz.feedbackBands()) {
                ObjectNode node = bands.addObject();
                node.put("minPercent", band.minPercent());
                node.set("text", text(band.text()));
            }
        }
        return doc;
    }

    private ObjectNode rules(QuizRules rules) {
        ObjectNode node = JSON.createObjectNode();
        millis(node, "timeLimitMs", rules.timeLimit());
        millis(node, "questionTimeLimitMs", rules.questionTimeLimit());
        node.put("gracePeriodMs", rules.gracePeriod().toMillis());
        node.put("attemptsAllowed", rules.attemptsAllowed());
        node.put("grading", rules.grading().wireName());
        node.set("review", review(rules.review()));
        node.set("scoring", scoring(rules.scoring()));
        node.put("shuffleQuestions", rules.shuffleQuestions());
        node.put("shuffleOptions", rules.shuffleOptions());
        rules.draw().ifPresent(draw -> node.set("draw", draw(draw)));
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode review(ReviewPolicy review) {
        if (review.uniform().isPresent()) {
            return JSON.getNodeFactory().textNode(review.uniform().get().wireName());
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("correctness", review.correctness().wireName());
        node.put("points", review.points().wireName());
        node.put("feedback", review.feedback().wireName());
        node.put("explanation", review.explanation().wireName());
        node.put("correctAnswer", review.correctAnswer().wireName());
        return node;
    }

    private static ObjectNode scoring(ScoringRules scoring) {
        ObjectNode node = JSON.createObjectNode();
        node.put("mode", scoring.mode().wireName());
        node.put("negativeMarking", scoring.negativeMarking());
        node.put("floor", scoring.floor());
        node.put("multipleResponse", scoring.multipleResponse().wireName());
        node.put("streakBonus", scoring.streakBonus());
        return node;
    }

    private static ObjectNode draw(QuestionDraw draw) {
        ObjectNode node = JSON.createObjectNode();
        node.put("count", draw.count());
        strings(node.putArray("tags"), draw.tags().stream().sorted().toList());
        strings(node.putArray("difficulties"), draw.difficulties().stream().sorted()
                .map(Difficulty::wireName).toList());
        return node;
    }

    private ObjectNode question(Question question) {
        ObjectNode node = info(question.info(), question.type().wireName());
        if (question instanceof SingleChoice q) {
            ArrayNode options = node.putArray("options");
            for (Option option : q.options()) {
                ObjectNode o = choice(options, option.id(), option.text());
                o.put("correct", option.correct());
                if (!option.correct() && option.credit() > 0) {
                    o.put("credit", option.credit());
                }
                optionalText(o, "feedback", option.feedback());
            }
        } else if (question instanceof MultipleResponse q) {
            ArrayNode options = node.putArray("options");
            for (WeightedOption option : q.options()) {
                ObjectNode o = choice(options, option.id(), option.text());
                o.put("weight", option.weight());
                optionalText(o, "feedback", option.feedback());
            }
        } else if (question instanceof TrueFalse q) {
            node.put("answer", q.answer());
            optionalText(node, "rightFeedback", q.feedbackWhenRight());
            optionalText(node, "wrongFeedback", q.feedbackWhenWrong());
        } else if (question instanceof ShortText q) {
            ArrayNode answers = node.putArray("answers");
            for (ShortText.Accepted accepted : q.accepted()) {
                ObjectNode a = answers.addObject();
                a.put("text", accepted.text());
                a.put("fraction", accepted.fraction());
                optionalText(a, "feedback", accepted.feedback());
            }
        } else if (question instanceof Numeric q) {
            ArrayNode answers = node.putArray("answers");
            q.accepted().forEach(accepted -> answers.add(numeric(accepted)));
        } else if (question instanceof Ordering q) {
            choices(node.putArray("items"), q.items());
        } else if (question instanceof Matching q) {
            choices(node.putArray("left"), q.left());
            choices(node.putArray("right"), q.right());
            ObjectNode pairs = node.putObject("pairs");
            q.left().forEach(left -> pairs.put(left.id(), q.pairs().get(left.id())));
        } else if (question instanceof Poll q) {
            choices(node.putArray("options"), q.options());
        } else {
            throw new IllegalArgumentException("no JSON form for question type " + question.type());
        }
        return node;
    }

    private ObjectNode info(QuestionInfo info, String type) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", info.id());
        node.put("type", type);
        node.set("text", text(info.text()));
        node.put("points", info.points());
        optionalText(node, "explanation", info.explanation());
        if (!info.source().isEmpty()) {
            node.put("source", info.source());
        }
        if (!info.tags().isEmpty()) {
            strings(node.putArray("tags"), info.tags());
        }
        info.difficulty().ifPresent(difficulty -> node.put("difficulty", difficulty.wireName()));
        millis(node, "timeLimitMs", info.timeLimit());
        return node;
    }

    private ObjectNode numeric(Numeric.Accepted accepted) {
        ObjectNode node = JSON.createObjectNode();
        if (accepted instanceof Numeric.Range range) {
            node.put("min", range.min());
            node.put("max", range.max());
        } else if (accepted instanceof Numeric.Exact exact) {
            node.put("value", exact.value());
            node.put("tolerance", exact.tolerance());
        }
        node.put("fraction", accepted.fraction());
        optionalText(node, "feedback", accepted.feedback());
        return node;
    }

    private void choices(ArrayNode array, List<Question.Choice> choices) {
        choices.forEach(choice -> choice(array, choice.id(), choice.text()));
    }

    private ObjectNode choice(ArrayNode array, String id, LocalizedText text) {
        ObjectNode node = array.addObject();
        node.put("id", id);
        node.set("text", text(text));
        return node;
    }

    /** A text by language, in the quiz's order of languages. */
    private ObjectNode text(LocalizedText text) {
        ObjectNode node = JSON.createObjectNode();
        List<String> order = new ArrayList<>(languages);
        text.languages().stream().filter(language -> !order.contains(language)).sorted().forEach(order::add);
        for (String language : order) {
            String value = text.values().get(language);
            if (value != null) {
                node.put(language, value);
            }
        }
        return node;
    }

    private void optionalText(ObjectNode parent, String field, LocalizedText text) {
        if (!text.isEmpty()) {
            parent.set(field, text(text));
        }
    }

    private static void millis(ObjectNode node, String field, Optional<Duration> duration) {
        duration.ifPresent(given -> node.put(field, given.toMillis()));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
