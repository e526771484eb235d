package org.kydp.quiz.error;

/** A move of a live session that its phase does not allow, such as advancing while a question is open. */
public final class InvalidPhaseException extends QuizException {

    private static final long serialVersionUID = 1L;

    public InvalidPhaseException(String message) {
        super(ErrorCode.INVALID_PHASE, message);
    }
}
