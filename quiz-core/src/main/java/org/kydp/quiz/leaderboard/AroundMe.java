package org.kydp.quiz.leaderboard;

import java.util.List;

/**
 * A player's place on a leaderboard and their neighbours.
 *
 * <p>The percentile is the share of ranked players this player is level with or ahead of, themselves included,
 * in percent to one decimal place:
 * <pre>{@code
 * percentile = round(1000 × (total − rank + 1) / total) / 10
 * }</pre>
 * where {@code rank − 1} players are strictly ahead (a higher score, or the same score in less time), so
 * {@code total − rank + 1} players are level with or behind this one. The top player has 100.0; the third of four
 * players with different results has 50.0, the last of them 25.0; it is never 0, as the player counts themselves.
 *
 * @param rank       the player's rank, 1 for the top; players with the same score and duration share a rank
 * @param total      how many players the leaderboard's window ranks
 * @param percentile see above, from above 0 to 100
 * @param entries    the player's own entry with up to the neighbours asked for above and below it
 */
public record AroundMe(String quizId, int rank, int total, double percentile, List<LeaderboardEntry> entries) {

    public AroundMe {
        entries = List.copyOf(entries);
    }
}
