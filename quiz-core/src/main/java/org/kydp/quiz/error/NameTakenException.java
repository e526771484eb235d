package org.kydp.quiz.error;

/** A name already taken by another player of the live session (case aside). */
public final class NameTakenException extends QuizException {

    private static final long serialVersionUID = 1L;

    public NameTakenException(String message) {
        super(ErrorCode.NAME_TAKEN, message);
    }
}
