package org.kydp.quiz.leaderboard.internal;

import java.util.Arrays;

/**
 * An order-statistic tree: a counted B+ tree of unique leaderboard keys, best first.
 *
 * <p>A key is (score, duration, finish, slot), ordered by score descending, then duration ascending, then
 * earlier finish, then the player id of the slot (so that the order is total and does not depend on the order
 * of updates).
 *
 * <p><b>Layout.</b> Every node is one {@code long[]}, found by its int id in {@link #nodes}: a header (the size and,
 * for a leaf, the id of the next leaf), then columns of capacity + 1 longs each (the extra entry holds a key for
 * the moment before a split). A leaf has four columns, the key's fields: the {@link #primary primary}, the
 * duration, the finish and the slot. An inner node has the same four for its separators, then one for its
 * children: each child's id and the number of keys under it, in one long, so that a descent that reads the id has
 * the count in cache when it updates it on the way back. A search reads one node without following any pointer
 * inside it, and scans the primary column alone, 8 bytes a key: at a million players a leaf is usually not in
 * cache, and a scan touches a few adjacent cache lines whose loads do not depend on each other.
 *
 * <p><b>Primary.</b> One long that orders keys by score and duration at once: the score's complement
 * ({@code ~score}, so that higher scores come first, and exact for every int) in the high half and the duration,
 * clamped to 0..2<sup>32</sup> − 1 ms (49 days), in the low half. The mapping is monotone: a better (score,
 * duration) never has a greater primary, so keys with different primaries are ordered by the primaries alone; only
 * keys with equal primaries are compared further, by the exact duration (which differs only where it was clamped),
 * the finish and the player id.
 *
 * <p>Leaves hold up to {@value #LEAF_CAPACITY} keys (1 KiB) and inner nodes up to {@value #INNER_CAPACITY}
 * children, so a million keys take about 45,000 leaves, which are not in cache, under about 250 inner nodes and a
 * root, which mostly are: 3 or 4 levels. (Measured at a million players against leaves of 16, 24, 48 and 64 keys
 * and inner nodes of 64 and 128: see README.md, "Benchmarks".) Insert, remove, {@link #countBefore} (rank) and
 * {@link #cursorAt} (select) are O(log n) and reading k keys from a cursor is O(k). Nodes that fall below a quarter
 * full borrow from or merge with a sibling, so the tree stays balanced and dense under any pattern of updates.
 *
 * <p>Each slot's key points back to its leaf ({@link #leafOf}), kept up to date as keys move between leaves, so
 * that {@link Board} can bring the leaf of a player's old key into cache before it removes that key, without a
 * descent.
 *
 * <p>Not thread-safe: {@link Board} guards it with a read-write lock.
 */
final class RankTree {

    static final int LEAF_CAPACITY = 32;
    static final int INNER_CAPACITY = 256;
    private static final int LEAF_MIN = LEAF_CAPACITY / 4;
    private static final int INNER_MIN = INNER_CAPACITY / 4;
    static final long MAX_PACKED_DURATION = 0xFFFF_FFFFL;

    // The header of a node.
    private static final int SIZE = 0; // keys in a leaf, children in an inner node
    private static final int NEXT = 1; // a leaf: the id of the next leaf, or -1
    private static final int HEADER = 2;
    // Columns, in this order; a column is (capacity + 1) longs.
    private static final int PRIMARY = 0;
    private static final int DURATION = 1;
    private static final int FINISH = 2;
    private static final int SLOT = 3;
    private static final int CHILD = 4; // inner nodes only: the number of keys under the child << 32 | its id
    private static final int KEY_COLUMNS = 4;
    private static final int INNER_COLUMNS = 5;
    private static final int LEAF_STRIDE = LEAF_CAPACITY + 1;
    private static final int INNER_STRIDE = INNER_CAPACITY + 1;
    private static final int LONGS_PER_CACHE_LINE = 8;

    /** Compares the player ids of two slots: the last tie-break. A slot of -1 comes before every slot. */
    interface SlotOrder {
        int compare(int slotA, int slotB);
    }

    private final SlotOrder slotOrder;
    private long[][] nodes = new long[16][];
    private int[] freeIds = new int[16];
    private int freeCount;
    private int usedIds;
    private int[] leafOfSlot = new int[16]; // the id of the leaf that holds each slot's key
    private int root;
    private int height; // 0 while the root is a leaf
    private int size;

