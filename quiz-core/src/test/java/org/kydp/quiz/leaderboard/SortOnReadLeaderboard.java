package org.kydp.quiz.leaderboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kydp.quiz.model.AttemptGrading;

/**
 * The naive leaderboard the index replaced, kept as the oracle of the property tests and the baseline of the
 * benchmarks: it keeps every finish and on each read grades every player's finishes and sorts them all.
 */
public final class SortOnReadLeaderboard {

    /** One finished attempt. */
    public record Finish(String playerId, String name, int score, long durationMs, long finishedAtMs) {
    }

    /** Best first: score descending, duration ascending, earlier finish, then player id. */
    static final Comparator<Finish> ORDER = Comparator.comparingInt(Finish::score).reversed()
            .thenComparingLong(Finish::durationMs)
            .thenComparingLong(Finish::finishedAtMs)
            .thenComparing(Finish::playerId);

    private final AttemptGrading grading;
    private final Map<String, List<Finish>> finishesByPlayer = new HashMap<>();

    public SortOnReadLeaderboard(AttemptGrading grading) {
        this.grading = grading;
    }

    public void record(Finish finish) {
        finishesByPlayer.computeIfAbsent(finish.playerId(), id -> new ArrayList<>(1)).add(finish);
    }

    public LeaderboardPage page(String quizId, int limit, int offset) {
        return page(ranked(), quizId, limit, offset);
    }

    public int rankOf(String playerId) {
        return rankOf(ranked(), playerId);
    }

    public Optional<AroundMe> around(String quizId, String playerId, int around) {
        return around(ranked(), quizId, playerId, around);
    }

    /** A page of an already ranked list. */
    public static LeaderboardPage page(List<LeaderboardEntry> ranked, String quizId, int limit, int offset) {
        int from = Math.min(offset, ranked.size());
        int to = (int) Math.min((long) from + limit, ranked.size());
        return new LeaderboardPage(quizId, ranked.size(), ranked.subList(from, to));
    }

    /** A player's rank in an already ranked list; 0 if absent. */
    public static int rankOf(List<LeaderboardEntry> ranked, String playerId) {
        return ranked.stream().filter(entry -> entry.playerId().equals(playerId))
                .mapToInt(LeaderboardEntry::rank).findFirst().orElse(0);
    }

    /** A player's place and neighbours in an already ranked list. */
    public static Optional<AroundMe> around(List<LeaderboardEntry> ranked, String quizId, String playerId,
                                            int around) {
        for (int i = 0; i < ranked.size(); i++) {
            LeaderboardEntry entry = ranked.get(i);
            if (entry.playerId().equals(playerId)) {
                int total = ranked.size();
                double percentile = Math.round(1000.0 * (total - entry.rank() + 1) / total) / 10.0;
                return Optional.of(new AroundMe(quizId, entry.rank(), total, percentile,
                        ranked.subList(Math.max(0, i - around), Math.min(total, i + around + 1))));
            }
        }
        return Optional.empty();
    }

    /** Every ranked player, best first, with ranks. */
    public List<LeaderboardEntry> ranked() {
        List<Finish> graded = new ArrayList<>(finishesByPlayer.size());
        for (List<Finish> finishes : finishesByPlayer.values()) {
            graded.add(grade(finishes));
        }
        return rank(graded);
    }

    /** Sorts graded finishes (one per player) and ranks them. */
    public static List<LeaderboardEntry> rank(java.util.Collection<Finish> gradedFinishes) {
        List<Finish> graded = new ArrayList<>(gradedFinishes);
        graded.sort(ORDER);
        List<LeaderboardEntry> entries = new ArrayList<>(graded.size());
        for (int i = 0; i < graded.size(); i++) {
            Finish finish = graded.get(i);
            boolean tiesWithPrevious = i > 0 && finish.score() == graded.get(i - 1).score()
                    && finish.durationMs() == graded.get(i - 1).durationMs();
            int rank = tiesWithPrevious ? entries.get(i - 1).rank() : i + 1;
            entries.add(new LeaderboardEntry(rank, finish.playerId(), finish.name(), finish.score(),
                    Duration.ofMillis(finish.durationMs()), Instant.ofEpochMilli(finish.finishedAtMs())));
        }
        return entries;
    }

    private Finish grade(List<Finish> finishes) {
        Comparator<Finish> byFinish = Comparator.comparingLong(Finish::finishedAtMs);
        return switch (grading) {
            case HIGHEST -> finishes.stream().min(ORDER).orElseThrow();
            case FIRST -> finishes.stream().min(byFinish.thenComparing(ORDER)).orElseThrow();
            case LAST -> finishes.stream().max(byFinish.thenComparing(ORDER.reversed())).orElseThrow();
            case AVERAGE -> average(finishes);
        };
    }

    private static Finish average(List<Finish> finishes) {
        long scores = 0;
        long durations = 0;
        long latest = Long.MIN_VALUE;
        for (Finish finish : finishes) {
            scores += finish.score();
            durations += finish.durationMs();
            latest = Math.max(latest, finish.finishedAtMs());
        }
        Finish first = finishes.get(0);
        return new Finish(first.playerId(), first.name(), (int) halfUp(scores, finishes.size()),
                halfUp(durations, finishes.size()), latest);
    }

    /** The mean rounded to the nearest whole number, halves up, computed in decimals. */
    private static long halfUp(long sum, int count) {
        return new java.math.BigDecimal(sum).divide(java.math.BigDecimal.valueOf(count), 0,
                java.math.RoundingMode.HALF_UP).longValueExact() + (sum < 0 && isHalf(sum, count) ? 1 : 0);
    }

    private static boolean isHalf(long sum, int count) {
        return Math.abs(sum % count) * 2 == count;
    }
}
