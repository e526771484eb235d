package org.kydp.quiz.model;

import java.time.Instant;
import java.util.Locale;

import org.kydp.quiz.internal.Arguments;

/**
 * A player of a live session. The token is never kept, only its hash.
 *
 * @param ordinal   the player's number in the session: 0 for the first to join, and so on
 * @param playerId  the registered player this is, when they joined with their own token; {@code null} otherwise
 * @param removedAt when they left or the host removed them; {@code null} while they take part
 */
public record LivePlayer(String sessionId, int ordinal, String id, String name, String tokenHash, String playerId,
                         Instant joinedAt, Instant removedAt) {

    public LivePlayer {
        Arguments.required("sessionId", sessionId);
        Arguments.required("id", id);
        Arguments.required("name", name);
        Arguments.required("tokenHash", tokenHash);
        Arguments.required("joinedAt", joinedAt);
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal must not be negative: " + ordinal);
        }
    }

    /** What makes two names the same in one session: case does not count ("Asha" and "asha" are one name). */
    public static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    public String nameKey() {
        return nameKey(name);
    }

    public boolean isRemoved() {
        return removedAt != null;
    }

    public LivePlayer withOrdinal(int newOrdinal) {
        return new LivePlayer(sessionId, newOrdinal, id, name, tokenHash, playerId, joinedAt, removedAt);
    }

    public LivePlayer removed(Instant at) {
        return new LivePlayer(sessionId, ordinal, id, name, tokenHash, playerId, joinedAt, at);
    }
}
