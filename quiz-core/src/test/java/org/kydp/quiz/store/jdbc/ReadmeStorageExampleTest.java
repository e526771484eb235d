package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.content.QuizDocumentReader;

/** The README's storage example is this code: it compiles, it runs, and the README shows it verbatim. */
class ReadmeStorageExampleTest {

    private static final String START = "// readme:storage:start";
    private static final String END = "// readme:storage:end";

    @Test
    void the_storage_example_runs_and_keeps_the_data() throws IOException {
        String quizJson = Files.readString(Path.of("src/test/resources/helplines.json"));
        Path dataDirectory = Files.createTempDirectory("readme-storage");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        // readme:storage:start
        try (JdbcStore store = JdbcStore.open(JdbcConfig.h2(dataDirectory))) { // or JdbcConfig.of(url, user, password)
            QuizEngine engine = QuizEngine.builder().store(store).build();
            engine.onAttemptFinished(attempt -> out.println("finished " + attempt.quizId())); // here or elsewhere
            engine.publishRevision(QuizDocumentReader.read(quizJson)); // a new version only if the content changed
            String asha = engine.registerPlayer("Asha").player().id();
            out.println(engine.finish(asha, engine.startAttempt(asha, "helplines").id()).score());
        }
        // readme:storage:end

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly("finished helplines", "0");
        assertThat(dataDirectory.resolve("quiz.mv.db")).exists();
        try (JdbcStore store = JdbcStore.open(JdbcConfig.h2(dataDirectory))) {
            assertThat(store.attempts().finished("helplines")).hasSize(1);
        }
    }

    @Test
    void the_readme_shows_the_example_verbatim() throws IOException {
        List<String> source = Files.readAllLines(
                Path.of("src/test/java/org/kydp/quiz/store/jdbc/ReadmeStorageExampleTest.java"));
        String example = source.subList(source.indexOf("        " + START) + 1, source.indexOf("        " + END))
                .stream().map(line -> line.substring(8)).collect(Collectors.joining("\n"));

        assertThat(Files.readString(Path.of("../README.md"))).contains(example);
    }
}
