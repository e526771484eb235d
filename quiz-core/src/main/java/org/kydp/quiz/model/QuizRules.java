package org.kydp.quiz.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a quiz is played.
 *
 * @param timeLimit        the whole attempt's time limit; {@code null} for none
 * @param gracePeriod      extra time allowed after a deadline for network delay
 * @param attemptsAllowed  attempts per player; 0 for unlimited
 * @param review           when players see correctness and explanations
 * @param grading          which finished attempts of a player the leaderboard counts
 */
public record QuizRules(Duration timeLimit, Duration gracePeriod, int attemptsAllowed, ReviewPolicy review,
                        AttemptGrading grading) {

    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);

    public QuizRules {
        gracePeriod = gracePeriod == null ? DEFAULT_GRACE : gracePeriod;
        Objects.requireNonNull(review, "review");
        grading = grading == null ? AttemptGrading.HIGHEST : grading;
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("time limit must be positive: " + timeLimit);
        }
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("grace period must not be negative: " + gracePeriod);
        }
        if (attemptsAllowed < 0) {
            throw new IllegalArgumentException("attempts allowed must be 0 (unlimited) or more: " + attemptsAllowed);
        }
    }

    public QuizRules(Duration timeLimit, Duration gracePeriod, int attemptsAllowed, ReviewPolicy review) {
        this(timeLimit, gracePeriod, attemptsAllowed, review, AttemptGrading.HIGHEST);
    }

    /** No time limit, unlimited attempts, everything shown after each answer, best attempt ranked. */
    public static QuizRules defaults() {
        return new QuizRules(null, DEFAULT_GRACE, 0, ReviewPolicy.AFTER_EACH_ANSWER, AttemptGrading.HIGHEST);
    }

    public Optional<Duration> timeLimitIfAny() {
        return Optional.ofNullable(timeLimit);
    }

    public QuizRules withTimeLimit(Duration limit) {
        return new QuizRules(limit, gracePeriod, attemptsAllowed, review, grading);
    }

    public QuizRules withAttemptsAllowed(int allowed) {
        return new QuizRules(timeLimit, gracePeriod, allowed, review, grading);
    }

    public QuizRules withReview(ReviewPolicy policy) {
        return new QuizRules(timeLimit, gracePeriod, attemptsAllowed, policy, grading);
    }

    public QuizRules withGrading(AttemptGrading newGrading) {
        return new QuizRules(timeLimit, gracePeriod, attemptsAllowed, review, newGrading);
    }
}
