package org.kydp.quiz.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kydp.quiz.ValidationErrors.errorsOf;
import static org.kydp.quiz.ValidationErrors.fieldsOf;
import static org.kydp.quiz.content.QuizDocuments.at;
import static org.kydp.quiz.content.QuizDocuments.json;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.model.Quiz;

/** Unknown fields and repeated keys in a quiz document: refused with their paths, or warned of when lenient. */
class QuizDocumentStrictnessTest {

    /** Keys whose object is a text by language (or, for pairs, left id to right id): no fixed field names. */
    private static final Set<String> FREE_FORM = Set.of("title", "description", "text", "explanation", "feedback",
            "rightFeedback", "wrongFeedback", "pairs");

    private static ObjectNode everyType() {
        return QuizDocuments.tree("every-type.json");
    }

    @Test
    void an_unknown_field_at_the_top_is_refused_with_its_name() {
        ObjectNode document = everyType();
        document.put("titel", "Helplines");

        assertThat(errorsOf(() -> QuizDocumentReader.read(document))).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("titel");
            assertThat(error.message()).isEqualTo("unknown field; did you mean title?");
        });
    }

    @Test
    void a_misspelt_time_limit_in_the_rules_is_refused_rather_than_leaving_the_quiz_untimed() {
        ObjectNode document = everyType();
        document.set("rules", json("{\"timeLimitMS\": 600000}"));

        assertThat(errorsOf(() -> QuizDocumentReader.read(document))).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("rules.timeLimitMS");
            assertThat(error.message()).isEqualTo("unknown field; did you mean timeLimitMs?");
        });
    }

    @Test
    void an_unknown_field_in_a_question_is_refused_with_the_questions_index() {
        ObjectNode document = everyType();
        at(document, "/questions/2").put("timeLimitMS", 20000);

        assertThat(errorsOf(() -> QuizDocumentReader.read(document))).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("questions[2].timeLimitMS");
            assertThat(error.message()).contains("did you mean timeLimitMs?");
        });
    }

    @Test
    void an_unknown_field_in_an_option_is_refused_with_the_options_index() {
        ObjectNode document = everyType();
        at(document, "/questions/0/options/1").put("corect", true);

        assertThat(errorsOf(() -> QuizDocumentReader.read(document))).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("questions[0].options[1].corect");
            assertThat(error.message()).contains("did you mean correct?");
        });
    }

    @Test
    void a_field_of_another_question_type_is_unknown_and_the_message_lists_the_known_ones() {
        ObjectNode document = everyType();
        at(document, "/questions/3").set("options", json("[{\"id\": \"a\", \"text\": \"x\"}]")); // true_false

        assertThat(errorsOf(() -> QuizDocumentReader.read(document))).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("questions[3].options");
            assertThat(error.message()).startsWith("unknown field; known here: id, type, text")
                    .contains("answer", "rightFeedback");
        });
    }

    @Test
    void every_kind_of_object_has_its_fields_checked() {
        ObjectNode document = everyType();
        document.set("rules", json("""
                {"review": {"corectness": "never"}, "scoring": {"mod": "fixed"}, "draw": {"count": 1, "tag": []}}"""));
        document.set("feedback", json("[{\"minPercent\": 0, \"text\": {\"en\": \"x\", \"hi\": \"y\"}, \"max\": 1}]"));
        at(document, "/questions/1/options/0").put("wieght", 1);
        at(document, "/questions/4/answers/0").put("fractoin", 1);
        at(document, "/questions/5/answers/0").put("tolerence", 1);
        at(document, "/questions/6/items/0").put("correct", true);
        at(document, "/questions/7/right/0").put("id2", "x");
        at(document, "/questions/8/options/0").put("correct", true);

        assertThat(fieldsOf(() -> QuizDocumentReader.read(document))).containsExactlyInAnyOrder(
                "rules.review.corectness", "rules.scoring.mod", "rules.draw.tag", "feedback[0].max",
                "questions[1].options[0].wieght", "questions[4].answers[0].fractoin",
                "questions[5].answers[0].tolerence", "questions[6].items[0].correct", "questions[7].right[0].id2",
                "questions[8].options[0].correct");
    }

    @Test
    void a_numeric_range_does_not_take_the_fields_of_an_exact_value() {
        ObjectNode document = everyType();
        at(document, "/questions/5").set("answers", json("[{\"min\": 1940, \"max\": 1950, \"tolerance\": 2}]"));

        assertThat(fieldsOf(() -> QuizDocumentReader.read(document)))
                .containsExactly("questions[5].answers[0].tolerance");
    }

    @Test
    void language_codes_pairs_and_the_published_flag_are_not_unknown_fields() {
        ObjectNode document = everyType();
        document.put("published", true); // as GET /api/v1/admin/quizzes/{id} writes it

        Quiz quiz = QuizDocumentReader.read(document);

        assertThat(quiz.title().languages()).containsExactlyInAnyOrder("en", "hi");
        assertThat(QuizDocumentReader.readLeniently(document).warnings()).isEmpty();
    }

    @Test
    void unknown_fields_are_reported_with_every_other_problem() {
        ObjectNode document = everyType();
        at(document, "/questions/0").put("points", -1).put("explaination", "x");

        assertThat(fieldsOf(() -> QuizDocumentReader.read(document)))
                .containsExactlyInAnyOrder("questions[0].points", "questions[0].explaination");
    }

    @Test
    void a_repeated_key_is_refused_with_its_path_and_where_both_are() {
        String document = """
                {"id": "x", "title": "X",
                 "questions": [
                   {"id": "q", "type": "true_false", "text": "Yes?", "answer": true,
                    "answer": false}
                 ]}""";

        assertThat(errorsOf(() -> QuizDocumentReader.read(document))).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("questions[0].answer");
            assertThat(error.message()).contains("duplicate key", "line 3", "line 4");
        });
    }

    @Test
    void every_repeated_key_is_reported_at_once_with_the_documents_other_problems() {
        String document = """
                {"id": "x", "title": {"en": "X", "en": "Y"}, "id": "y",
                 "rules": {"scoring": {"floor": 0, "floor": -1}},
                 "questions": [{"id": "q", "type": "true_false", "text": "Yes?", "answer": "yes"}]}""";

        assertThat(fieldsOf(() -> QuizDocumentReader.read(document))).containsExactlyInAnyOrder(
                "title.en", "id", "rules.scoring.floor", "questions[0].answer");
    }

    @Test
    void a_repeated_key_stays_an_error_when_reading_leniently_and_in_a_stream() {
        String document = "{\"id\": \"x\", \"id\": \"x\", \"title\": \"X\", \"questions\": []}";

        assertThat(fieldsOf(() -> QuizDocumentReader.readLeniently(document))).contains("id");
        assertThat(fieldsOf(() -> QuizDocumentReader.read(
                new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))))).contains("id");
    }

    @Test
    void content_after_the_document_is_refused_as_invalid_json() {
        String document = QuizDocuments.text("every-type.json") + " {}";

        assertThat(errorsOf(() -> QuizDocumentReader.read(document))).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("$");
            assertThat(error.message()).startsWith("not valid JSON");
        });
    }

    @Test
    void numbers_read_as_before_whatever_their_size() {
        ObjectNode document = everyType();
        at(document, "/questions/5/answers/0").put("value", 1948.5).put("tolerance", 0.5);
        at(document, "/questions/0").put("points", 7);

        assertThat(QuizDocumentReader.read(document.toString())).isEqualTo(QuizDocumentReader.read(document));
        assertThat(fieldsOf(() -> QuizDocumentReader.read(document.toString()
                .replace("\"points\":7", "\"points\":12345678901234567890"))))
                .containsExactly("questions[0].points");
    }

    @Test
    void reading_leniently_gives_the_quiz_without_the_unknown_fields_and_warns_of_each() {
        ObjectNode document = everyType();
        document.set("rules", json("{\"timeLimitMS\": 600000, \"attemptsAllowed\": 2}"));
        at(document, "/questions/0/options/1").put("corect", true);

        QuizWithWarnings read = QuizDocumentReader.readLeniently(document.toString());

        assertThat(read.warnings()).extracting(FieldError::field)
                .containsExactly("rules.timeLimitMS", "questions[0].options[1].corect");
        assertThat(read.warnings().get(0).message()).contains("did you mean timeLimitMs?");
        assertThat(read.quiz().rules().timeLimit()).isEmpty();
        assertThat(read.quiz().rules().attemptsAllowed()).isEqualTo(2);
        at(document, "/questions/0/options/1").remove("corect");
        document.set("rules", json("{\"attemptsAllowed\": 2}"));
        assertThat(read.quiz()).isEqualTo(QuizDocumentReader.read(document));
    }

    @Test
    void reading_leniently_still_refuses_what_is_wrong_in_known_fields() {
        ObjectNode document = everyType();
        document.put("colour", "blue");
        at(document, "/questions/0").put("points", 0);

        assertThat(fieldsOf(() -> QuizDocumentReader.readLeniently(document)))
                .containsExactly("questions[0].points");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"every-type.json", "every-rule.json", "catalogue.json"})
    void what_the_writer_writes_reads_back_strictly_and_without_warnings(String name) {
        Quiz quiz = QuizDocumentReader.read(QuizDocuments.text(name));

        for (String written : List.of(QuizDocumentWriter.write(quiz), QuizDocumentWriter.writePretty(quiz))) {
            QuizWithWarnings read = QuizDocumentReader.readLeniently(written);
            assertThat(read.warnings()).isEmpty();
            assertThat(read.quiz()).isEqualTo(quiz);
            assertThat(QuizDocumentReader.read(written)).isEqualTo(quiz);
        }
    }

    @Test
    void a_quiz_built_in_code_is_written_in_fields_the_reader_knows() {
        Quiz quiz = SampleQuizzes.helplines();

        assertThat(QuizDocumentReader.readLeniently(QuizDocumentWriter.write(quiz)).warnings()).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void an_unknown_key_put_anywhere_is_reported_at_exactly_its_path(long seed) {
        Random random = new Random(seed);
        ObjectNode document = QuizDocuments.tree(random.nextBoolean() ? "every-type.json" : "every-rule.json");
        List<Map.Entry<String, ObjectNode>> objects = new ArrayList<>();
        collectObjects(document, "", objects);
        Map.Entry<String, ObjectNode> target = objects.get(random.nextInt(objects.size()));
        String key = "zz" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        target.getValue().put(key, random.nextInt());
        String path = target.getKey().isEmpty() ? key : target.getKey() + "." + key;

        assertThat(fieldsOf(() -> QuizDocumentReader.read(document))).as("seed %d, %s", seed, path)
                .containsExactly(path);
        assertThat(QuizDocumentReader.readLeniently(document).warnings()).as("seed %d, %s", seed, path)
                .extracting(FieldError::field).containsExactly(path);
    }

    static LongStream seeds() {
        return LongStream.range(1, 61);
    }

    /** Every object of the document whose field names are fixed, with its path. */
    private static void collectObjects(JsonNode node, String path, List<Map.Entry<String, ObjectNode>> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(Map.entry(path, object));
            object.properties().forEach(field -> {
                if (!FREE_FORM.contains(field.getKey()) || field.getValue().isArray()) {
                    collectObjects(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                            objects);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectObjects(node.get(i), path + "[" + i + "]", objects);
            }
        }
    }
}
