package com.example.embedder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's "Embedding the engine" is {@link QuickStart}: each part runs as README says, and README shows it verbatim. */
public class QuickStartTest {

    /** What the first part prints. */
    public static final List<String> FIRST_QUIZ_PRINTS = List.of(
            "भारत का एकल आपातकालीन नंबर कौन सा है?",
            "true: 112 is India's single emergency number; calls to 100, 101 and 102 reach it too.",
            "10/10, rank 1");

    private static final Path SOURCE = Path.of("src/test/java/com/example/embedder/QuickStart.java");

    @TempDir
    Path data;

    @Test
    void the_first_quiz_plays_in_memory_in_hindi_and_english() throws IOException {
        String quiz = Files.readString(Path.of("src/test/resources/helplines.json"));

        assertThat(printed(out -> QuickStart.firstQuiz(quiz, out))).containsExactlyElementsOf(FIRST_QUIZ_PRINTS);
    }

    @Test
    void a_durable_quiz_keeps_its_leaderboard_across_a_restart_and_tells_each_finish() throws IOException {
        String quiz = Files.readString(Path.of("src/test/resources/helplines.json"));

        assertThat(printed(out -> QuickStart.durableQuiz(data, quiz, out))).containsExactly(
                "finished with 10", "finished with 0", "finished with 10",
                "3 ranked",
                "Ravi: rank 3 of 3, percentile 33.3");
        assertThat(data.resolve("quiz.mv.db")).exists();
    }

    @Test
    void a_time_limit_runs_out_on_a_clock_moved_by_hand() throws IOException {
        String quiz = Files.readString(Path.of("src/test/resources/helplines-timed.json"));

        List<String> printed = printed(out -> QuickStart.timeLimits(quiz, out));

        assertThat(printed).hasSize(3);
        assertThat(printed.get(0)).isEqualTo("false, EXPIRED");
        assertThat(printed.get(1)).startsWith("DEADLINE_PASSED: ");
        assertThat(printed.get(2)).isEqualTo("score 0");
    }

    @Test
    void the_readme_shows_each_part_and_the_imports_verbatim() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        List<String> source = Files.readAllLines(SOURCE);

        for (String part : List.of("imports", "first-quiz", "durable", "time-limits")) {
            String code = part(source, part);
            assertThat(code.lines().count()).as(part).isBetween(5L, 25L);
            assertThat(readme).as("README shows the part %s of QuickStart.java", part).contains(code);
        }
    }

    /** The lines between {@code // readme:<name>:start} and {@code :end}, without their common indentation. */
    static String part(List<String> source, String name) {
        int start = indexOf(source, "// readme:" + name + ":start");
        int end = indexOf(source, "// readme:" + name + ":end");
        List<String> lines = source.subList(start + 1, end);
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent))
                .collect(Collectors.joining("\n"));
    }

    private static int indexOf(List<String> source, String marker) {
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError(marker + " is not in " + SOURCE);
    }

    private static List<String> printed(Consumer<PrintStream> part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        part.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
