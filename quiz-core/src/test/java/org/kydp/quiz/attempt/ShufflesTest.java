package org.kydp.quiz.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Shuffles over many seeded random inputs; a failure names its seed. */
class ShufflesTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    private static List<String> randomItems(SplittableRandom random) {
        int size = random.nextInt(0, 30);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            // a few repeats, as a list of choices never has but a list in general may
            items.add(random.nextInt(5) == 0 && i > 0 ? items.get(random.nextInt(i)) : "item-" + i);
        }
        return items;
    }

    private static String randomSalt(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> "questions";
            case 1 -> "draw";
            case 2 -> "q" + random.nextInt(1000) + "/right";
            default -> "सवाल-" + random.nextInt(1000);
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void a_shuffle_is_a_permutation_of_its_input_and_leaves_the_input_alone(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> items = randomItems(random);
        List<String> before = List.copyOf(items);
        long attemptSeed = random.nextLong();
        String salt = randomSalt(random);

        List<String> shuffled = Shuffles.shuffled(items, attemptSeed, salt);

        assertThat(shuffled).as("seed %d: %s shuffled with %d/%s", seed, items, attemptSeed, salt)
                .hasSameSizeAs(items)
                .containsExactlyInAnyOrderElementsOf(items);
        assertThat(items).as("seed %d", seed).isEqualTo(before);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_same_seed_and_salt_always_give_the_same_order(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> items = randomItems(random);
        long attemptSeed = random.nextLong();
        String salt = randomSalt(random);

        List<String> first = Shuffles.shuffled(items, attemptSeed, salt);

        assertThat(Shuffles.shuffled(items, attemptSeed, salt)).as("seed %d", seed).isEqualTo(first);
        assertThat(Shuffles.shuffled(new ArrayList<>(items), attemptSeed, new String(salt.toCharArray())))
                .as("seed %d: an equal list and an equal salt", seed).isEqualTo(first);
    }

    @Test
    void every_order_of_four_items_turns_up_across_attempts() {
        List<Integer> items = List.of(1, 2, 3, 4);
        Set<List<Integer>> orders = new HashSet<>();
        for (long seed = 0; seed < 300; seed++) {
            orders.add(Shuffles.shuffled(items, seed * 0x9E3779B97F4A7C15L, "emergency"));
        }

        assertThat(orders).hasSize(24);
    }

    @Test
    void each_item_lands_in_each_place_about_equally_often() {
        int size = 5;
        int attempts = 5_000;
        List<Integer> items = IntStream.range(0, size).boxed().toList();
        int[][] counts = new int[size][size];
        for (long seed = 0; seed < attempts; seed++) {
            List<Integer> shuffled = Shuffles.shuffled(items, seed, "helplines");
            for (int place = 0; place < size; place++) {
                counts[shuffled.get(place)][place]++;
            }
        }

        int expected = attempts / size;
        for (int item = 0; item < size; item++) {
            for (int place = 0; place < size; place++) {
                assertThat(counts[item][place]).as("item %d in place %d", item, place)
                        .isBetween(expected * 85 / 100, expected * 115 / 100);
            }
        }
    }

    @Test
    void different_salts_of_one_attempt_give_unrelated_orders() {
        List<Integer> items = IntStream.range(0, 10).boxed().toList();
        int same = 0;
        for (long seed = 0; seed < 300; seed++) {
            if (Shuffles.shuffled(items, seed, "q1").equals(Shuffles.shuffled(items, seed, "q2"))) {
                same++;
            }
        }

        assertThat(same).isLessThan(3);
    }

    @Test
    void empty_and_single_item_lists_come_back_as_they_are() {
        assertThat(Shuffles.shuffled(List.of(), 42, "x")).isEmpty();
        assertThat(Shuffles.shuffled(List.of("only"), 42, "x")).containsExactly("only");
    }
}
