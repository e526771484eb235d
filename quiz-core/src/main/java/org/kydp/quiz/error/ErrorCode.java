package org.kydp.quiz.error;

/** Stable codes for every way the engine refuses a request. Adapters map each to their own terms once. */
public enum ErrorCode {
    VALIDATION,
    NOT_FOUND,
    UNAUTHORIZED,
    ALREADY_ANSWERED,
    NOT_SERVED,
    DEADLINE_PASSED,
    ATTEMPT_FINISHED,
    ATTEMPTS_EXHAUSTED,
    CONFLICT,
    LIVE_SESSION_NOT_FOUND,
    INVALID_PHASE,
    QUESTION_CLOSED,
    NAME_TAKEN,
    LIVE_SESSION_STARTED,
    LIVE_SESSION_LIMIT,
    /** The store failed: its database cannot be opened, is in use, cannot be reached or did not answer in time. */
    STORAGE
}
