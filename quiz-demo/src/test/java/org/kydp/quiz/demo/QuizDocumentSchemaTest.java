package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.content.QuizDocumentWriter;
import org.kydp.quiz.model.Quiz;

/** The JSON Schema of the native quiz format accepts the demo quizzes, as written and as written back. */
class QuizDocumentSchemaTest {

    private final Schema schema = load();

    private static Schema load() {
        try (InputStream in = Quiz.class.getResourceAsStream("/org/kydp/quiz/content/quiz-document.schema.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text,
                    InputFormat.JSON);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = DemoContent.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void every_demo_quiz_and_its_written_form_is_valid() throws IOException {
        for (String file : DemoContent.QUIZ_FILES) {
            assertThat(schema.validate(resource("/quizzes/" + file), InputFormat.JSON)).as(file).isEmpty();
        }
        for (Quiz quiz : DemoContent.load()) {
            assertThat(schema.validate(QuizDocumentWriter.write(quiz), InputFormat.JSON)).as(quiz.id()).isEmpty();
        }
    }

    @Test
    void a_document_that_breaks_the_format_is_refused() {
        List<Error> errors = schema.validate("""
                {"id": "Not An Id", "title": {"en": "x"}, "questions": [{"id": "q", "type": "essay"}]}""",
                InputFormat.JSON);
        assertThat(errors).isNotEmpty();
        assertThat(schema.validate("{\"title\": \"x\"}", InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void a_field_the_format_does_not_have_is_refused_as_the_reader_refuses_it() {
        String valid = """
                {"id": "x", "title": "X", "rules": {"timeLimitMs": 60000},
                 "questions": [{"id": "q", "type": "true_false", "text": "Yes?", "answer": true}]}""";

        assertThat(schema.validate(valid, InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(valid.replace("timeLimitMs", "timeLimitMS"), InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate(valid.replace("\"answer\": true", "\"answer\": true, \"options\": []"),
                InputFormat.JSON)).isNotEmpty();
    }
}
