package org.kydp.quiz.attempt;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.kydp.quiz.model.AttemptStatus;

/**
 * An attempt's state as its player sees it. No component is ever null.
 *
 * <table>
 *   <caption>When {@code score} is empty, by the timing of the review policy's points</caption>
 *   <tr><th>component</th><th>after_each_answer</th><th>after_finish, never</th></tr>
 *   <tr><td>{@code score}</td><td>present</td><td>empty while the attempt is in progress (or its time is up but it
 *       is not finished); present once finished</td></tr>
 * </table>
 *
 * @param status     in progress, expired (its time is up) or finished
 * @param score      the score so far; empty while in progress if the review policy hides points until the end
 * @param deadline   when the attempt's time is up (before grace); empty if the quiz has no time limit
 * @param finishedAt when the attempt was finished; empty until then
 */
public record AttemptSummary(
        String id,
        String quizId,
        int quizVersion,
        AttemptStatus status,
        int answered,
        int questionCount,
        OptionalInt score,
        int maxScore,
        Instant startedAt,
        Optional<Instant> deadline,
        Optional<Instant> finishedAt) {

    public AttemptSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(quizId, "quizId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}
