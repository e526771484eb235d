package org.kydp.quiz.content.gift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.kydp.quiz.content.ImportIssue;
import org.kydp.quiz.content.ImportResult;

/**
 * Moodle's own GIFT files (kept beside the project in shared/testdata/gift, not copied into it): every
 * question in them is either imported or reported with its line, and nothing crashes.
 */
class MoodleGiftCorpusTest {

    private static final Path CORPUS = Path.of("../../shared/testdata/gift");

    @ParameterizedTest
    @ValueSource(strings = {"moodle-examples.gift.txt", "moodle-fixture-questions.gift.txt"})
    void every_question_is_imported_or_reported_with_its_line(String file) throws IOException {
        Path path = CORPUS.resolve(file);
        assertThat(path).as("Moodle's GIFT corpus at %s", path.toAbsolutePath()).exists();
        String gift = Files.readString(path, StandardCharsets.UTF_8);

        ImportResult result = GiftReader.read(gift, "en");

        List<Integer> questionLines = questionLines(gift);
        List<Integer> accounted = new ArrayList<>();
        result.skipped().stream().map(ImportIssue::line).forEach(accounted::add);
        assertThat(result.questions().size() + result.skipped().size())
                .as("imported %d + skipped %s", result.questions().size(), result.skipped())
                .isEqualTo(questionLines.size());
        assertThat(questionLines).containsAll(accounted);
        assertThat(result.skipped()).allSatisfy(issue -> assertThat(issue.reason()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"moodle-examples.gift.txt"})
    void the_documented_examples_import_except_the_essay(String file) throws IOException {
        String gift = Files.readString(CORPUS.resolve(file), StandardCharsets.UTF_8);

        ImportResult result = GiftReader.read(gift, "en");

        assertThat(result.skipped()).isEmpty();
        assertThat(result.questions()).hasSizeGreaterThanOrEqualTo(40);
    }

    /** The first line of every blank-line-separated piece that has an answer block or a title (not $CATEGORY). */
    private static List<Integer> questionLines(String gift) {
        List<Integer> lines = new ArrayList<>();
        String[] all = gift.split("\r?\n", -1);
        int start = -1;
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i <= all.length; i++) {
            String line = i < all.length ? all[i] : "";
            if (line.strip().startsWith("//")) {
                continue;
            }
            if (line.isBlank()) {
                if (start > 0 && !piece.toString().strip().startsWith("$CATEGORY:")) {
                    lines.add(start);
                }
                start = -1;
                piece.setLength(0);
                continue;
            }
            if (start < 0) {
                start = i + 1;
            }
            piece.append(line).append('\n');
        }
        return lines;
    }
}
