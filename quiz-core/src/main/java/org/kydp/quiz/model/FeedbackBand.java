package org.kydp.quiz.model;


import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.internal.Arguments;

/** Overall feedback for a final score of at least {@code minPercent} of the maximum (until the next band). */
public record FeedbackBand(double minPercent, LocalizedText text) {

    public FeedbackBand {
        Arguments.required("text", text);
        if (!(minPercent >= 0 && minPercent <= 100)) {
            throw ValidationException.of("minPercent", "a band starts within 0..100 percent: " + minPercent);
        }
    }
}
