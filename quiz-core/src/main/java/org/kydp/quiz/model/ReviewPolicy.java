package org.kydp.quiz.model;

import org.kydp.quiz.internal.Arguments;


/** When a player is shown each part of the review of their answers. */
public record ReviewPolicy(ReviewTiming correctness, ReviewTiming points, ReviewTiming feedback,
                           ReviewTiming explanation, ReviewTiming correctAnswer) {

    public static final ReviewPolicy AFTER_EACH_ANSWER = all(ReviewTiming.AFTER_EACH_ANSWER);
    public static final ReviewPolicy AFTER_FINISH = all(ReviewTiming.AFTER_FINISH);
    public static final ReviewPolicy NEVER = all(ReviewTiming.NEVER);

    public ReviewPolicy {
        Arguments.required("correctness", correctness);
        Arguments.required("points", points);
        Arguments.required("feedback", feedback);
        Arguments.required("explanation", explanation);
        Arguments.required("correctAnswer", correctAnswer);
    }

    /** Every part shown at the same time. */
    public static ReviewPolicy all(ReviewTiming timing) {
        return new ReviewPolicy(timing, timing, timing, timing, timing);
    }

    /** The single timing of every part, if they all share one. */
    public java.util.Optional<ReviewTiming> uniform() {
        boolean same = points == correctness && feedback == correctness && explanation == correctness
                && correctAnswer == correctness;
        return same ? java.util.Optional.of(correctness) : java.util.Optional.empty();
    }

    /** Whether anything is shown right after each answer. */
    public boolean showsAnythingAfterEachAnswer() {
        return correctness == ReviewTiming.AFTER_EACH_ANSWER || points == ReviewTiming.AFTER_EACH_ANSWER
                || feedback == ReviewTiming.AFTER_EACH_ANSWER || explanation == ReviewTiming.AFTER_EACH_ANSWER
                || correctAnswer == ReviewTiming.AFTER_EACH_ANSWER;
    }
}