    RankTree(SlotOrder slotOrder) {
        this.slotOrder = slotOrder;
        this.root = newNode(true);
    }

    /** The primary of a key: see the class comment. */
    static long primary(int score, long duration) {
        return (long) ~score << 32 | Math.max(0, Math.min(duration, MAX_PACKED_DURATION));
    }

    static int scoreOf(long primary) {
        return ~(int) (primary >> 32);
    }

    int size() {
        return size;
    }

    /** Inserts a key that is not in the tree. */
    void insert(int score, long duration, long finish, int slot) {
        int right = insert(root, height, primary(score, duration), duration, finish, slot);
        if (right >= 0) {
            int left = root;
            root = newNode(false);
            long[] node = nodes[root];
            node[SIZE] = 2;
            setChild(node, 0, left, total(left, height));
            setChild(node, 1, right, total(right, height));
            copyKey(nodes[right], stride(height), 0, node, INNER_STRIDE, 1);
            height++;
        }
        size++;
    }

    /** Removes the key; false if it was not in the tree. */
    boolean remove(int score, long duration, long finish, int slot) {
        if (!remove(root, height, primary(score, duration), duration, finish, slot)) {
            return false;
        }
        size--;
        long[] node = nodes[root];
        if (height > 0 && node[SIZE] == 1) {
            freeNode(root);
            root = childId(node, 0);
            height--;
        }
        return true;
    }

    /**
     * How many keys come before the given one. With {@code slot} -1 and {@code finish} {@link Long#MIN_VALUE}
     * that is the number of keys strictly better by score and duration alone.
     */
    int countBefore(int score, long duration, long finish, int slot) {
        long primary = primary(score, duration);
        int id = root;
        int before = 0;
        for (int level = height; level > 0; level--) {
            long[] node = nodes[id];
            int child = childFor(node, primary, duration, finish, slot);
            for (int i = 0; i < child; i++) {
                before += childCount(node, i);
            }
            id = childId(node, child);
        }
        return before + lowerBound(nodes[id], primary, duration, finish, slot);
    }

    /**
     * The id of the leaf that holds the key, or would hold it if it were inserted, for {@link #touchLeaf}. Valid
     * until the tree changes.
     */
    int leafFor(int score, long duration, long finish, int slot) {
        long primary = primary(score, duration);
        int id = root;
        for (int level = height; level > 0; level--) {
            long[] node = nodes[id];
            id = childId(node, childFor(node, primary, duration, finish, slot));
        }
        return id;
    }

    /** The id of the leaf that holds the key of a slot that is in the tree, for {@link #touchLeaf}. */
    int leafOf(int slot) {
        return leafOfSlot[slot];
    }

    /**
     * Reads one long of every cache line of a leaf and returns their sum, which means nothing: it only brings the
     * leaf into cache. A leaf is a single array, so its loads do not depend on each other or on any other leaf's,
     * and the processor overlaps the misses of all the leaves touched one after the other.
     */
    long touchLeaf(int id) {
        long[] leaf = nodes[id];
        long sum = leaf[leaf.length - 1];
        for (int i = 0; i < leaf.length; i += LONGS_PER_CACHE_LINE) {
            sum += leaf[i];
        }
        return sum;
    }

    /** A cursor on the key at this index (0 is the best); past the end if {@code index >= size()}. */
    Cursor cursorAt(int index) {
        if (index >= size) {
            return new Cursor(null, 0);
        }
        int id = root;
        int rest = index;
        for (int level = height; level > 0; level--) {
            long[] node = nodes[id];
            int child = 0;
            while (rest >= childCount(node, child)) {
                rest -= childCount(node, child);
                child++;
            }
            id = childId(node, child);
        }
        return new Cursor(nodes[id], rest);
    }

    /** Reads keys in order from a position; valid until the tree changes. */
    final class Cursor {
        private long[] leaf;
        private int position;

        private Cursor(long[] leaf, int position) {
            this.leaf = leaf;
            this.position = position;
        }

        boolean hasKey() {
            return leaf != null;
        }

        int score() {
            return scoreOf(leaf[column(PRIMARY, LEAF_STRIDE) + position]);
        }

