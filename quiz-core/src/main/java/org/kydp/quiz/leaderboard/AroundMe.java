package org.kydp.quiz.leaderboard;

import java.util.List;

/**
 * A player's place on a leaderboard and their neighbours.
 *
 * @param percentile the share of ranked players this player is level with or ahead of, 0 to 100
 */
public record AroundMe(String quizId, int rank, int total, double percentile, List<LeaderboardEntry> entries) {

    public AroundMe {
        entries = List.copyOf(entries);
    }
}
