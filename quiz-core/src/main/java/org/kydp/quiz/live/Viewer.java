package org.kydp.quiz.live;

/** Who looks at a live session: its host, or one of its players. */
public sealed interface Viewer {

    String sessionId();

    record Host(String sessionId) implements Viewer {
    }

    /** A player of the session, by their id in it. */
    record Participant(String sessionId, String playerId, String name) implements Viewer {
    }
}
