package org.kydp.quiz.error;

/** A different answer to a question that already has one. */
public final class AlreadyAnsweredException extends QuizException {

    private static final long serialVersionUID = 1L;

    public AlreadyAnsweredException(String message) {
        super(ErrorCode.ALREADY_ANSWERED, message);
    }
}
