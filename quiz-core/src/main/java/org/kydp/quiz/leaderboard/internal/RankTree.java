package org.kydp.quiz.leaderboard.internal;

/**
 * An order-statistic tree: a counted B+ tree of unique leaderboard keys, best first.
 *
 * <p>A key is (score, duration, finish, slot), ordered by score descending, then duration ascending, then
 * earlier finish, then the player id of the slot (so that the order is total and does not depend on the order
 * of updates). Scores are stored negated so that every field compares ascending.
 *
 * <p>Leaves hold up to {@value #LEAF_CAPACITY} keys inline in one {@code long[]} (three longs per key, with no
 * object per key, so a search reads few cache lines) and are linked left to right; inner nodes hold separators and
 * the number of keys under each child. The height is about log<sub>48</sub>(n): 4 levels for a million keys (64 per
 * leaf measured best of 32, 64 and 128 at a million players; see README.md, "Benchmarks"). Hence insert,
 * remove, {@link #countBefore} (rank) and {@link #cursorAt} (select) are O(log n) and reading k keys from a cursor is
 * O(k). Nodes that fall below a quarter full borrow from or merge with a sibling, so the tree stays balanced
 * and dense under any pattern of updates.
 *
 * <p>Not thread-safe: {@link Board} guards it with a read-write lock.
 */
final class RankTree {

    static final int LEAF_CAPACITY = 64;
    static final int INNER_CAPACITY = 64;
    private static final int LEAF_MIN = LEAF_CAPACITY / 4;
    private static final int INNER_MIN = INNER_CAPACITY / 4;
    private static final int W = 3; // longs per key: negated score, duration, finish

    /** Compares the player ids of two slots: the last tie-break. A slot of -1 comes before every slot. */
    interface SlotOrder {
        int compare(int slotA, int slotB);
    }

    private final SlotOrder slotOrder;
    private Node root = new Leaf();
    private int size;

    // Handed from a node that split to its parent during an insert. Only the writer touches them.
    private Node splitRight;
    private final long[] splitKey = new long[W];
    private int splitSlot;

    RankTree(SlotOrder slotOrder) {
        this.slotOrder = slotOrder;
    }

    int size() {
        return size;
    }

    /** Inserts a key that is not in the tree. */
    void insert(int score, long duration, long finish, int slot) {
        splitRight = null;
        insert(root, -(long) score, duration, finish, slot);
        if (splitRight != null) {
            Inner newRoot = new Inner();
            newRoot.children[0] = root;
            newRoot.counts[0] = total(root);
            newRoot.children[1] = splitRight;
            newRoot.counts[1] = total(splitRight);
            System.arraycopy(splitKey, 0, newRoot.keys, W, W);
            newRoot.slots[1] = splitSlot;
            newRoot.size = 2;
            root = newRoot;
            splitRight = null;
        }
        size++;
    }

    /** Removes the key; false if it was not in the tree. */
    boolean remove(int score, long duration, long finish, int slot) {
        if (!remove(root, -(long) score, duration, finish, slot)) {
            return false;
        }
        size--;
        if (root instanceof Inner inner && inner.size == 1) {
            root = inner.children[0];
        }
        return true;
    }

    /**
     * How many keys come before the given one. With {@code slot} -1 and {@code finish} {@link Long#MIN_VALUE}
     * that is the number of keys strictly better by score and duration alone.
     */
    int countBefore(int score, long duration, long finish, int slot) {
        long s = -(long) score;
        Node node = root;
        int before = 0;
        while (node instanceof Inner inner) {
            int child = childFor(inner, s, duration, finish, slot);
            for (int i = 0; i < child; i++) {
                before += inner.counts[i];
            }
            node = inner.children[child];
        }
        return before + lowerBound((Leaf) node, s, duration, finish, slot);
    }

    /** A cursor on the key at this index (0 is the best); past the end if {@code index >= size()}. */
    Cursor cursorAt(int index) {
        if (index >= size) {
            return new Cursor(null, 0);
        }
        Node node = root;
        int rest = index;
        while (node instanceof Inner inner) {
            int child = 0;
            while (rest >= inner.counts[child]) {
                rest -= inner.counts[child];
                child++;
            }
            node = inner.children[child];
        }
        return new Cursor((Leaf) node, rest);
    }

    /** Reads keys in order from a position; valid until the tree changes. */
    static final class Cursor {
        private Leaf leaf;
        private int position;

        private Cursor(Leaf leaf, int position) {
            this.leaf = leaf;
            this.position = position;
        }

        boolean hasKey() {
            return leaf != null;
        }

        int score() {
            return (int) -leaf.keys[position * W];
        }

        long duration() {
            return leaf.keys[position * W + 1];
        }

        long finish() {
            return leaf.keys[position * W + 2];
        }

        int slot() {
            return leaf.slots[position];
        }

