package org.kydp.quiz.leaderboard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.store.AttemptStore;
import org.kydp.quiz.store.PlayerStore;

/**
 * A quiz's leaderboard, computed on each read from the finished attempts in a window: each player's
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
    private final Clock clock;
    private final ZoneId zone;

    public SortingLeaderboard(AttemptStore attempts, PlayerStore players, Clock clock, ZoneId zone) {
        this.attempts = attempts;
        this.players = players;
        this.clock = clock;
        this.zone = zone;
    }

    public LeaderboardPage page(String quizId, Window window, int limit, int offset) {
        List<LeaderboardEntry> ranked = ranked(quizId, window);
        int from = Math.min(offset, ranked.size());
        int to = (int) Math.min((long) from + limit, ranked.size());
        return new LeaderboardPage(quizId, ranked.size(), ranked.subList(from, to));
    }

    /** The player's rank, or 0 if they have no finished attempt at the quiz in the window. */
    public int rankOf(String quizId, Window window, String playerId) {
        return ranked(quizId, window).stream()
                .filter(entry -> entry.playerId().equals(playerId))
                .mapToInt(LeaderboardEntry::rank)
                .findFirst()
                .orElse(0);
    }

    /** The player's entry with up to {@code around} neighbours above and below; empty if not ranked. */
    public Optional<AroundMe> around(String quizId, Window window, String playerId, int around) {
        List<LeaderboardEntry> ranked = ranked(quizId, window);
        for (int i = 0; i < ranked.size(); i++) {
            LeaderboardEntry entry = ranked.get(i);
            if (entry.playerId().equals(playerId)) {
                int total = ranked.size();
                int levelOrBehind = total - entry.rank() + 1;
                double percentile = Math.round(1000.0 * levelOrBehind / total) / 10.0;
                List<LeaderboardEntry> neighbours = ranked.subList(Math.max(0, i - around),
                        Math.min(total, i + around + 1));
                return Optional.of(new AroundMe(quizId, entry.rank(), total, percentile, neighbours));
            }
        }
        return Optional.empty();
    }

    private List<LeaderboardEntry> ranked(String quizId, Window window) {
        Instant since = window.start(clock.instant(), zone);
        Map<String, Attempt> bestByPlayer = new HashMap<>();
        for (Attempt attempt : attempts.finished(quizId)) {
            if (attempt.finishedAt().isBefore(since)) {
                continue;
            }
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
