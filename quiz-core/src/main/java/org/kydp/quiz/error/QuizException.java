package org.kydp.quiz.error;

import java.util.List;

/** The root of every error the engine reports. Unchecked; each carries a stable {@link ErrorCode}. */
public class QuizException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient List<FieldError> errors;

    public QuizException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public QuizException(ErrorCode code, String message, List<FieldError> errors) {
        super(message);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** An error caused by another failure, kept as the cause. */
    public QuizException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.errors = List.of();
    }

    public ErrorCode code() {
        return code;
    }

    /** Problems with named fields, when the error is about input; empty otherwise. */
    public List<FieldError> errors() {
        return errors;
    }
}
