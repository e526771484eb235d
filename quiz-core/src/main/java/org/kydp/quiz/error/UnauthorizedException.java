package org.kydp.quiz.error;

/** A missing or unknown credential. */
public final class UnauthorizedException extends QuizException {

    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        super(ErrorCode.UNAUTHORIZED, message);
    }
}
