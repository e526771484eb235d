package org.kydp.quiz.error;

/** A live session that does not exist, has no such join code, or has ended where only open sessions count. */
public final class LiveSessionNotFoundException extends QuizException {

    private static final long serialVersionUID = 1L;

    public LiveSessionNotFoundException(String message) {
        super(ErrorCode.LIVE_SESSION_NOT_FOUND, message);
    }
}
