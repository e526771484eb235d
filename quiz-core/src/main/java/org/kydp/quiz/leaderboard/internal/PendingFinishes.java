package org.kydp.quiz.leaderboard.internal;

/**
 * Finished attempts recorded on a {@link Board} but not yet applied to its index, in the order they were recorded:
 * at most a fixed number, held in parallel arrays so that holding one allocates nothing.
 *
 * <p>Not thread-safe: {@link Board} guards it with its write lock.
 */
final class PendingFinishes {

    private final String[] playerIds;
    private final String[] names;
    private final int[] scores;
    private final long[] durations;
    private final long[] finishes;
    private int size;

    PendingFinishes(int capacity) {
        playerIds = new String[capacity];
        names = new String[capacity];
        scores = new int[capacity];
        durations = new long[capacity];
        finishes = new long[capacity];
    }

    void add(String playerId, String name, int score, long durationMs, long finishedAtMs) {
        playerIds[size] = playerId;
        names[size] = name;
        scores[size] = score;
        durations[size] = durationMs;
        finishes[size] = finishedAtMs;
        size++;
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size == playerIds.length;
    }

    boolean isEmpty() {
        return size == 0;
    }

    String playerId(int i) {
        return playerIds[i];
    }

    String name(int i) {
        return names[i];
    }

    int score(int i) {
        return scores[i];
    }

    long duration(int i) {
        return durations[i];
    }

    long finish(int i) {
        return finishes[i];
    }

    /** Forgets every pending finish, dropping the references to their strings. */
    void clear() {
        java.util.Arrays.fill(playerIds, 0, size, null);
        java.util.Arrays.fill(names, 0, size, null);
        size = 0;
    }
}
