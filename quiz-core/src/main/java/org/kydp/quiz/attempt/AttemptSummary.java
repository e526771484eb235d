package org.kydp.quiz.attempt;

import org.kydp.quiz.model.AttemptStatus;

import java.time.Instant;

/**
 * An attempt's state as its player sees it.
 *
 * @param score the score so far; {@code null} while in progress if the review policy hides it
 */
public record AttemptSummary(
        String id,
        String quizId,
        int quizVersion,
        AttemptStatus status,
        int answered,
        int questionCount,
        Integer score,
        int maxScore,
        Instant startedAt,
        Instant deadline,
        Instant finishedAt) {
}