        void advance() {
            position++;
            if (position == leaf.size) {
                leaf = leaf.next;
                position = 0;
            }
        }
    }

    /** Checks the structure (counts, order, separators, fill, leaf links); throws if it is broken. For tests. */
    void checkInvariants() {
        Leaf[] previous = new Leaf[1];
        int counted = check(root, null, null, previous, true);
        if (counted != size || previous[0] != null && previous[0].next != null) {
            throw new IllegalStateException("size " + size + " but " + counted + " keys, or a dangling leaf link");
        }
    }

    /** A separator: the key at {@code at} of a node's arrays. */
    private record Bound(long[] keys, int[] slots, int at) {
    }

    private int check(Node node, Bound low, Bound high, Leaf[] previous, boolean isRoot) {
        boolean isLeaf = node instanceof Leaf;
        int min = isLeaf ? LEAF_MIN : INNER_MIN;
        if (!isRoot && node.size < min - 1 || node.size > (isLeaf ? LEAF_CAPACITY : INNER_CAPACITY)) {
            throw new IllegalStateException("node of size " + node.size);
        }
        if (node instanceof Leaf leaf) {
            if (previous[0] != null && previous[0].next != leaf) {
                throw new IllegalStateException("leaves are not linked in order");
            }
            previous[0] = leaf;
            for (int i = 0; i < leaf.size; i++) {
                long s = leaf.keys[i * W];
                long d = leaf.keys[i * W + 1];
                long f = leaf.keys[i * W + 2];
                int slot = leaf.slots[i];
                if (i > 0 && compare(leaf.keys, leaf.slots, i - 1, s, d, f, slot) >= 0
                        || low != null && compare(low.keys(), low.slots(), low.at(), s, d, f, slot) > 0
                        || high != null && compare(high.keys(), high.slots(), high.at(), s, d, f, slot) <= 0) {
                    throw new IllegalStateException("keys out of order or outside their separators");
                }
            }
            return leaf.size;
        }
        Inner inner = (Inner) node;
        int sum = 0;
        for (int i = 0; i < inner.size; i++) {
            Bound childLow = i == 0 ? low : new Bound(inner.keys, inner.slots, i);
            Bound childHigh = i + 1 < inner.size ? new Bound(inner.keys, inner.slots, i + 1) : high;
            int n = check(inner.children[i], childLow, childHigh, previous, false);
            if (n != inner.counts[i]) {
                throw new IllegalStateException("count " + inner.counts[i] + " but " + n + " keys under it");
            }
            sum += n;
        }
        return sum;
    }

    // ---- insert

    private void insert(Node node, long s, long d, long f, int slot) {
        if (node instanceof Leaf leaf) {
            int at = lowerBound(leaf, s, d, f, slot);
            System.arraycopy(leaf.keys, at * W, leaf.keys, (at + 1) * W, (leaf.size - at) * W);
            System.arraycopy(leaf.slots, at, leaf.slots, at + 1, leaf.size - at);
            leaf.keys[at * W] = s;
            leaf.keys[at * W + 1] = d;
            leaf.keys[at * W + 2] = f;
            leaf.slots[at] = slot;
            leaf.size++;
            if (leaf.size > LEAF_CAPACITY) {
                splitLeaf(leaf);
            }
            return;
        }
        Inner inner = (Inner) node;
        int child = childFor(inner, s, d, f, slot);
        insert(inner.children[child], s, d, f, slot);
        inner.counts[child]++;
        if (splitRight != null) {
            Node right = splitRight;
            splitRight = null;
            int at = child + 1;
            shiftInnerRight(inner, at);
            inner.children[at] = right;
            System.arraycopy(splitKey, 0, inner.keys, at * W, W);
            inner.slots[at] = splitSlot;
            int rightCount = total(right);
            inner.counts[at] = rightCount;
            inner.counts[child] -= rightCount;
            inner.size++;
            if (inner.size > INNER_CAPACITY) {
                splitInner(inner);
            }
        }
    }

    private void splitLeaf(Leaf leaf) {
        Leaf right = new Leaf();
        int keep = leaf.size / 2;
        int move = leaf.size - keep;
        System.arraycopy(leaf.keys, keep * W, right.keys, 0, move * W);
        System.arraycopy(leaf.slots, keep, right.slots, 0, move);
        right.size = move;
        leaf.size = keep;
        right.next = leaf.next;
        leaf.next = right;
        System.arraycopy(right.keys, 0, splitKey, 0, W);
        splitSlot = right.slots[0];
        splitRight = right;
    }

