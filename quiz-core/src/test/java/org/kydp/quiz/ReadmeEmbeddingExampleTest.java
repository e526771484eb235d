package org.kydp.quiz;

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

/** The README's embedding example is {@link ReadmeEmbeddingExample}: it compiles, it runs, and the README shows it verbatim. */
class ReadmeEmbeddingExampleTest {

    /** What the example prints. */
    static final List<String> PRINTED = List.of(
            "भारत का एकल आपातकालीन नंबर कौन सा है?",
            "true: 112 is India's single emergency number; calls to 100, 101 and 102 reach it too.",
            "10/10, rank 1");

    @Test
    void the_embedding_example_runs() throws IOException {
        String quizJson = Files.readString(Path.of("src/test/resources/helplines.json"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ReadmeEmbeddingExample.run(quizJson, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactlyElementsOf(PRINTED);
    }

    @Test
    void the_readme_shows_the_example_verbatim() throws IOException {
        List<String> source = Files.readAllLines(
                Path.of("src/test/java/org/kydp/quiz/ReadmeEmbeddingExample.java"));
        String example = source.subList(source.indexOf("        " + ReadmeEmbeddingExample.START) + 1,
                        source.indexOf("        " + ReadmeEmbeddingExample.END))
                .stream().map(line -> line.substring(8)).collect(Collectors.joining("\n"));
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(example.lines().count()).isLessThanOrEqualTo(15);
        assertThat(readme).contains(example);
    }
}
