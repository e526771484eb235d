package org.kydp.quiz.attempt;

import java.time.Duration;
import java.util.List;

import org.kydp.quiz.model.AttemptStatus;
import org.kydp.quiz.model.LocalizedText;

/**
 * A finished attempt's result. {@code review} is empty when the quiz's review policy shows nothing.
 *
 * @param correct  how many answers were right; {@code null} when the review policy never shows correctness
 * @param feedback overall feedback for the score band reached; empty if the quiz has none
 * @param rank     the player's rank on the quiz's all-time leaderboard after this attempt
 */
public record FinishResult(
        String id,
        String quizId,
        AttemptStatus status,
        int score,
        int maxScore,
        Integer correct,
        int answered,
        int questionCount,
        Duration duration,
        int rank,
        LocalizedText feedback,
        List<ReviewItem> review,
        Languages languages) {

    public FinishResult {
        review = List.copyOf(review);
    }
}