    private void splitInner(Inner inner) {
        Inner right = new Inner();
        int keep = inner.size / 2;
        int move = inner.size - keep;
        System.arraycopy(inner.children, keep, right.children, 0, move);
        System.arraycopy(inner.counts, keep, right.counts, 0, move);
        System.arraycopy(inner.keys, keep * W, right.keys, 0, move * W);
        System.arraycopy(inner.slots, keep, right.slots, 0, move);
        java.util.Arrays.fill(inner.children, keep, inner.size, null);
        right.size = move;
        inner.size = keep;
        System.arraycopy(right.keys, 0, splitKey, 0, W); // the first separator of the right half moves up
        splitSlot = right.slots[0];
        splitRight = right;
    }

    // ---- remove

    private boolean remove(Node node, long s, long d, long f, int slot) {
        if (node instanceof Leaf leaf) {
            int at = lowerBound(leaf, s, d, f, slot);
            if (at == leaf.size || leaf.slots[at] != slot || leaf.keys[at * W] != s
                    || leaf.keys[at * W + 1] != d || leaf.keys[at * W + 2] != f) {
                return false;
            }
            System.arraycopy(leaf.keys, (at + 1) * W, leaf.keys, at * W, (leaf.size - at - 1) * W);
            System.arraycopy(leaf.slots, at + 1, leaf.slots, at, leaf.size - at - 1);
            leaf.size--;
            return true;
        }
        Inner inner = (Inner) node;
        int child = childFor(inner, s, d, f, slot);
        if (!remove(inner.children[child], s, d, f, slot)) {
            return false;
        }
        inner.counts[child]--;
        rebalance(inner, child);
        return true;
    }

    private void rebalance(Inner parent, int child) {
        Node node = parent.children[child];
        int min = node instanceof Leaf ? LEAF_MIN : INNER_MIN;
        if (node.size >= min) {
            return;
        }
        if (child > 0 && parent.children[child - 1].size > min) {
            borrowFromLeft(parent, child);
        } else if (child + 1 < parent.size && parent.children[child + 1].size > min) {
            borrowFromRight(parent, child);
        } else if (child > 0) {
            merge(parent, child - 1);
        } else if (child + 1 < parent.size) {
            merge(parent, child);
        }
    }

    private void borrowFromLeft(Inner parent, int child) {
        Node left = parent.children[child - 1];
        Node node = parent.children[child];
        int moved;
        if (node instanceof Leaf leaf) {
            Leaf from = (Leaf) left;
            int last = from.size - 1;
            System.arraycopy(leaf.keys, 0, leaf.keys, W, leaf.size * W);
            System.arraycopy(leaf.slots, 0, leaf.slots, 1, leaf.size);
            System.arraycopy(from.keys, last * W, leaf.keys, 0, W);
            leaf.slots[0] = from.slots[last];
            leaf.size++;
            from.size--;
            System.arraycopy(leaf.keys, 0, parent.keys, child * W, W);
            parent.slots[child] = leaf.slots[0];
            moved = 1;
        } else {
            Inner inner = (Inner) node;
            Inner from = (Inner) left;
            int last = from.size - 1;
            shiftInnerRight(inner, 0);
            inner.children[0] = from.children[last];
            inner.counts[0] = from.counts[last];
            System.arraycopy(parent.keys, child * W, inner.keys, W, W); // the old boundary now bounds child 1
            inner.slots[1] = parent.slots[child];
            System.arraycopy(from.keys, last * W, parent.keys, child * W, W);
            parent.slots[child] = from.slots[last];
            from.children[last] = null;
            inner.size++;
            from.size--;
            moved = inner.counts[0];
        }
        parent.counts[child - 1] -= moved;
        parent.counts[child] += moved;
    }

    private void borrowFromRight(Inner parent, int child) {
        Node node = parent.children[child];
        Node right = parent.children[child + 1];
        int moved;
        if (node instanceof Leaf leaf) {
            Leaf from = (Leaf) right;
            System.arraycopy(from.keys, 0, leaf.keys, leaf.size * W, W);
            leaf.slots[leaf.size] = from.slots[0];
            leaf.size++;
            System.arraycopy(from.keys, W, from.keys, 0, (from.size - 1) * W);
            System.arraycopy(from.slots, 1, from.slots, 0, from.size - 1);
            from.size--;
            System.arraycopy(from.keys, 0, parent.keys, (child + 1) * W, W);
            parent.slots[child + 1] = from.slots[0];
            moved = 1;
        } else {
            Inner inner = (Inner) node;
            Inner from = (Inner) right;
            int at = inner.size;
            inner.children[at] = from.children[0];
            inner.counts[at] = from.counts[0];
            System.arraycopy(parent.keys, (child + 1) * W, inner.keys, at * W, W);
            inner.slots[at] = parent.slots[child + 1];
            inner.size++;
            moved = from.counts[0];
            System.arraycopy(from.keys, W, parent.keys, (child + 1) * W, W);
            parent.slots[child + 1] = from.slots[1];
            shiftInnerLeft(from, 0);
        }
        parent.counts[child] += moved;
        parent.counts[child + 1] -= moved;
    }

