package org.kydp.quiz.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kydp.quiz.ValidationErrors.errorsOf;
import static org.kydp.quiz.ValidationErrors.fieldsOf;
import static org.kydp.quiz.content.QuizDocuments.at;
import static org.kydp.quiz.content.QuizDocuments.json;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kydp.quiz.error.FieldError;

/**
 * The reader reports every problem of a document at once, each with its path, and nothing that is not a
 * problem. The questions of every-type.json: [0] single choice, [1] multiple response with weights, [2] multiple
 * response marked "correct", [3] true/false, [4] short text, [5] numeric, [6] ordering, [7] matching, [8] poll.
 */
class QuizDocumentReaderProblemsTest {

    private static Arguments problem(String name, Consumer<ObjectNode> change, String... fields) {
        return Arguments.of(Named.of(name, change), List.of(fields));
    }

    private static Consumer<ObjectNode> set(String pointer, String field, String value) {
        return document -> at(document, pointer).set(field, json(value));
    }

    private static Consumer<ObjectNode> remove(String pointer, String field) {
        return document -> at(document, pointer).remove(field);
    }

    private static Consumer<ObjectNode> removeElement(String pointer, int index) {
        return document -> ((ArrayNode) document.at(pointer)).remove(index);
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                // texts and translations
                problem("a missing translation of an option", remove("/questions/1/options/0/text", "hi"),
                        "questions[1].options[0].text.hi"),
                problem("a blank translation of the title", set("", "title", "{\"en\": \"T\", \"hi\": \" \"}"),
                        "title.hi"),
                problem("a translation in an undeclared language", set("/questions/0/text", "fr", "\"Quel numéro ?\""),
                        "questions[0].text.fr"),
                problem("a plain string in a two-language quiz", set("/questions/3", "text", "\"True?\""),
                        "questions[3].text"),
                problem("a missing question text", remove("/questions/3", "text"), "questions[3].text"),
                problem("a translation that is not a string", set("/questions/3/text", "hi", "5"),
                        "questions[3].text.hi"),
                // what every question has
                // what every question has
                problem("a duplicate question id", set("/questions/3", "id", "\"emergency\""), "questions[3].id"),
                problem("a missing question id", remove("/questions/3", "id"), "questions[3].id"),
                problem("zero points", set("/questions/0", "points", "0"), "questions[0].points"),
                problem("negative points", set("/questions/0", "points", "-5"), "questions[0].points"),
                problem("fractional points", set("/questions/0", "points", "2.5"), "questions[0].points"),
                problem("an unknown type", set("/questions/3", "type", "\"essay\""), "questions[3].type"),
                problem("a missing type", remove("/questions/3", "type"), "questions[3].type"),
                problem("an unknown difficulty", set("/questions/0", "difficulty", "\"tricky\""),
                        "questions[0].difficulty"),
                problem("a zero question time limit", set("/questions/0", "timeLimitMs", "0"),
                        "questions[0].timeLimitMs"),
                problem("a tag that is not a string", set("/questions/0", "tags", "[\"ok\", 5]"),
                        "questions[0].tags[1]"),
                problem("a question that is not an object", document -> ((ArrayNode) document.get("questions"))
                        .set(3, json("\"mha\"")), "questions[3]"),
                // single choice
                problem("no correct option", remove("/questions/0/options/1", "correct"), "questions[0].options"),
                problem("the correct option without an id", remove("/questions/0/options/1", "id"),
                        "questions[0].options[1].id"),
                // multiple response
                problem("two correct options", set("/questions/0/options/0", "correct", "true"),
                        "questions[0].options"),
                problem("a duplicate option id", set("/questions/0/options/2", "id", "\"a\""), "questions[0].options"),
                problem("a single option", document -> {
                    removeElement("/questions/0/options", 2).accept(document);
                    removeElement("/questions/0/options", 0).accept(document);
                }, "questions[0].options"),
                problem("a correct flag that is not a boolean", set("/questions/0/options/2", "correct", "\"no\""),
                        "questions[0].options[2].correct"),
                // multiple response
                problem("weights of right options adding up to less than 1",
                        set("/questions/1/options/1", "weight", "0.3"), "questions[1].options"),
                problem("no right option by weight", document -> {
                    at(document, "/questions/1/options/0").put("weight", -0.5);
                    at(document, "/questions/1/options/1").put("weight", 0);
                }, "questions[1].options"),
                problem("no option marked correct", document -> {
                    for (int i = 0; i < 3; i++) {
                        at(document, "/questions/2/options/" + i).remove("correct");
                    }
                }, "questions[2].options"),
                problem("a right option without an id", remove("/questions/1/options/0", "id"),
                        "questions[1].options[0].id"),
                // true/false
                problem("a weight below -1", set("/questions/1/options/2", "weight", "-2"),
                        "questions[1].options[2].weight"),
                // true/false
                problem("a missing true/false answer", remove("/questions/3", "answer"), "questions[3].answer"),
                problem("a true/false answer that is a string", set("/questions/3", "answer", "\"yes\""),
                        "questions[3].answer"),
                // short text
                problem("a short-text fraction above 1", set("/questions/4/answers/2", "fraction", "1.5"),
                        "questions[4].answers[2].fraction"),
                problem("a short-text fraction of 0", set("/questions/4/answers/2", "fraction", "0"),
                        "questions[4].answers[2].fraction"),
                problem("a negative short-text fraction", set("/questions/4/answers/2", "fraction", "-0.5"),
                        "questions[4].answers[2].fraction"),
                problem("no short-text answer worth full points", document -> {
                    at(document, "/questions/4/answers/0").put("fraction", 0.9);
                    at(document, "/questions/4/answers/1").put("fraction", 0.8);
                }, "questions[4].answers"),
                problem("no short-text answers", set("/questions/4", "answers", "[]"), "questions[4].answers"),
                problem("the only full-credit short-text answer without text", document -> {
                    at(document, "/questions/4/answers/0").remove("text");
                    at(document, "/questions/4/answers/1").put("fraction", 0.5);
                }, "questions[4].answers[0].text"),
                problem("a short-text answer without text", remove("/questions/4/answers/2", "text"),
                        "questions[4].answers[2].text"),
                problem("a short-text answer of only invisible characters",
                        set("/questions/4/answers/1", "text", "\"\\u200B\\u200D\""), "questions[4].answers[1].text"),
                problem("a short-text answer of only no-break spaces",
                        set("/questions/4/answers/2", "text", "\"\\u00A0\\u3000\""), "questions[4].answers[2].text"),
                // numeric
                problem("a negative tolerance", set("/questions/5/answers/1", "tolerance", "-2"),
                        "questions[5].answers[1].tolerance"),
                problem("a negative tolerance on the only full-credit answer",
                        set("/questions/5/answers/0", "tolerance", "-1"), "questions[5].answers[0].tolerance"),
                problem("a range whose max is below its min", set("/questions/5/answers/2", "max", "1930"),
                        "questions[5].answers[2].max"),
                problem("a range without a max", remove("/questions/5/answers/2", "max"),
                        "questions[5].answers[2].max"),
                problem("a range without a max and with a fraction of 0", document -> {
                    at(document, "/questions/5/answers/2").remove("max");
                    at(document, "/questions/5/answers/2").put("fraction", 0);
                }, "questions[5].answers[2].max", "questions[5].answers[2].fraction"),
                problem("a numeric answer without a value", remove("/questions/5/answers/1", "value"),
                        "questions[5].answers[1].value"),
                problem("a value that is not a number", set("/questions/5/answers/1", "value", "\"1948\""),
                        "questions[5].answers[1].value"),
                problem("a numeric fraction above 1", set("/questions/5/answers/2", "fraction", "2"),
                        "questions[5].answers[2].fraction"),
                problem("no numeric answer worth full points", set("/questions/5/answers/0", "fraction", "0.75"),
                        "questions[5].answers"),
                // ordering
                problem("an ordering with one item", document -> {
                    removeElement("/questions/6/items", 2).accept(document);
                    removeElement("/questions/6/items", 1).accept(document);
                }, "questions[6].items"),
                problem("an ordering with a duplicate item id", set("/questions/6/items/2", "id", "\"dial\""),
                        "questions[6].items"),
                problem("an ordering item without a text", remove("/questions/6/items/1", "text"),
                        "questions[6].items[1].text"),
                // matching
                problem("pairs that leave a left item out", remove("/questions/7/pairs", "l2"),
                        "questions[7].pairs"),
                problem("pairs that leave a left item out, in a document with another problem", document -> {
                    at(document, "/questions/0").put("points", 0);
                    at(document, "/questions/7/pairs").remove("l2");
                }, "questions[0].points", "questions[7].pairs"),
                problem("a pair naming an unknown left item", set("/questions/7/pairs", "l3", "\"r3\""),
                        "questions[7].pairs"),
                problem("a pair naming an unknown right item", set("/questions/7/pairs", "l2", "\"r9\""),
                        "questions[7].pairs.l2"),
                problem("missing pairs", remove("/questions/7", "pairs"), "questions[7].pairs"),
                problem("a matching question with one left item", document -> {
                    removeElement("/questions/7/left", 1).accept(document);
                    at(document, "/questions/7/pairs").remove("l2");
                }, "questions[7].left"),
                problem("a duplicate right item id", set("/questions/7/right/2", "id", "\"r1\""),
                        "questions[7].right"),
                // poll
                problem("a poll with one option", removeElement("/questions/8/options", 1), "questions[8].options"),
                problem("a poll option without an id", remove("/questions/8/options/1", "id"),
                        "questions[8].options[1].id"),
                // the quiz
                problem("an id with capitals and spaces", set("", "id", "\"Every Type\""), "id"),
                problem("an upper-case language code", set("", "languages", "[\"en\", \"hi\", \"MR\"]"),
                        "languages[2]"),
                problem("a duplicate language", set("", "languages", "[\"en\", \"hi\", \"en\"]"), "languages[2]"),
                problem("a default language not among the languages", set("", "defaultLanguage", "\"fr\""),
                        "defaultLanguage"),
                problem("no questions", set("", "questions", "[]"), "questions"),
                problem("a version of 0", set("", "version", "0"), "version"),
                problem("a feedback band above 100 %",
                        set("", "feedback", "[{\"minPercent\": 120, \"text\": {\"en\": \"x\", \"hi\": \"क\"}}]"),
                        "feedback[0].minPercent"),
                problem("a feedback band without its Hindi text",
                        set("", "feedback", "[{\"minPercent\": 50, \"text\": {\"en\": \"x\"}}]"), "feedback[0].text.hi"),
                problem("feedback that is not a list", set("", "feedback", "{}"), "feedback"),
                // rules
                problem("rules that are not an object", set("", "rules", "[]"), "rules"),
                problem("a zero time limit", set("", "rules", "{\"timeLimitMs\": 0}"), "rules.timeLimitMs"),
                problem("a negative question time limit", set("", "rules", "{\"questionTimeLimitMs\": -1}"),
                        "rules.questionTimeLimitMs"),
                problem("a negative grace period", set("", "rules", "{\"gracePeriodMs\": -1}"), "rules.gracePeriodMs"),
                problem("negative attempts", set("", "rules", "{\"attemptsAllowed\": -1}"), "rules.attemptsAllowed"),
                problem("an unknown grading", set("", "rules", "{\"grading\": \"best\"}"), "rules.grading"),
                problem("an unknown review timing", set("", "rules", "{\"review\": \"sometimes\"}"), "rules.review"),
                problem("an unknown review timing for one part", set("", "rules", "{\"review\": {\"points\": \"later\"}}"),
                        "rules.review.points"),
                problem("a review that is a number", set("", "rules", "{\"review\": 5}"), "rules.review"),
                problem("an unknown scoring mode", set("", "rules", "{\"scoring\": {\"mode\": \"slow\"}}"),
                        "rules.scoring.mode"),
                problem("negative marking above 1", set("", "rules", "{\"scoring\": {\"negativeMarking\": 1.5}}"),
                        "rules.scoring.negativeMarking"),
                problem("a positive floor", set("", "rules", "{\"scoring\": {\"floor\": 3}}"), "rules.scoring.floor"),
                problem("an unknown multiple-response grading",
                        set("", "rules", "{\"scoring\": {\"multipleResponse\": \"some\"}}"),
                        "rules.scoring.multipleResponse"),
                problem("a streak bonus that is not a boolean", set("", "rules", "{\"scoring\": {\"streakBonus\": \"yes\"}}"),
                        "rules.scoring.streakBonus"),
                problem("a shuffle flag that is not a boolean", set("", "rules", "{\"shuffleQuestions\": \"yes\"}"),
                        "rules.shuffleQuestions"),
                problem("speed scoring without time limits", set("", "rules", "{\"scoring\": {\"mode\": \"speed\"}}"),
                        "rules"),
                problem("a draw of zero questions", set("", "rules", "{\"draw\": {\"count\": 0}}"), "rules.draw.count"),
                problem("a draw without a count", set("", "rules", "{\"draw\": {}}"), "rules.draw.count"),
                problem("a draw with an unknown difficulty",
                        set("", "rules", "{\"draw\": {\"count\": 1, \"difficulties\": [\"easy\", \"impossible\"]}}"),
                        "rules.draw.difficulties[1]"),
                problem("a draw larger than its pool", set("", "rules", "{\"draw\": {\"count\": 10}}"),
                        "rules.draw.count"),
                problem("a draw larger than its pool of tagged questions",
                        set("", "rules", "{\"draw\": {\"count\": 2, \"tags\": [\"helplines\"]}}"), "rules.draw.count"),
                problem("a draw larger than its pool, in a document with other problems", document -> {
                    document.set("rules", json("{\"draw\": {\"count\": 10}}"));
                    at(document, "/questions/3").put("answer", "yes");
                }, "rules.draw.count", "questions[3].answer"),
                problem("speed scoring without time limits, in a document with other problems", document -> {
                    document.set("rules", json("{\"scoring\": {\"mode\": \"speed\"}}"));
                    at(document, "/questions/0").put("points", 0);
                }, "rules", "questions[0].points"),
                problem("speed scoring with a bad question time limit",
                        set("", "rules", "{\"questionTimeLimitMs\": 0, \"scoring\": {\"mode\": \"speed\"}}"),
                        "rules.questionTimeLimitMs"),
                problem("a draw of zero questions from a pool too small for one",
                        set("", "rules", "{\"draw\": {\"count\": 0, \"tags\": [\"none\"]}}"), "rules.draw.count"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void a_problem_is_reported_on_its_path_and_nothing_else_is(Consumer<ObjectNode> change, List<String> fields) {
        ObjectNode document = QuizDocuments.tree("every-type.json");
        change.accept(document);

        assertThat(fieldsOf(() -> QuizDocumentReader.read(document))).containsExactlyInAnyOrderElementsOf(fields);
    }

    @Test
    void every_problem_of_a_document_is_reported_at_once() {
        List<FieldError> errors = errorsOf(() -> QuizDocumentReader.read(QuizDocuments.text("every-problem.json")));

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(
                "title.hi",
                "rules",
                "rules.draw.count",
                "questions[0].points",
                "questions[0].options",
                "questions[1].options[0].text.hi",
                "questions[2].id",
                "questions[3].answer",
                "questions[4].answers[2].fraction",
                "questions[5].answers[1].tolerance",
                "questions[6].items",
                "questions[7].pairs",
                "questions[8].options[1].text.hi",
                "feedback[0].minPercent",
                "feedback[1].text.hi");
        assertThat(errors).allSatisfy(error -> assertThat(error.message()).isNotBlank());
    }

    @Test
    void speed_scoring_without_time_limits_names_the_questions_without_one() {
        ObjectNode document = QuizDocuments.tree("every-type.json");
        document.set("rules", json("{\"scoring\": {\"mode\": \"speed\"}}"));

        List<FieldError> errors = errorsOf(() -> QuizDocumentReader.read(document));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("rules");
            assertThat(error.message()).contains("speed", "mha", "opinion").doesNotContain("emergency");
        });
    }

    @Test
    void a_draw_larger_than_its_pool_says_how_large_the_pool_is() {
        ObjectNode document = QuizDocuments.tree("every-type.json");
        document.set("rules", json("{\"draw\": {\"count\": 3, \"tags\": [\"helplines\"]}}"));

        assertThat(errorsOf(() -> QuizDocumentReader.read(document))).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("3", "1"));
    }

    @Test
    void malformed_json_is_reported_on_the_document_with_its_line() {
        List<FieldError> errors = errorsOf(() -> QuizDocumentReader.read("{\"id\": \"x\",\n\n  \"title\": ]"));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("$");
            assertThat(error.message()).contains("line 3");
        });
        assertThat(fieldsOf(() -> QuizDocumentReader.read("[1, 2]"))).containsExactly("$");
        assertThat(fieldsOf(() -> QuizDocumentReader.read("\"quiz\""))).containsExactly("$");
    }
}
