package org.kydp.quiz.error;

/** Creating a live session while as many as allowed are not ended. */
public final class LiveSessionLimitException extends QuizException {

    private static final long serialVersionUID = 1L;

    public LiveSessionLimitException(String message) {
        super(ErrorCode.LIVE_SESSION_LIMIT, message);
    }
}
