package org.kydp.quiz.leaderboard.internal;

import java.util.Arrays;

/**
 * The players of one board, each under a small int (a slot) that never changes: their id and name, the key they
 * are ranked under, and for the average rule their running sums. Finding a player's slot is an open-addressing
 * lookup in a {@code long[]} (the id's hash in the high half, the slot in the low half), so there is no object
 * per player beyond the id and name strings, which the board shares with the player records.
 *
 * <p>Not thread-safe: {@link Board} guards it.
 */
final class PlayerSlots {

    private static final int INITIAL_CAPACITY = 16;
    private static final int W = 3;

    private final boolean keepsSums;
    private String[] ids = new String[INITIAL_CAPACITY];
    private String[] names = new String[INITIAL_CAPACITY];
    /** Per slot: score, duration and finish (epoch milliseconds) of the ranked key. */
    private long[] keys = new long[INITIAL_CAPACITY * W];
    /** Per slot, for the average rule only: attempts counted, score sum, duration sum. */
    private long[] sums;
    private long[] table = new long[INITIAL_CAPACITY * 2];
    private int count;

    PlayerSlots(boolean keepsSums) {
        this.keepsSums = keepsSums;
        this.sums = keepsSums ? new long[INITIAL_CAPACITY * W] : null;
    }

    int count() {
        return count;
    }

    /** The player's slot, or -1. */
    int find(String playerId) {
        int hash = playerId.hashCode();
        int mask = table.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            long entry = table[i];
            if (entry == 0) {
                return -1;
            }
            int slot = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && ids[slot].equals(playerId)) {
                return slot;
            }
        }
    }

    /** Adds a player who has no slot yet. */
    int add(String playerId, String name) {
        if (count == ids.length) {
            int capacity = count + (count >> 1);
            ids = Arrays.copyOf(ids, capacity);
            names = Arrays.copyOf(names, capacity);
            keys = Arrays.copyOf(keys, capacity * W);
            if (keepsSums) {
                sums = Arrays.copyOf(sums, capacity * W);
            }
        }
        int slot = count++;
        ids[slot] = playerId;
        names[slot] = name;
        if (count * 2 > table.length) {
            rehash(table.length * 2);
        }
        place(table, playerId.hashCode(), slot);
        return slot;
    }

    String id(int slot) {
        return ids[slot];
    }

    String name(int slot) {
        return names[slot];
    }

    int score(int slot) {
        return (int) keys[slot * W];
    }

    long duration(int slot) {
        return keys[slot * W + 1];
    }

    long finish(int slot) {
        return keys[slot * W + 2];
    }

    void setKey(int slot, int score, long duration, long finish) {
        keys[slot * W] = score;
        keys[slot * W + 1] = duration;
        keys[slot * W + 2] = finish;
    }

    /** Adds an attempt to the slot's running sums and returns how many attempts they hold now. */
    long addToSums(int slot, int score, long duration) {
        sums[slot * W + 1] += score;
        sums[slot * W + 2] += duration;
        return ++sums[slot * W];
    }

    long scoreSum(int slot) {
        return sums[slot * W + 1];
    }

    long durationSum(int slot) {
        return sums[slot * W + 2];
    }

    /** Orders two slots by player id. */
    int compareIds(int a, int b) {
        return ids[a].compareTo(ids[b]);
    }

    private void rehash(int capacity) {
        long[] bigger = new long[capacity];
        for (int slot = 0; slot < count - 1; slot++) {
            place(bigger, ids[slot].hashCode(), slot);
        }
        table = bigger;
    }

    private static void place(long[] table, int hash, int slot) {
        int mask = table.length - 1;
        int i = spread(hash) & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = ((long) hash << 32) | ((slot + 1) & 0xFFFF_FFFFL);
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
