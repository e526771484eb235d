package org.kydp.quiz.live;

/** A new live session and its host's token: the secret that controls this one session. Shown once. */
public record CreatedSession(LiveSessionView session, String hostToken) {
}
