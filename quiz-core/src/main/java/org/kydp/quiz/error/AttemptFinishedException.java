package org.kydp.quiz.error;

/** A change to an attempt that is already finished. */
public final class AttemptFinishedException extends QuizException {

    private static final long serialVersionUID = 1L;

    public AttemptFinishedException(String message) {
        super(ErrorCode.ATTEMPT_FINISHED, message);
    }
}
