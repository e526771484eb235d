package org.kydp.quiz.attempt;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.kydp.quiz.model.Attempt;

/**
 * An attempt just finished, as {@link org.kydp.quiz.QuizEngine#onAttemptFinished} tells of it. No component is
 * ever null, and none is secret: the attempt's seed and its answers stay in the engine.
 *
 * @param id          the attempt's id
 * @param quizVersion the version of the quiz it played
 * @param score       its score (the sum of its answers' points, streak bonuses included)
 * @param correct     how many of its answers were fully right
 * @param answered    how many questions it answered
 * @param duration    from its start to its finish
 */
public record FinishedAttempt(
        String id,
        String quizId,
        int quizVersion,
        String playerId,
        int score,
        int correct,
        int answered,
        int questionCount,
        Instant startedAt,
        Instant finishedAt,
        Duration duration) {

    public FinishedAttempt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(quizId, "quizId");
        Objects.requireNonNull(playerId, "playerId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(duration, "duration");
    }

    /** What a finished attempt tells of itself. */
    public static FinishedAttempt of(Attempt attempt) {
        if (!attempt.isFinished()) {
            throw new IllegalStateException("attempt " + attempt.id() + " is not finished");
        }
        return new FinishedAttempt(attempt.id(), attempt.quizId(), attempt.quizVersion(), attempt.playerId(),
                attempt.score(), (int) attempt.correctCount(), (int) attempt.answeredCount(),
                attempt.questionIds().size(), attempt.startedAt(), attempt.finishedAt(), attempt.duration());
    }
}
