package org.kydp.quiz.leaderboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
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
        int peak = 200 + random.nextInt(seed % 4 == 0 ? 40_000 : 5_000);
        growShrinkAndEmpty(seed, random, peak,
                slot -> new Key(random.nextInt(20), random.nextInt(50), random.nextInt(50), slot));
    }

    /** Scores and durations at and around the ends of their types and of the primary's duration range. */
    private static final int[] EXTREME_SCORES = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1_000_000, -1, 0, 1,
            200, 1_000_000, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
    private static final long[] EXTREME_DURATIONS = {Long.MIN_VALUE, -1_000, -1, 0, 1, 600_000,
            RankTree.MAX_PACKED_DURATION - 1, RankTree.MAX_PACKED_DURATION, RankTree.MAX_PACKED_DURATION + 1,
            1L << 40, Long.MAX_VALUE - 1, Long.MAX_VALUE};

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void extreme_scores_and_durations_keep_their_exact_order(long seed) {
        Random random = new Random(seed);
        growShrinkAndEmpty(seed, random, 500 + random.nextInt(3_000), slot -> new Key(
                EXTREME_SCORES[random.nextInt(EXTREME_SCORES.length)],
                EXTREME_DURATIONS[random.nextInt(EXTREME_DURATIONS.length)], random.nextInt(3), slot));
    }

    @Test
    void the_primary_is_monotone_and_exact_within_its_duration_range() {
        List<Key> keys = new ArrayList<>();
        for (int score : EXTREME_SCORES) {
            for (long duration : EXTREME_DURATIONS) {
                keys.add(new Key(score, duration, 0, 0));
            }
        }
        keys.sort(ORDER);
        for (int i = 1; i < keys.size(); i++) {
            Key before = keys.get(i - 1);
            Key key = keys.get(i);
            long primaryBefore = RankTree.primary(before.score(), before.duration());
            long primary = RankTree.primary(key.score(), key.duration());
            assertThat(primaryBefore).as("%s before %s", before, key).isLessThanOrEqualTo(primary);
            if (inPackedRange(before.duration()) && inPackedRange(key.duration())) {
                assertThat(primaryBefore).as("%s before %s", before, key).isLessThan(primary);
            }
        }
        for (Key key : keys) {
            assertThat(RankTree.scoreOf(RankTree.primary(key.score(), key.duration()))).isEqualTo(key.score());
        }
    }

    private static boolean inPackedRange(long duration) {
        return duration >= 0 && duration <= RankTree.MAX_PACKED_DURATION;
    }

    /** Grows the tree to the peak, shrinks it to a few keys, grows it again, then empties it, checking all along. */
    private static void growShrinkAndEmpty(long seed, Random random, int peak, IntFunction<Key> newKey) {
        RankTree tree = new RankTree(Integer::compare);
        TreeSet<Key> oracle = new TreeSet<>(ORDER);
        int nextSlot = 0;
        int[] targets = {peak, random.nextInt(50), peak / 2, 0};
        for (int target : targets) {
            while (oracle.size() != target) {
                boolean grow = oracle.size() < target ? random.nextInt(10) < 8 : random.nextInt(10) < 2;
                if (grow || oracle.isEmpty()) {
                    Key key = newKey.apply(nextSlot++);
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

    /** Mostly a key near a random one, sometimes the best or the worst. */
    private static Key pick(Random random, TreeSet<Key> keys) {
        switch (random.nextInt(4)) {
            case 0:
                return keys.first();
            case 1:
                return keys.last();
            default:
                break;
        }
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
