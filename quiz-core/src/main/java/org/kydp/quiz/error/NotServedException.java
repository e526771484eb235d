package org.kydp.quiz.error;

/** An answer to a question the attempt has not served yet. */
public final class NotServedException extends QuizException {

    private static final long serialVersionUID = 1L;

    public NotServedException(String message) {
        super(ErrorCode.NOT_SERVED, message);
    }
}
