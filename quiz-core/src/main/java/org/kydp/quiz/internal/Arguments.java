package org.kydp.quiz.internal;

import org.kydp.quiz.error.ValidationException;

/** Checks of the arguments an embedder passes to the engine's public methods, refused as a validation error. */
public final class Arguments {

    private Arguments() {
    }

    /**
     * The value, if it is there.
     *
     * @throws ValidationException naming {@code name} if {@code value} is null
     */
    public static <T> T required(String name, T value) {
        if (value == null) {
            throw ValidationException.of(name, "is required");
        }
        return value;
    }
}
