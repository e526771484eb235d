package org.kydp.quiz.live;

/**
 * A player in a live session and the token they play it with: a new secret for a player who joined by name, or
 * the registered player's own token for one who joined with it.
 *
 * @param rejoined whether the registered player had joined the session before (same player, same points)
 */
public record JoinedPlayer(String sessionId, String playerId, String name, String token, boolean rejoined) {
}
