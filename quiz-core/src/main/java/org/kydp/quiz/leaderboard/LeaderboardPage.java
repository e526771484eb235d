package org.kydp.quiz.leaderboard;

import java.util.List;

/** A slice of a quiz's leaderboard and how many players it ranks in all. */
public record LeaderboardPage(String quizId, int total, List<LeaderboardEntry> entries) {

    public LeaderboardPage {
        entries = List.copyOf(entries);
    }
}
