package org.kydp.quiz.leaderboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tree against a {@link TreeSet}, with its structure checked as it grows and shrinks: splits, borrowing and
 * merging at every level, and emptying out completely.
 */
class RankTreeTest {

    /** A key as the tree orders it; the slot is its own id. */
    record Key(int score, long duration, long finish, int slot) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparingInt(Key::score).reversed()
            .thenComparingLong(Key::duration).thenComparingLong(Key::finish).thenComparingInt(Key::slot);

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void inserts_and_removes_keep_order_counts_and_balance(long seed) {
        Random random = new Random(seed);
        RankTree tree = new RankTree(Integer::compare);
        TreeSet<Key> oracle = new TreeSet<>(ORDER);
        int peak = 200 + random.nextInt(seed % 4 == 0 ? 40_000 : 5_000);
        int nextSlot = 0;
        // grow to the peak, shrink to a few, grow again, then empty
        int[] targets = {peak, random.nextInt(50), peak / 2, 0};
        for (int target : targets) {
            while (oracle.size() != target) {
                boolean grow = oracle.size() < target ? random.nextInt(10) < 8 : random.nextInt(10) < 2;
                if (grow || oracle.isEmpty()) {
                    Key key = new Key(random.nextInt(20), random.nextInt(50), random.nextInt(50), nextSlot++);
                    tree.insert(key.score(), key.duration(), key.finish(), key.slot());
                    oracle.add(key);
                } else {
                    Key key = pick(random, oracle);
                    assertThat(tree.remove(key.score(), key.duration(), key.finish(), key.slot()))
                            .as("seed %d", seed).isTrue();
                    oracle.remove(key);
                }
                if (random.nextInt(Math.max(1, oracle.size() / 4)) == 0) {
                    tree.checkInvariants();
                    compare(seed, random, tree, oracle);
                }
            }
            tree.checkInvariants();
            compare(seed, random, tree, oracle);
        }
        assertThat(tree.remove(1, 1, 1, 1)).isFalse();
    }

    private static Key pick(Random random, TreeSet<Key> keys) {
        Key probe = new Key(random.nextInt(20), random.nextInt(50), random.nextInt(50), random.nextInt());
        Key key = keys.ceiling(probe);
        return key != null ? key : keys.first();
    }

    private static void compare(long seed, Random random, RankTree tree, TreeSet<Key> oracle) {
        assertThat(tree.size()).as("seed %d", seed).isEqualTo(oracle.size());
        List<Key> expected = new ArrayList<>(oracle);
        List<Key> actual = new ArrayList<>();
        for (RankTree.Cursor cursor = tree.cursorAt(0); cursor.hasKey(); cursor.advance()) {
            actual.add(new Key(cursor.score(), cursor.duration(), cursor.finish(), cursor.slot()));
        }
        assertThat(actual).as("seed %d", seed).isEqualTo(expected);
        for (int i = 0; i < 10 && !expected.isEmpty(); i++) {
            int index = random.nextInt(expected.size());
            Key key = expected.get(index);
            assertThat(tree.countBefore(key.score(), key.duration(), key.finish(), key.slot()))
                    .as("seed %d", seed).isEqualTo(index);
            assertThat(tree.cursorAt(index).slot()).as("seed %d", seed).isEqualTo(key.slot());
        }
        assertThat(tree.cursorAt(expected.size()).hasKey()).isFalse();
    }
}
