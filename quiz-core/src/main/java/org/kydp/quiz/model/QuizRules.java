package org.kydp.quiz.model;

import java.time.Duration;
import java.util.Optional;

import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.internal.Arguments;

/**
 * How a quiz is played.
 *
 * @param timeLimit         the whole attempt's time limit; empty for none
 * @param questionTimeLimit each question's time limit unless it sets its own; empty for none
 * @param gracePeriod       extra time allowed after a deadline for network delay
 * @param attemptsAllowed   attempts per player; 0 for unlimited
 * @param grading           which finished attempts of a player the leaderboard counts
 * @param review            when players see correctness, points, feedback, explanations and right answers
 * @param scoring           how answers turn into points
 * @param shuffleQuestions  serve the questions in a random order, the same each time for one attempt
 * @param shuffleOptions    show options in a random order, the same each time for one attempt
 * @param draw              draw this many questions at random from a pool; empty to ask them all
 *
 * <p>A null {@code Optional} is taken as empty, and a null grace period, grading, review policy or scoring as the
 * default.
 */
public record QuizRules(Optional<Duration> timeLimit, Optional<Duration> questionTimeLimit, Duration gracePeriod,
                        int attemptsAllowed, AttemptGrading grading, ReviewPolicy review, ScoringRules scoring,
                        boolean shuffleQuestions, boolean shuffleOptions, Optional<QuestionDraw> draw) {

    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);

    public QuizRules {
        timeLimit = timeLimit == null ? Optional.empty() : timeLimit;
        questionTimeLimit = questionTimeLimit == null ? Optional.empty() : questionTimeLimit;
        draw = draw == null ? Optional.empty() : draw;
        gracePeriod = gracePeriod == null ? DEFAULT_GRACE : gracePeriod;
        grading = grading == null ? AttemptGrading.HIGHEST : grading;
        review = review == null ? ReviewPolicy.AFTER_EACH_ANSWER : review;
        scoring = scoring == null ? ScoringRules.DEFAULT : scoring;
        requirePositive(timeLimit, "timeLimit", "time limit");
        requirePositive(questionTimeLimit, "questionTimeLimit", "question time limit");
        if (gracePeriod.isNegative()) {
            throw ValidationException.of("gracePeriod", "grace period must not be negative: " + gracePeriod);
        }
        if (attemptsAllowed < 0) {
            throw ValidationException.of("attemptsAllowed",
                    "attempts allowed must be 0 (unlimited) or more: " + attemptsAllowed);
        }
    }

    /** No time limits, unlimited attempts, best attempt ranked, everything shown after each answer, fixed points. */
    public static QuizRules defaults() {
        return new QuizRules(Optional.empty(), Optional.empty(), DEFAULT_GRACE, 0, AttemptGrading.HIGHEST,
                ReviewPolicy.AFTER_EACH_ANSWER, ScoringRules.DEFAULT, false, false, Optional.empty());
    }

    public QuizRules withTimeLimit(Duration limit) {
        return new QuizRules(Optional.of(Arguments.required("limit", limit)), questionTimeLimit, gracePeriod,
                attemptsAllowed, grading, review, scoring, shuffleQuestions, shuffleOptions, draw);
    }

    public QuizRules withQuestionTimeLimit(Duration limit) {
        return new QuizRules(timeLimit, Optional.of(Arguments.required("limit", limit)), gracePeriod,
                attemptsAllowed, grading, review, scoring, shuffleQuestions, shuffleOptions, draw);
    }

    public QuizRules withGracePeriod(Duration grace) {
        return new QuizRules(timeLimit, questionTimeLimit, grace, attemptsAllowed, grading, review, scoring,
                shuffleQuestions, shuffleOptions, draw);
    }

    public QuizRules withAttemptsAllowed(int allowed) {
        return new QuizRules(timeLimit, questionTimeLimit, gracePeriod, allowed, grading, review, scoring,
                shuffleQuestions, shuffleOptions, draw);
    }

    public QuizRules withGrading(AttemptGrading newGrading) {
        return new QuizRules(timeLimit, questionTimeLimit, gracePeriod, attemptsAllowed, newGrading, review, scoring,
                shuffleQuestions, shuffleOptions, draw);
    }

    public QuizRules withReview(ReviewPolicy policy) {
        return new QuizRules(timeLimit, questionTimeLimit, gracePeriod, attemptsAllowed, grading, policy, scoring,
                shuffleQuestions, shuffleOptions, draw);
    }

    public QuizRules withScoring(ScoringRules newScoring) {
        return new QuizRules(timeLimit, questionTimeLimit, gracePeriod, attemptsAllowed, grading, review, newScoring,
                shuffleQuestions, shuffleOptions, draw);
    }

    public QuizRules withShuffle(boolean questions, boolean options) {
        return new QuizRules(timeLimit, questionTimeLimit, gracePeriod, attemptsAllowed, grading, review, scoring,
                questions, options, draw);
    }

    public QuizRules withDraw(QuestionDraw newDraw) {
        return new QuizRules(timeLimit, questionTimeLimit, gracePeriod, attemptsAllowed, grading, review, scoring,
                shuffleQuestions, shuffleOptions, Optional.of(Arguments.required("draw", newDraw)));
    }

    /** The question's own time limit, else the quiz's per-question limit, if any. */
    public Optional<Duration> timeLimitOf(Question question) {
        return question.info().timeLimit().or(() -> questionTimeLimit);
    }

    private static void requirePositive(Optional<Duration> duration, String field, String what) {
        if (duration.isPresent() && (duration.get().isNegative() || duration.get().isZero())) {
            throw ValidationException.of(field, what + " must be positive: " + duration.get());
        }
    }
}