        long duration() {
            return leaf[column(DURATION, LEAF_STRIDE) + position];
        }

        long finish() {
            return leaf[column(FINISH, LEAF_STRIDE) + position];
        }

        int slot() {
            return (int) leaf[column(SLOT, LEAF_STRIDE) + position];
        }

        void advance() {
            position++;
            if (position == leaf[SIZE]) {
                int next = (int) leaf[NEXT];
                leaf = next < 0 ? null : nodes[next];
                position = 0;
            }
        }
    }

    /** Checks the structure (counts, order, separators, fill, leaf links); throws if it is broken. For tests. */
    void checkInvariants() {
        int[] previous = {-1};
        int counted = check(root, height, null, null, previous);
        if (counted != size || nodes[previous[0]][NEXT] != -1) {
            throw new IllegalStateException("size " + size + " but " + counted + " keys, or a dangling leaf link");
        }
        int live = 0;
        for (long[] node : nodes) {
            live += node == null ? 0 : 1;
        }
        if (live != usedIds - freeCount) {
            throw new IllegalStateException(live + " nodes but " + (usedIds - freeCount) + " ids in use");
        }
    }

    /** A separator: the key at {@code at} of an inner node. */
    private record Bound(long[] node, int at) {
    }

    private int check(int id, int level, Bound low, Bound high, int[] previous) {
        long[] node = nodes[id];
        int nodeSize = (int) node[SIZE];
        boolean isLeaf = level == 0;
        int min = isLeaf ? LEAF_MIN : INNER_MIN;
        if (id != root && nodeSize < min - 1 || nodeSize > (isLeaf ? LEAF_CAPACITY : INNER_CAPACITY)) {
            throw new IllegalStateException("node of size " + nodeSize);
        }
        if (isLeaf) {
            if (previous[0] >= 0 && nodes[previous[0]][NEXT] != id) {
                throw new IllegalStateException("leaves are not linked in order");
            }
            previous[0] = id;
            for (int i = 0; i < nodeSize; i++) {
                long p = node[column(PRIMARY, LEAF_STRIDE) + i];
                long d = node[column(DURATION, LEAF_STRIDE) + i];
                long f = node[column(FINISH, LEAF_STRIDE) + i];
                int slot = (int) node[column(SLOT, LEAF_STRIDE) + i];
                if (p != primary(scoreOf(p), d) || leafOfSlot[slot] != id
                        || i > 0 && compare(node, LEAF_STRIDE, i - 1, p, d, f, slot) >= 0
                        || low != null && compare(low.node(), INNER_STRIDE, low.at(), p, d, f, slot) > 0
                        || high != null && compare(high.node(), INNER_STRIDE, high.at(), p, d, f, slot) <= 0) {
                    throw new IllegalStateException(
                            "a key out of order, outside its separators, mispacked or pointing to another leaf");
                }
            }
            return nodeSize;
        }
        int sum = 0;
        for (int i = 0; i < nodeSize; i++) {
            Bound childLow = i == 0 ? low : new Bound(node, i);
            Bound childHigh = i + 1 < nodeSize ? new Bound(node, i + 1) : high;
            int n = check(childId(node, i), level - 1, childLow, childHigh, previous);
            if (n != childCount(node, i)) {
                throw new IllegalStateException("count " + childCount(node, i) + " but " + n + " keys under it");
            }
            sum += n;
        }
        return sum;
    }

    // ---- insert

    /** Inserts into the subtree at {@code id}; returns the id of the node it split off, or -1. */
    private int insert(int id, int level, long p, long d, long f, int slot) {
        long[] node = nodes[id];
        int nodeSize = (int) node[SIZE];
        if (level == 0) {
            int at = lowerBound(node, p, d, f, slot);
            moveEntries(node, at, node, at + 1, nodeSize - at, LEAF_STRIDE, KEY_COLUMNS);
            setKey(node, at, p, d, f, slot);
            if (slot >= leafOfSlot.length) {
                leafOfSlot = Arrays.copyOf(leafOfSlot, Math.max(slot + 1, leafOfSlot.length * 2));
            }
            leafOfSlot[slot] = id;
            node[SIZE] = ++nodeSize;
            return nodeSize > LEAF_CAPACITY ? split(id, true) : -1;
        }
        int child = childFor(node, p, d, f, slot);
        int right = insert(childId(node, child), level - 1, p, d, f, slot);
        addToCount(node, child, 1);
        if (right < 0) {
            return -1;
        }
        int at = child + 1;
        moveEntries(node, at, node, at + 1, nodeSize - at, INNER_STRIDE, INNER_COLUMNS);
        copyKey(nodes[right], stride(level - 1), 0, node, INNER_STRIDE, at);
        int rightCount = total(right, level - 1);
        setChild(node, at, right, rightCount);
        addToCount(node, child, -rightCount);
        node[SIZE] = ++nodeSize;
        return nodeSize > INNER_CAPACITY ? split(id, false) : -1;
    }

