package org.kydp.quiz.error;

import java.util.Objects;

/** One problem with one input field, located by a path such as {@code questions[3].options[1].text.hi}. */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
