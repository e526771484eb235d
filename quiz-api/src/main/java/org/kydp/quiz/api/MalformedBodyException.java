package org.kydp.quiz.api;

/** A request body that is not the JSON it should be. Answered with 400 {@code malformed-json}. */
final class MalformedBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedBodyException(String message) {
        super(message);
    }
}