    /**
     * Moves the upper half of a full node into a new right sibling and returns its id. The right node's first key
     * is the separator the parent takes: for an inner node, the separator of its first child, which has none.
     */
    private int split(int id, boolean leaf) {
        int rightId = newNode(leaf);
        long[] left = nodes[id];
        long[] right = nodes[rightId];
        int keep = (int) left[SIZE] / 2;
        int move = (int) left[SIZE] - keep;
        moveEntries(left, keep, right, 0, move, leaf ? LEAF_STRIDE : INNER_STRIDE,
                leaf ? KEY_COLUMNS : INNER_COLUMNS);
        right[SIZE] = move;
        left[SIZE] = keep;
        if (leaf) {
            right[NEXT] = left[NEXT];
            left[NEXT] = rightId;
            pointSlotsAt(right, 0, move, rightId);
        }
        return rightId;
    }

    // ---- remove

    private boolean remove(int id, int level, long p, long d, long f, int slot) {
        long[] node = nodes[id];
        int nodeSize = (int) node[SIZE];
        if (level == 0) {
            int at = lowerBound(node, p, d, f, slot);
            if (at == nodeSize || compare(node, LEAF_STRIDE, at, p, d, f, slot) != 0) {
                return false;
            }
            moveEntries(node, at + 1, node, at, nodeSize - at - 1, LEAF_STRIDE, KEY_COLUMNS);
            node[SIZE] = nodeSize - 1;
            return true;
        }
        int child = childFor(node, p, d, f, slot);
        if (!remove(childId(node, child), level - 1, p, d, f, slot)) {
            return false;
        }
        addToCount(node, child, -1);
        rebalance(node, level - 1, child);
        return true;
    }

    /** Refills child {@code child} of {@code parent}, on {@code level}, if it fell below a quarter full. */
    private void rebalance(long[] parent, int level, int child) {
        int min = level == 0 ? LEAF_MIN : INNER_MIN;
        if (nodes[childId(parent, child)][SIZE] >= min) {
            return;
        }
        int parentSize = (int) parent[SIZE];
        if (child > 0 && nodes[childId(parent, child - 1)][SIZE] > min) {
            borrowFromLeft(parent, level, child);
        } else if (child + 1 < parentSize && nodes[childId(parent, child + 1)][SIZE] > min) {
            borrowFromRight(parent, level, child);
        } else if (child > 0) {
            merge(parent, level, child - 1);
        } else if (child + 1 < parentSize) {
            merge(parent, level, child);
        }
    }

    private void borrowFromLeft(long[] parent, int level, int child) {
        long[] from = nodes[childId(parent, child - 1)];
        long[] node = nodes[childId(parent, child)];
        int last = (int) from[SIZE] - 1;
        int moved;
        if (level == 0) {
            moveEntries(node, 0, node, 1, (int) node[SIZE], LEAF_STRIDE, KEY_COLUMNS);
            moveEntries(from, last, node, 0, 1, LEAF_STRIDE, KEY_COLUMNS);
            pointSlotsAt(node, 0, 1, childId(parent, child));
            copyKey(node, LEAF_STRIDE, 0, parent, INNER_STRIDE, child);
            moved = 1;
        } else {
            moveEntries(node, 0, node, 1, (int) node[SIZE], INNER_STRIDE, INNER_COLUMNS);
            moveEntries(from, last, node, 0, 1, INNER_STRIDE, INNER_COLUMNS);
            copyKey(parent, INNER_STRIDE, child, node, INNER_STRIDE, 1); // the old boundary now bounds child 1
            copyKey(from, INNER_STRIDE, last, parent, INNER_STRIDE, child);
            moved = childCount(node, 0);
        }
        node[SIZE]++;
        from[SIZE]--;
        addToCount(parent, child - 1, -moved);
        addToCount(parent, child, moved);
    }

