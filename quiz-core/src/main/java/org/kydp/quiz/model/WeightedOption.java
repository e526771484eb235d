package org.kydp.quiz.model;


import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.internal.Arguments;

/**
 * An option of a multiple-response question. Its weight is the fraction of the question's points that
 * choosing it adds (positive: a right option) or takes away (negative: a wrong one), as GIFT's {@code %50%}.
 */
public record WeightedOption(String id, LocalizedText text, double weight, LocalizedText feedback) {

    public WeightedOption {
        Arguments.required("id", id);
        Arguments.required("text", text);
        if (!(weight >= -1.0 && weight <= 1.0)) {
            throw ValidationException.of("weight", "option " + id + ": weight must be within [-1, 1], got " + weight);
        }
        feedback = feedback == null ? LocalizedText.empty() : feedback;
    }

    public boolean correct() {
        return weight > 0;
    }
}
