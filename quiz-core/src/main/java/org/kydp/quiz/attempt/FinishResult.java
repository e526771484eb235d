package org.kydp.quiz.attempt;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import org.kydp.quiz.model.AttemptStatus;
import org.kydp.quiz.model.LocalizedText;

/**
 * A finished attempt's result. No component is ever null. What the quiz's
 * {@link org.kydp.quiz.model.ReviewPolicy ReviewPolicy} shows after finishing (a part whose timing is
 * {@link org.kydp.quiz.model.ReviewTiming#AFTER_EACH_ANSWER AFTER_EACH_ANSWER} or
 * {@link org.kydp.quiz.model.ReviewTiming#AFTER_FINISH AFTER_FINISH}) is present; a part whose timing is
 * {@link org.kydp.quiz.model.ReviewTiming#NEVER NEVER} is empty:
 *
 * <table>
 *   <caption>Which components are empty, by the timing of the review policy's part</caption>
 *   <tr><th>component</th><th>policy part</th><th>after_each_answer, after_finish</th><th>never</th></tr>
 *   <tr><td>{@code correct}</td><td>correctness</td><td>present</td><td>empty</td></tr>
 *   <tr><td>{@code review}</td><td>all parts</td><td>one item per question (see {@link ReviewItem})</td>
 *       <td>no items when every part is never shown</td></tr>
 * </table>
 *
 * <p>{@code score}, {@code maxScore}, {@code rank} and {@code feedback} are shown under every policy.
 *
 * @param correct  how many answers were right; empty when the review policy never shows correctness
 * @param duration how long the attempt took, never more than its time limit
 * @param feedback overall feedback for the score band reached; empty text if the quiz has none for it
 * @param rank     the player's rank on the quiz's all-time leaderboard after this attempt
 */
public record FinishResult(
        String id,
        String quizId,
        AttemptStatus status,
        int score,
        int maxScore,
        OptionalInt correct,
        int answered,
        int questionCount,
        Duration duration,
        int rank,
        LocalizedText feedback,
        List<ReviewItem> review,
        Languages languages) {

    public FinishResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(quizId, "quizId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(correct, "correct");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(feedback, "feedback");
        review = List.copyOf(review);
        Objects.requireNonNull(languages, "languages");
    }
}
