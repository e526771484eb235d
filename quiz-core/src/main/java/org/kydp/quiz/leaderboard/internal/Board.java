package org.kydp.quiz.leaderboard.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.kydp.quiz.leaderboard.AroundMe;
import org.kydp.quiz.leaderboard.LeaderboardEntry;
import org.kydp.quiz.leaderboard.LeaderboardPage;
import org.kydp.quiz.model.AttemptGrading;

/**
 * One leaderboard index: the players of one quiz in one window (all time, one day or one week), each once, under
 * the grade the quiz's rule gives their attempts.
 *
 * <p>A {@link RankTree} keeps the ranked keys in order and {@link PlayerSlots} finds a player's key, so recording
 * a finished attempt is one hash lookup plus at most one remove and one insert in the tree, O(log n); a rank is
 * one descent of the tree, O(log n); a page or a player's neighbours are one descent plus a walk along the leaves,
 * O(log n + k). Nothing is sorted or scanned per request.
 *
 * <p>Ranks are not stored. The rank of a key is 1 + the number of keys strictly better by score and duration: one
 * {@link RankTree#countBefore} with the lowest possible finish and player. Walking a page, a key that ties the one
 * before it on score and duration shares its rank and any other key's rank is its position + 1, so a page needs a
 * second descent only when it starts inside a tie.
 *
 * <p>Recording is batched: {@link #record} adds the finish to a few pending ones (up to {@value #BATCH}), and they
 * are applied together when that many are pending or when a read comes, whichever is first. Applying them
 * together lets the processor fetch the cache lines they need in parallel (see {@link #applyPending}): at a million
 * players an update is mostly waiting for memory.
 *
 * <p>Concurrency: one {@link ReentrantReadWriteLock} per board. A writer holds the write lock while it adds a
 * finish to the pending ones and while it applies them; readers hold the read lock while they descend and walk,
 * and a reader that finds finishes pending first applies them under the write lock, then downgrades it to the read
 * lock. So every read sees every finish whose {@code record} returned before the read began, and sees the board
 * between updates, never in the middle of one: no player twice, none missing, ranks in order. Readers do not block
 * each other; a write blocks them for the time of one batch (a few microseconds at most, see the benchmarks in
 * README.md).
 */
public final class Board {

    /** How many finishes are held before they are applied together. */
    static final int BATCH = 16;

    private final AttemptGrading grading;
    private final PendingFinishes pending = new PendingFinishes(BATCH);
    // applyPending's reads: the players' refs, then the leaves of their old keys and of their new ones
    private final int[] refs = new int[BATCH];
    private final int[] leaves = new int[2 * BATCH];
    private long touched; // what applyPending read, kept so that the reads are not optimised away
    private final PlayerSlots players;
    private final RankTree tree;
    private final Lock readLock;
    private final Lock writeLock;

    public Board(AttemptGrading grading) {
        this.grading = grading;
        this.players = new PlayerSlots(grading == AttemptGrading.AVERAGE);
        this.tree = new RankTree(players::compareIds);
        ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        this.readLock = lock.readLock();
        this.writeLock = lock.writeLock();
    }

    public AttemptGrading grading() {
        return grading;
    }

