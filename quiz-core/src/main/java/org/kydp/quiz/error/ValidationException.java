package org.kydp.quiz.error;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule; lists every problem with its field. */
public final class ValidationException extends QuizException {

    private static final long serialVersionUID = 1L;

    public ValidationException(List<FieldError> errors) {
        super(ErrorCode.VALIDATION, describe(errors), errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation error needs at least one field error");
        }
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    /** The messages of the field errors without their fields, joined with "; ": for a caller that names the place. */
    public String reasons() {
        return errors().stream().map(FieldError::message).collect(Collectors.joining("; "));
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
