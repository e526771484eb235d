package org.kydp.quiz.attempt;

import org.kydp.quiz.model.ReviewPolicy;
import org.kydp.quiz.model.ReviewTiming;

/** Which parts of the review a player may see at one moment: right after an answer, or after finishing. */
record Reveal(boolean correctness, boolean points, boolean feedback, boolean explanation, boolean correctAnswer) {

    static Reveal afterAnswer(ReviewPolicy policy) {
        return new Reveal(now(policy.correctness()), now(policy.points()), now(policy.feedback()),
                now(policy.explanation()), now(policy.correctAnswer()));
    }

    static Reveal afterFinish(ReviewPolicy policy) {
        return new Reveal(ever(policy.correctness()), ever(policy.points()), ever(policy.feedback()),
                ever(policy.explanation()), ever(policy.correctAnswer()));
    }

    boolean anything() {
        return correctness || points || feedback || explanation || correctAnswer;
    }

    private static boolean now(ReviewTiming timing) {
        return timing == ReviewTiming.AFTER_EACH_ANSWER;
    }

    private static boolean ever(ReviewTiming timing) {
        return timing != ReviewTiming.NEVER;
    }
}
