package org.kydp.quiz.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.kydp.quiz.model.Attempt;

/**
 * A finished attempt as a leaderboard counts it: whose, at which quiz, its score (the points of its answers) and
 * when it started and finished. What the leaderboards are rebuilt from at start, without each attempt's answers.
 *
 * @param playerName the player's name, or null if the player is not stored
 */
public record FinishedResult(String attemptId, String quizId, String playerId, String playerName, int score,
                             Instant startedAt, Instant finishedAt) {

    public FinishedResult {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(quizId, "quizId");
        Objects.requireNonNull(playerId, "playerId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /** The result of a finished attempt, with the player's name if known. */
    public static FinishedResult of(Attempt finished, String playerName) {
        if (!finished.isFinished()) {
            throw new IllegalArgumentException("attempt " + finished.id() + " is not finished");
        }
        return new FinishedResult(finished.id(), finished.quizId(), finished.playerId(), playerName,
                finished.score(), finished.startedAt(), finished.finishedAt());
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
