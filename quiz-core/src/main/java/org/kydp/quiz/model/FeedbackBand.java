package org.kydp.quiz.model;

import java.util.Objects;

import org.kydp.quiz.error.ValidationException;

/** Overall feedback for a final score of at least {@code minPercent} of the maximum (until the next band). */
public record FeedbackBand(double minPercent, LocalizedText text) {

    public FeedbackBand {
        Objects.requireNonNull(text, "text");
        if (!(minPercent >= 0 && minPercent <= 100)) {
            throw ValidationException.of("minPercent", "a band starts within 0..100 percent: " + minPercent);
        }
    }
}