    private void borrowFromRight(long[] parent, int level, int child) {
        long[] node = nodes[childId(parent, child)];
        long[] from = nodes[childId(parent, child + 1)];
        int at = (int) node[SIZE];
        int rest = (int) from[SIZE] - 1;
        int moved;
        if (level == 0) {
            moveEntries(from, 0, node, at, 1, LEAF_STRIDE, KEY_COLUMNS);
            pointSlotsAt(node, at, at + 1, childId(parent, child));
            moveEntries(from, 1, from, 0, rest, LEAF_STRIDE, KEY_COLUMNS);
            copyKey(from, LEAF_STRIDE, 0, parent, INNER_STRIDE, child + 1);
            moved = 1;
        } else {
            moveEntries(from, 0, node, at, 1, INNER_STRIDE, INNER_COLUMNS);
            copyKey(parent, INNER_STRIDE, child + 1, node, INNER_STRIDE, at);
            copyKey(from, INNER_STRIDE, 1, parent, INNER_STRIDE, child + 1);
            moveEntries(from, 1, from, 0, rest, INNER_STRIDE, INNER_COLUMNS);
            moved = childCount(node, at);
        }
        node[SIZE]++;
        from[SIZE]--;
        addToCount(parent, child, moved);
        addToCount(parent, child + 1, -moved);
    }

    /** Moves every entry of child {@code at + 1} into child {@code at} and drops child {@code at + 1}. */
    private void merge(long[] parent, int level, int at) {
        int rightId = childId(parent, at + 1);
        long[] left = nodes[childId(parent, at)];
        long[] right = nodes[rightId];
        int base = (int) left[SIZE];
        int stride = stride(level);
        moveEntries(right, 0, left, base, (int) right[SIZE], stride, level == 0 ? KEY_COLUMNS : INNER_COLUMNS);
        if (level == 0) {
            left[NEXT] = right[NEXT];
            pointSlotsAt(left, base, base + (int) right[SIZE], childId(parent, at));
        } else {
            copyKey(parent, INNER_STRIDE, at + 1, left, INNER_STRIDE, base); // the boundary bounds right's child 0
        }
        left[SIZE] = base + right[SIZE];
        addToCount(parent, at, childCount(parent, at + 1));
        int parentSize = (int) parent[SIZE];
        moveEntries(parent, at + 2, parent, at + 1, parentSize - at - 2, INNER_STRIDE, INNER_COLUMNS);
        parent[SIZE] = parentSize - 1;
        freeNode(rightId);
    }

    /** Records that the keys at {@code from} (inclusive) to {@code to} of a leaf are in the leaf with that id. */
    private void pointSlotsAt(long[] leaf, int from, int to, int id) {
        int slots = column(SLOT, LEAF_STRIDE);
        for (int i = from; i < to; i++) {
            leafOfSlot[(int) leaf[slots + i]] = id;
        }
    }

    // ---- nodes

    private int newNode(boolean leaf) {
        int id;
        if (freeCount > 0) {
            id = freeIds[--freeCount];
        } else {
            if (usedIds == nodes.length) {
                nodes = Arrays.copyOf(nodes, usedIds * 2);
            }
            id = usedIds++;
        }
        long[] node = new long[HEADER + (leaf ? KEY_COLUMNS * LEAF_STRIDE : INNER_COLUMNS * INNER_STRIDE)];
        node[NEXT] = -1;
        nodes[id] = node;
        return id;
    }