    /**
     * Counts one finished attempt of a player: their key becomes the grade of all their attempts counted so far.
     * The finish is held with the others pending and applied with them when {@value #BATCH} are pending or before
     * the next read, whichever comes first.
     *
     * @param name the player's name, kept if this is their first attempt on this board
     */
    public void record(String playerId, String name, int score, long durationMs, long finishedAtMs) {
        writeLock.lock();
        try {
            pending.add(playerId, name, score, durationMs, finishedAtMs);
            if (pending.isFull()) {
                applyPending();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Applies the pending finishes, in the order they were recorded; the caller holds the write lock. First it only
     * reads, in loops whose loads do not depend on each other: the players' hash-table entries, then the ids they
     * point to, then the leaves their old keys are in ({@link RankTree#leafOf}) and those their new keys go into.
     * The processor fetches those cache lines in parallel, where applying the finishes one by one would wait for
     * each miss in turn (about 200 ns each at a million players). Then it applies them, mostly from cache. The reads
     * change nothing, so a stale guess (a leaf that an earlier finish of the batch splits, say) costs time, never
     * correctness.
     */
    private void applyPending() {
        int n = pending.size();
        long touched = 0;
        for (int i = 0; i < n; i++) {
            touched += players.touch(pending.playerId(i));
        }
        for (int i = 0; i < n; i++) {
            refs[i] = players.find(pending.playerId(i));
        }
        for (int i = 0; i < n; i++) {
            leaves[i] = refs[i] < 0 ? -1 : tree.leafOf(players.slot(refs[i]));
        }
        for (int i = 0; i < n; i++) {
            leaves[n + i] = tree.leafFor(pending.score(i), pending.duration(i), pending.finish(i), -1);
        }
        for (int i = 0; i < 2 * n; i++) {
            if (leaves[i] >= 0) {
                touched += tree.touchLeaf(leaves[i]);
            }
        }
        this.touched = touched;
        boolean added = false; // a new player may move every table entry: refs found before then are stale
        for (int i = 0; i < n; i++) {
            int ref = added || refs[i] < 0 ? players.find(pending.playerId(i)) : refs[i];
            added |= apply(ref, pending.playerId(i), pending.name(i), pending.score(i), pending.duration(i),
                    pending.finish(i));
        }
        pending.clear();
    }

    /** Applies one finish to the player's table entry {@code ref} (-1 if new); true if it added the player. */
    private boolean apply(int ref, String playerId, String name, int score, long durationMs, long finishedAtMs) {
        if (ref < 0) {
            ref = players.add(playerId, name, score, durationMs, finishedAtMs);
            int slot = players.slot(ref);
            if (grading == AttemptGrading.AVERAGE) {
                players.addToSums(slot, score, durationMs);
            }
            tree.insert(score, durationMs, finishedAtMs, slot);
            return true;
        }
        regrade(ref, score, durationMs, finishedAtMs);
        return false;
    }

    /**
     * Takes the read lock, after applying the pending finishes if there are any: under the write lock, which is
     * then downgraded to the read lock so that no writer comes in between.
     */
    private void lockForReading() {
        readLock.lock();
        if (pending.isEmpty()) {
            return;
        }
        readLock.unlock();
        writeLock.lock();
        try {
            if (!pending.isEmpty()) {
                applyPending();
            }
            readLock.lock();
        } finally {
            writeLock.unlock();
        }
    }

    private void regrade(int ref, int score, long durationMs, long finishedAtMs) {
        int slot = players.slot(ref);
        int oldScore = players.score(ref);
        long oldDuration = players.duration(ref);
        long oldFinish = players.finish(ref);
        int newScore = score;
        long newDuration = durationMs;
        long newFinish = finishedAtMs;
        boolean replace = switch (grading) {
            case HIGHEST -> better(score, durationMs, finishedAtMs, oldScore, oldDuration, oldFinish);
            case FIRST -> finishedAtMs < oldFinish
                    || finishedAtMs == oldFinish && better(score, durationMs, finishedAtMs, oldScore, oldDuration,
                    oldFinish);
            case LAST -> finishedAtMs > oldFinish
                    || finishedAtMs == oldFinish && better(score, durationMs, finishedAtMs, oldScore, oldDuration,
                    oldFinish);
            case AVERAGE -> {
                long attempts = players.addToSums(slot, score, durationMs);
                newScore = (int) roundedMean(players.scoreSum(slot), attempts);
                newDuration = roundedMean(players.durationSum(slot), attempts);
                newFinish = Math.max(oldFinish, finishedAtMs);
                yield newScore != oldScore || newDuration != oldDuration || newFinish != oldFinish;
            }
        };
        if (replace) {
            tree.remove(oldScore, oldDuration, oldFinish, slot);
            players.setKey(ref, newScore, newDuration, newFinish);
            tree.insert(newScore, newDuration, newFinish, slot);
        }
    }

    /** The mean rounded to the nearest whole number, halves up. */
    static long roundedMean(long sum, long count) {
        return Math.floorDiv(2 * sum + count, 2 * count);
    }

    private static boolean better(int score, long duration, long finish, int thanScore, long thanDuration,
                                  long thanFinish) {
        if (score != thanScore) {
            return score > thanScore;
        }
        if (duration != thanDuration) {
            return duration < thanDuration;
        }
        return finish < thanFinish;
    }

    /** How many players the board ranks. */
    public int size() {
        lockForReading();
        try {
            return tree.size();
        } finally {
            readLock.unlock();
        }
    }

    /** Up to {@code limit} entries from position {@code offset} (0 is the top), and the total. */
    public LeaderboardPage page(String quizId, int limit, int offset) {
        lockForReading();
        try {
            int total = tree.size();
            int count = (int) Math.max(0, Math.min((long) limit, (long) total - offset));
            return new LeaderboardPage(quizId, total, entries(offset, count));
        } finally {
            readLock.unlock();
        }
    }

    /** The player's rank, or 0 if they are not on this board. */
    public int rankOf(String playerId) {
        lockForReading();
        try {
            int ref = players.find(playerId);
            return ref < 0 ? 0 : rankOfKey(players.score(ref), players.duration(ref));
        } finally {
            readLock.unlock();
        }
    }

    /** The player's rank, the total, the percentile and up to {@code around} entries either side of theirs. */
    public Optional<AroundMe> around(String quizId, String playerId, int around) {
        lockForReading();
        try {
            int ref = players.find(playerId);
            if (ref < 0) {
                return Optional.empty();
            }
            int position = tree.countBefore(players.score(ref), players.duration(ref), players.finish(ref),
                    players.slot(ref));
            int total = tree.size();
            int from = Math.max(0, position - around);
            int to = (int) Math.min(total, (long) position + around + 1);
            List<LeaderboardEntry> entries = entries(from, to - from);
            int rank = entries.get(position - from).rank();
            double percentile = Math.round(1000.0 * (total - rank + 1) / total) / 10.0;
            return Optional.of(new AroundMe(quizId, rank, total, percentile, entries));
        } finally {
            readLock.unlock();
        }
    }

    private int rankOfKey(int score, long duration) {
        return tree.countBefore(score, duration, Long.MIN_VALUE, -1) + 1;
    }

    /**
     * {@code count} entries from position {@code from}, with their ranks; the caller holds the read lock. An entry's
     * rank is its position + 1 unless it ties the entry before it; only a slice that starts inside a tie needs a
     * second descent, to find where the tie starts.
     */
    private List<LeaderboardEntry> entries(int from, int count) {
        List<LeaderboardEntry> entries = new ArrayList<>(count);
        if (count == 0) {
            return entries;
        }
        RankTree.Cursor cursor = tree.cursorAt(from == 0 ? 0 : from - 1);
        int previousScore = 0;
        long previousDuration = 0;
        boolean hasPrevious = false;
        if (from > 0) {
            previousScore = cursor.score();
            previousDuration = cursor.duration();
            hasPrevious = true;
            cursor.advance();
        }
        int rank = 0;
        for (int i = 0; i < count; i++) {
            int score = cursor.score();
            long duration = cursor.duration();
            boolean tie = hasPrevious && score == previousScore && duration == previousDuration;
            if (!tie) {
                rank = from + i + 1;
            } else if (i == 0) {
                rank = rankOfKey(score, duration);
            }
            int slot = cursor.slot();
            entries.add(new LeaderboardEntry(rank, players.id(slot), players.name(slot), score,
                    Duration.ofMillis(duration), Instant.ofEpochMilli(cursor.finish())));
            previousScore = score;
            previousDuration = duration;
            hasPrevious = true;
            cursor.advance();
        }
        return entries;
    }
}
