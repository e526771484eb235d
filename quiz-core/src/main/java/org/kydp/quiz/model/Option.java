package org.kydp.quiz.model;


import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.internal.Arguments;

/**
 * One choice of a single-choice question: whether it is the right one, what a wrong choice still earns
 * ({@code credit}, as GIFT's {@code ~%50%}), and what to tell a player who picks it.
 */
public record Option(String id, LocalizedText text, boolean correct, LocalizedText feedback, double credit) {

    public Option {
        Arguments.required("id", id);
        Arguments.required("text", text);
        feedback = feedback == null ? LocalizedText.empty() : feedback;
        if (correct) {
            credit = 1.0;
        }
        if (!(credit >= 0 && credit <= 1)) {
            throw ValidationException.of("credit", "option " + id + ": credit must be within [0, 1], got " + credit);
        }
    }

    public Option(String id, LocalizedText text, boolean correct, LocalizedText feedback) {
        this(id, text, correct, feedback, correct ? 1.0 : 0.0);
    }

    public static Option right(String id, LocalizedText text) {
        return new Option(id, text, true, LocalizedText.empty());
    }

    public static Option wrong(String id, LocalizedText text) {
        return new Option(id, text, false, LocalizedText.empty());
    }
}
