package org.kydp.quiz.error;

/** Joining a live session that has started and does not let players join late. */
public final class LiveSessionStartedException extends QuizException {

    private static final long serialVersionUID = 1L;

    public LiveSessionStartedException(String message) {
        super(ErrorCode.LIVE_SESSION_STARTED, message);
    }
}
