package org.kydp.quiz.leaderboard;

import java.time.Duration;
import java.time.Instant;

/** One ranked player: their best attempt's score and duration. Equal score and duration share a rank. */
public record LeaderboardEntry(int rank, String playerId, String name, int score, Duration duration,
                               Instant finishedAt) {
}
