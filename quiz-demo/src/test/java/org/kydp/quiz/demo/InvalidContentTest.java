package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.error.ValidationException;

/** The demo refuses invalid content and says, file by file and path by path, why. */
class InvalidContentTest {

    @Test
    void every_problem_of_every_file_is_reported_with_its_file_and_path() {
        ValidationException invalid = catchThrowableOfType(ValidationException.class,
                () -> DemoContent.load("/invalid-quizzes/", List.of("broken.json", "missing.json")));

        assertThat(invalid.errors()).extracting(error -> error.field()).containsExactlyInAnyOrder(
                "broken.json: title.hi", "broken.json: questions[0].options", "missing.json");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoServer.printInvalidContent(new PrintStream(bytes, true, StandardCharsets.UTF_8), invalid);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("kydp-quiz demo: the quiz content is invalid, "
                + "not starting:").contains("  broken.json: title.hi: missing translation")
                .contains("  missing.json: missing from the class path");
    }
}