    /** Moves every key of child {@code at + 1} into child {@code at} and drops child {@code at + 1}. */
    private void merge(Inner parent, int at) {
        Node left = parent.children[at];
        Node right = parent.children[at + 1];
        if (left instanceof Leaf leaf) {
            Leaf from = (Leaf) right;
            System.arraycopy(from.keys, 0, leaf.keys, leaf.size * W, from.size * W);
            System.arraycopy(from.slots, 0, leaf.slots, leaf.size, from.size);
            leaf.size += from.size;
            leaf.next = from.next;
        } else {
            Inner inner = (Inner) left;
            Inner from = (Inner) right;
            int base = inner.size;
            System.arraycopy(from.children, 0, inner.children, base, from.size);
            System.arraycopy(from.counts, 0, inner.counts, base, from.size);
            System.arraycopy(from.keys, 0, inner.keys, base * W, from.size * W);
            System.arraycopy(from.slots, 0, inner.slots, base, from.size);
            System.arraycopy(parent.keys, (at + 1) * W, inner.keys, base * W, W); // boundary bounds from's child 0
            inner.slots[base] = parent.slots[at + 1];
            inner.size += from.size;
        }
        parent.counts[at] += parent.counts[at + 1];
        shiftInnerLeft(parent, at + 1);
    }

    // ---- node helpers

    /** Opens a gap at {@code at} (children, counts, separators). */
    private static void shiftInnerRight(Inner inner, int at) {
        int n = inner.size - at;
        System.arraycopy(inner.children, at, inner.children, at + 1, n);
        System.arraycopy(inner.counts, at, inner.counts, at + 1, n);
        System.arraycopy(inner.keys, at * W, inner.keys, (at + 1) * W, n * W);
        System.arraycopy(inner.slots, at, inner.slots, at + 1, n);
    }

    /** Removes entry {@code at} (child, count and separator), closing the gap. */
    private static void shiftInnerLeft(Inner inner, int at) {
        int n = inner.size - at - 1;
        System.arraycopy(inner.children, at + 1, inner.children, at, n);
        System.arraycopy(inner.counts, at + 1, inner.counts, at, n);
        System.arraycopy(inner.keys, (at + 1) * W, inner.keys, at * W, n * W);
        System.arraycopy(inner.slots, at + 1, inner.slots, at, n);
        inner.size--;
        inner.children[inner.size] = null;
    }

    private static int total(Node node) {
        if (node instanceof Inner inner) {
            int sum = 0;
            for (int i = 0; i < inner.size; i++) {
                sum += inner.counts[i];
            }
            return sum;
        }
        return node.size;
    }

    /** The last child whose separator is at or before the key; child 0 if none is. */
    private int childFor(Inner inner, long s, long d, long f, int slot) {
        int lo = 1;
        int hi = inner.size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(inner.keys, inner.slots, mid, s, d, f, slot) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return lo - 1;
    }

    /**
     * The position of the first key at or after the given one. A linear scan, not a binary search: at a million
     * players a leaf is usually not in cache, and the loads of a scan do not depend on each other, so the processor
     * can fetch its cache lines in parallel, where each step of a binary search waits for the one before.
     */
    private int lowerBound(Leaf leaf, long s, long d, long f, int slot) {
        long[] keys = leaf.keys;
        int n = leaf.size;
        int at = 0;
        while (at < n && keys[at * W] < s) {
            at++;
        }
        while (at < n && keys[at * W] == s && compare(keys, leaf.slots, at, s, d, f, slot) < 0) {
            at++;
        }
        return at;
    }

    private int compare(long[] keys, int[] slots, int at, long s, long d, long f, int slot) {
        int base = at * W;
        int c = Long.compare(keys[base], s);
        if (c != 0) {
            return c;
        }
        c = Long.compare(keys[base + 1], d);
        if (c != 0) {
            return c;
        }
        c = Long.compare(keys[base + 2], f);
        if (c != 0 || slots[at] == slot) {
            return c;
        }
        return slot == -1 ? 1 : slotOrder.compare(slots[at], slot);
    }

    private abstract static sealed class Node permits Leaf, Inner {
        int size;
    }

    private static final class Leaf extends Node {
        final long[] keys = new long[(LEAF_CAPACITY + 1) * W];
        final int[] slots = new int[LEAF_CAPACITY + 1];
        Leaf next;
    }

    /** Child i holds the keys from separator i (for i ≥ 1) up to separator i + 1. */
    private static final class Inner extends Node {
        final long[] keys = new long[(INNER_CAPACITY + 1) * W];
        final int[] slots = new int[INNER_CAPACITY + 1];
        final Node[] children = new Node[INNER_CAPACITY + 1];
        final int[] counts = new int[INNER_CAPACITY + 1];
    }
}
