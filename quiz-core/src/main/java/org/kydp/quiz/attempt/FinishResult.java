package org.kydp.quiz.attempt;

import org.kydp.quiz.model.AttemptStatus;

import java.time.Duration;
import java.util.List;

/**
 * A finished attempt's result. {@code review} is empty when the quiz's review policy is "never".
 *
 * @param rank the player's rank on the quiz's all-time leaderboard after this attempt
 */
public record FinishResult(
        String id,
        String quizId,
        AttemptStatus status,
        int score,
        int maxScore,
        int correct,
        int answered,
        int questionCount,
        Duration duration,
        int rank,
        List<ReviewItem> review,
        Languages languages) {

    public FinishResult {
        review = List.copyOf(review);
    }
}
