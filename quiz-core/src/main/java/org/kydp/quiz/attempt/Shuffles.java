package org.kydp.quiz.attempt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic shuffles from an attempt's secret seed: the same attempt always sees the same order,
 * and no one without the seed can predict it.
 */
final class Shuffles {

    private Shuffles() {
    }

    /** A permutation of {@code items} fixed by the seed and the salt (a question id, say). */
    static <T> List<T> shuffled(List<T> items, long seed, String salt) {
        List<T> copy = new ArrayList<>(items);
        SplittableRandom random = new SplittableRandom(seed ^ mix(salt.hashCode()));
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
