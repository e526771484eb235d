package org.kydp.quiz.model;

/**
 * How an answer was graded: whether it is correct and the fraction of the question's points it earns.
 * Feedback is what the question says about this particular answer (may be empty).
 */
public record Grade(boolean correct, double fraction, LocalizedText feedback) {

    public Grade {
        if (!(fraction >= -1.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("fraction must be within [-1, 1]: " + fraction);
        }
        feedback = feedback == null ? LocalizedText.empty() : feedback;
    }

    public static Grade right(LocalizedText feedback) {
        return new Grade(true, 1.0, feedback);
    }

    public static Grade wrong(LocalizedText feedback) {
        return new Grade(false, 0.0, feedback);
    }
}