    private void freeNode(int id) {
        nodes[id] = null;
        if (freeCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeCount * 2);
        }
        freeIds[freeCount++] = id;
    }

    private static int stride(int level) {
        return level == 0 ? LEAF_STRIDE : INNER_STRIDE;
    }

    private static int column(int column, int stride) {
        return HEADER + column * stride;
    }

    /** Moves {@code count} entries (all their columns) from {@code fromAt} to {@code toAt}; they may overlap. */
    private static void moveEntries(long[] from, int fromAt, long[] to, int toAt, int count, int stride,
                                    int columns) {
        for (int c = 0; c < columns; c++) {
            System.arraycopy(from, column(c, stride) + fromAt, to, column(c, stride) + toAt, count);
        }
    }

    private static void copyKey(long[] from, int fromStride, int fromAt, long[] to, int toStride, int toAt) {
        for (int c = 0; c < KEY_COLUMNS; c++) {
            to[column(c, toStride) + toAt] = from[column(c, fromStride) + fromAt];
        }
    }

    private static void setKey(long[] leaf, int at, long p, long d, long f, int slot) {
        leaf[column(PRIMARY, LEAF_STRIDE) + at] = p;
        leaf[column(DURATION, LEAF_STRIDE) + at] = d;
        leaf[column(FINISH, LEAF_STRIDE) + at] = f;
        leaf[column(SLOT, LEAF_STRIDE) + at] = slot;
    }

    private static void setChild(long[] inner, int at, int id, int count) {
        inner[column(CHILD, INNER_STRIDE) + at] = (long) count << 32 | id;
    }

    private static int childId(long[] inner, int at) {
        return (int) inner[column(CHILD, INNER_STRIDE) + at];
    }

    private static void addToCount(long[] inner, int at, int keys) {
        inner[column(CHILD, INNER_STRIDE) + at] += (long) keys << 32;
    }

    private static int childCount(long[] inner, int at) {
        return (int) (inner[column(CHILD, INNER_STRIDE) + at] >>> 32);
    }

    /** The number of keys under a node. */
    private int total(int id, int level) {
        long[] node = nodes[id];
        if (level == 0) {
            return (int) node[SIZE];
        }
        int sum = 0;
        for (int i = 0; i < node[SIZE]; i++) {
            sum += childCount(node, i);
        }
        return sum;
    }

    // ---- search

    /**
     * The last child whose separator is at or before the key; child 0 if none is. First a binary search of the
     * primary column for the last separator with a smaller primary, in steps of halving powers of two, each a
     * conditional move rather than a branch that the processor would mispredict half the time; then, rarely, a
     * step past separators with the same primary.
     */
    private int childFor(long[] inner, long p, long d, long f, int slot) {
        int primaries = column(PRIMARY, INNER_STRIDE);
        int n = (int) inner[SIZE];
        int child = 0;
        for (int step = Integer.highestOneBit(Math.max(1, n - 1)); step > 0; step >>>= 1) {
            int probe = Math.min(child + step, n - 1);
            child = inner[primaries + probe] < p ? probe : child;
        }
        while (child + 1 < n && inner[primaries + child + 1] == p
                && compareAfterPrimary(inner, INNER_STRIDE, child + 1, d, f, slot) <= 0) {
            child++;
        }
        return child;
    }

    /**
     * The position of the first key at or after the given one. A linear scan of the primary column, not a binary
     * search: at a million players a leaf is usually not in cache, and the loads of a scan do not depend on each
     * other, so the processor can fetch its cache lines in parallel, where each step of a binary search waits for
     * the one before.
     */
    private int lowerBound(long[] leaf, long p, long d, long f, int slot) {
        int primaries = column(PRIMARY, LEAF_STRIDE);
        int n = (int) leaf[SIZE];
        int at = 0;
        while (at < n && leaf[primaries + at] < p) {
            at++;
        }
        while (at < n && leaf[primaries + at] == p && compareAfterPrimary(leaf, LEAF_STRIDE, at, d, f, slot) < 0) {
            at++;
        }
        return at;
    }

    /** Compares the key at {@code at} of a node with the given key; 0 only if they are the same key. */
    private int compare(long[] node, int stride, int at, long p, long d, long f, int slot) {
        int c = Long.compare(node[column(PRIMARY, stride) + at], p);
        return c != 0 ? c : compareAfterPrimary(node, stride, at, d, f, slot);
    }

    private int compareAfterPrimary(long[] node, int stride, int at, long d, long f, int slot) {
        int c = Long.compare(node[column(DURATION, stride) + at], d);
        if (c != 0) {
            return c;
        }
        c = Long.compare(node[column(FINISH, stride) + at], f);
        int keySlot = (int) node[column(SLOT, stride) + at];
        if (c != 0 || keySlot == slot) {
            return c;
        }
        return slot == -1 ? 1 : slotOrder.compare(keySlot, slot);
    }
}
