package org.kydp.quiz.error;

/** An answer that arrived after the deadline and its grace period. */
public final class DeadlinePassedException extends QuizException {

    private static final long serialVersionUID = 1L;

    public DeadlinePassedException(String message) {
        super(ErrorCode.DEADLINE_PASSED, message);
    }
}
