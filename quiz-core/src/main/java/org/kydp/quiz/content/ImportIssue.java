package org.kydp.quiz.content;

/** Something an import could not take over as it was: where it is in the file (1-based line) and why. */
public record ImportIssue(int line, String reason) {
}
