package org.kydp.quiz.content.gift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.content.ImportIssue;
import org.kydp.quiz.content.ImportResult;
import org.kydp.quiz.model.Matching;
import org.kydp.quiz.model.MultipleResponse;
import org.kydp.quiz.model.Numeric;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.ShortText;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.TrueFalse;

/**
 * The project's own tour of the GIFT syntax ({@code gift/syntax-tour.gift.txt}): comments, categories, titles,
 * format prefixes, escapes, questions over several lines, every kind of answer block, and the pieces that cannot
 * be represented. The same check as Moodle's files get in {@link MoodleGiftCorpusTest}, from this repository alone.
 */
class OwnGiftCorpusTest {

    private static String tour() throws IOException {
        try (InputStream in = OwnGiftCorpusTest.class.getResourceAsStream("/gift/syntax-tour.gift.txt")) {
            assertThat(in).as("the tour is a test resource").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void every_question_of_the_tour_is_imported_or_reported_with_its_line() throws IOException {
        ImportResult result = GiftCorpus.assertEveryQuestionImportedOrReported(tour());

        assertThat(result.questions()).hasSize(14);
        assertThat(result.skipped()).extracting(ImportIssue::line).containsExactly(61, 63);
    }

    @Test
    void the_tour_yields_every_kind_of_question_gift_can_say() throws IOException {
        ImportResult result = GiftReader.read(tour(), "en");

        assertThat(result.questions()).extracting(Question::getClass).map(Class::getSimpleName).contains(
                SingleChoice.class.getSimpleName(), MultipleResponse.class.getSimpleName(),
                TrueFalse.class.getSimpleName(), ShortText.class.getSimpleName(), Numeric.class.getSimpleName(),
                Matching.class.getSimpleName());
    }
}
