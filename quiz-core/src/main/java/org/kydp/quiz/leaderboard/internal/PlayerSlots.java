package org.kydp.quiz.leaderboard.internal;

import java.util.Arrays;

/**
 * The players of one board. Each has a slot, a small int that never changes, under which their id and name (and,
 * for the average rule, their running sums) are kept; the tree refers to players by slot.
 *
 * <p>Players are found by an open-addressing hash table in one {@code long[]}, four longs per player: the id's hash
 * and the slot, then the score, duration and finish of the key the player is ranked under. So finding a player
 * also reads their key, from the same cache line: one memory access where a table of slots and a separate array of
 * keys would take two in a row. Lookups return the index of the player's table entry (a "ref"); it stays valid
 * until the next {@link #add}.
 *
 * <p>Not thread-safe: {@link Board} guards it.
 */
final class PlayerSlots {

    private static final int INITIAL_SLOTS = 16;
    private static final int E = 4; // longs per table entry: hash and slot + 1 (0 marks a free entry), score, duration, finish
    private static final int S = 3; // longs per slot of sums: attempts counted, score sum, duration sum

    private final boolean keepsSums;
    private String[] ids = new String[INITIAL_SLOTS];
    private String[] names = new String[INITIAL_SLOTS];
    private long[] sums;
    private long[] table = new long[INITIAL_SLOTS * 2 * E];
    private int mask = INITIAL_SLOTS * 2 - 1;
    private int count;

    PlayerSlots(boolean keepsSums) {
        this.keepsSums = keepsSums;
        this.sums = keepsSums ? new long[INITIAL_SLOTS * S] : null;
    }

    /** The player's ref, or -1 if they have no slot. */
    int find(String playerId) {
        int hash = playerId.hashCode();
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            long head = table[i * E];
            if (head == 0) {
                return -1;
            }
            if ((int) (head >>> 32) == hash && ids[(int) head - 1].equals(playerId)) {
                return i;
            }
        }
    }

    /**
     * Reads the table entry where the search for the player starts and returns a value that means nothing: it only
     * brings the entry into cache, for a {@link #find} soon after. Both its words, as an entry may straddle two
     * cache lines.
     */
    long touch(String playerId) {
        int at = (spread(playerId.hashCode()) & mask) * E;
        return table[at] + table[at + E - 1];
    }

    /** Gives a player who has no slot yet the next one, with this key; returns their ref. */
    int add(String playerId, String name, int score, long duration, long finish) {
        if (count == ids.length) {
            int capacity = count + (count >> 1);
            ids = Arrays.copyOf(ids, capacity);
            names = Arrays.copyOf(names, capacity);
            if (keepsSums) {
                sums = Arrays.copyOf(sums, capacity * S);
            }
        }
        int slot = count++;
        ids[slot] = playerId;
        names[slot] = name;
        if (count * 2 > mask + 1) {
            rehash((mask + 1) * 2);
        }
        int ref = place(table, mask, playerId.hashCode(), slot);
        setKey(ref, score, duration, finish);
        return ref;
    }

    int slot(int ref) {
        return (int) table[ref * E] - 1;
    }

    int score(int ref) {
        return (int) table[ref * E + 1];
    }

    long duration(int ref) {
        return table[ref * E + 2];
    }

    long finish(int ref) {
        return table[ref * E + 3];
    }

    void setKey(int ref, int score, long duration, long finish) {
        table[ref * E + 1] = score;
        table[ref * E + 2] = duration;
        table[ref * E + 3] = finish;
    }

    String id(int slot) {
        return ids[slot];
    }

    String name(int slot) {
        return names[slot];
    }

    /** Adds an attempt to the slot's running sums and returns how many attempts they hold now. */
    long addToSums(int slot, int score, long duration) {
        sums[slot * S + 1] += score;
        sums[slot * S + 2] += duration;
        return ++sums[slot * S];
    }

    long scoreSum(int slot) {
        return sums[slot * S + 1];
    }

    long durationSum(int slot) {
        return sums[slot * S + 2];
    }

    /** Orders two slots by player id. */
    int compareIds(int a, int b) {
        return ids[a].compareTo(ids[b]);
    }

    private void rehash(int capacity) {
        long[] bigger = new long[capacity * E];
        int biggerMask = capacity - 1;
        for (int i = 0; i <= mask; i++) {
            long head = table[i * E];
            if (head != 0) {
                int at = place(bigger, biggerMask, (int) (head >>> 32), (int) head - 1);
                System.arraycopy(table, i * E + 1, bigger, at * E + 1, E - 1);
            }
        }
        table = bigger;
        mask = biggerMask;
    }

    private static int place(long[] table, int mask, int hash, int slot) {
        int i = spread(hash) & mask;
        while (table[i * E] != 0) {
            i = (i + 1) & mask;
        }
        table[i * E] = ((long) hash << 32) | ((slot + 1) & 0xFFFF_FFFFL);
        return i;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
