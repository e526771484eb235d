package org.kydp.quiz.leaderboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.store.AttemptStore;
import org.kydp.quiz.store.PlayerStore;

/**
 * The all-time leaderboard of a quiz, computed on each read from the finished attempts: each player's
 * best attempt, ordered by score descending, then duration ascending, then earlier finish. Equal score
 * and duration share a rank and the next rank skips (1, 2, 2, 4).
 */
public final class SortingLeaderboard {

    /** Best first. */
    static final Comparator<Attempt> ORDER = Comparator.comparingInt(Attempt::score).reversed()
            .thenComparing(Attempt::duration)
            .thenComparing(Attempt::finishedAt);

    private final AttemptStore attempts;
    private final PlayerStore players;

    public SortingLeaderboard(AttemptStore attempts, PlayerStore players) {
        this.attempts = attempts;
        this.players = players;
    }

    public LeaderboardPage page(String quizId, int limit, int offset) {
        List<LeaderboardEntry> ranked = ranked(quizId);
        int from = Math.min(offset, ranked.size());
        int to = Math.min(from + limit, ranked.size());
        return new LeaderboardPage(quizId, ranked.size(), ranked.subList(from, to));
    }

    /** The player's rank, or 0 if they have no finished attempt at the quiz. */
    public int rankOf(String quizId, String playerId) {
        return ranked(quizId).stream()
                .filter(entry -> entry.playerId().equals(playerId))
                .mapToInt(LeaderboardEntry::rank)
                .findFirst()
                .orElse(0);
    }

    private List<LeaderboardEntry> ranked(String quizId) {
        Map<String, Attempt> bestByPlayer = new HashMap<>();
        for (Attempt attempt : attempts.finished(quizId)) {
            bestByPlayer.merge(attempt.playerId(), attempt, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
        }
        List<Attempt> best = new ArrayList<>(bestByPlayer.values());
        best.sort(ORDER);
        List<LeaderboardEntry> entries = new ArrayList<>(best.size());
        for (int i = 0; i < best.size(); i++) {
            Attempt attempt = best.get(i);
            boolean tiesWithPrevious = i > 0 && attempt.score() == best.get(i - 1).score()
                    && attempt.duration().equals(best.get(i - 1).duration());
            int rank = tiesWithPrevious ? entries.get(i - 1).rank() : i + 1;
            String name = players.find(attempt.playerId()).map(Player::name).orElse("?");
            entries.add(new LeaderboardEntry(rank, attempt.playerId(), name, attempt.score(), attempt.duration(),
                    attempt.finishedAt()));
        }
        return entries;
    }
}
