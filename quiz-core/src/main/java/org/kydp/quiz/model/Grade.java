package org.kydp.quiz.model;

/**
 * How right an answer is, as its question type judges it; what it is worth is for the scoring policy.
 *
 * @param correct          whether the answer is entirely right
 * @param fraction         the type's partial credit, with any penalties for wrong parts, within [-1, 1]
 * @param fractionNoPenalty the credit for the right parts only, ignoring penalties, within [0, 1]
 * @param feedback         what the question says about this particular answer (may be empty)
 */
public record Grade(boolean correct, double fraction, double fractionNoPenalty, LocalizedText feedback) {

    public Grade {
        if (!(fraction >= -1.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("fraction must be within [-1, 1]: " + fraction);
        }
        if (!(fractionNoPenalty >= 0.0 && fractionNoPenalty <= 1.0)) {
            throw new IllegalArgumentException("fraction without penalty must be within [0, 1]: " + fractionNoPenalty);
        }
        feedback = feedback == null ? LocalizedText.empty() : feedback;
    }

    /** A grade whose credit has no penalty part. */
    public static Grade of(double fraction, LocalizedText feedback) {
        double clamped = Math.max(0.0, Math.min(1.0, fraction));
        return new Grade(clamped == 1.0, clamped, clamped, feedback);
    }

    public static Grade right(LocalizedText feedback) {
        return new Grade(true, 1.0, 1.0, feedback);
    }

    public static Grade wrong(LocalizedText feedback) {
        return new Grade(false, 0.0, 0.0, feedback);
    }
}
