package org.kydp.quiz.content;

import java.util.List;

/**
 * What an import made of a file: the questions it read, the questions it skipped (with line and
 * reason), and details it had to leave out of questions it did import.
 */
public record ImportResult(List<org.kydp.quiz.model.Question> questions, List<ImportIssue> skipped,
                           List<ImportIssue> warnings) {

    public ImportResult {
        questions = List.copyOf(questions);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }
}
