package org.kydp.quiz.content.gift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.kydp.quiz.content.ImportIssue;
import org.kydp.quiz.content.ImportResult;

/** The check every GIFT corpus passes: each question is either imported or reported with its line. */
final class GiftCorpus {

    private GiftCorpus() {
    }

    /** Reads the GIFT text and asserts that every question piece was imported or reported at its first line. */
    static ImportResult assertEveryQuestionImportedOrReported(String gift) {
        ImportResult result = GiftReader.read(gift, "en");

        List<Integer> questionLines = questionLines(gift);
        List<Integer> accounted = new ArrayList<>();
        result.skipped().stream().map(ImportIssue::line).forEach(accounted::add);
        assertThat(result.questions().size() + result.skipped().size())
                .as("imported %d + skipped %s", result.questions().size(), result.skipped())
                .isEqualTo(questionLines.size());
        assertThat(questionLines).containsAll(accounted);
        assertThat(result.skipped()).allSatisfy(issue -> assertThat(issue.reason()).isNotBlank());
        return result;
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
