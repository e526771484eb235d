package org.kydp.quiz.error;

/** A new attempt beyond the number the quiz allows. */
public final class AttemptsExhaustedException extends QuizException {

    private static final long serialVersionUID = 1L;

    public AttemptsExhaustedException(String message) {
        super(ErrorCode.ATTEMPTS_EXHAUSTED, message);
    }
}
