package org.kydp.quiz.content.gift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.kydp.quiz.content.ImportResult;

/**
 * Moodle's own GIFT files: every question in them is either imported or reported with its line, and nothing
 * crashes. They are not part of this repository: the test reads them from {@code ../../shared/testdata/gift}
 * (beside a checkout, as the project's CI has them) or from {@code -Dgift.corpus=<directory>}, and reports itself
 * skipped when they are not there. {@link OwnGiftCorpusTest} covers the same syntax with the project's own file.
 */
class MoodleGiftCorpusTest {

    private static final Path CORPUS = Path.of(System.getProperty("gift.corpus", "../../shared/testdata/gift"));

    @BeforeAll
    static void corpusIsThere() {
        assumeTrue(Files.isDirectory(CORPUS), "Moodle's GIFT files are not at " + CORPUS.toAbsolutePath()
                + "; set -Dgift.corpus=<directory> to run this test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"moodle-examples.gift.txt", "moodle-fixture-questions.gift.txt"})
    void every_question_is_imported_or_reported_with_its_line(String file) throws IOException {
        Path path = CORPUS.resolve(file);
        assertThat(path).as("Moodle's GIFT corpus at %s", path.toAbsolutePath()).exists();
        String gift = Files.readString(path, StandardCharsets.UTF_8);

        GiftCorpus.assertEveryQuestionImportedOrReported(gift);
    }

    @ParameterizedTest
    @ValueSource(strings = {"moodle-examples.gift.txt"})
    void the_documented_examples_import_except_the_essay(String file) throws IOException {
        String gift = Files.readString(CORPUS.resolve(file), StandardCharsets.UTF_8);

        ImportResult result = GiftReader.read(gift, "en");

        assertThat(result.skipped()).isEmpty();
        assertThat(result.questions()).hasSizeGreaterThanOrEqualTo(40);
    }
}
