package org.kydp.quiz.model;

import java.util.Objects;

/** One choice of a choice question, with whether it is correct and what to tell a player who picks it. */
public record Option(String id, LocalizedText text, boolean correct, LocalizedText feedback) {

    public Option {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        feedback = feedback == null ? LocalizedText.empty() : feedback;
    }

    public static Option right(String id, LocalizedText text) {
        return new Option(id, text, true, LocalizedText.empty());
    }

    public static Option wrong(String id, LocalizedText text) {
        return new Option(id, text, false, LocalizedText.empty());
    }
}
