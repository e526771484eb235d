package org.kydp.quiz.leaderboard;

import java.util.Random;
import java.util.UUID;

/**
 * A million players as the engine has them (UUID ids, short names), their first finishes, and a ring of random
 * later finishes and look-ups that the benchmarks step through, so no benchmark pays for random numbers.
 */
final class BenchmarkPlayers {

    static final int PLAYERS = 1_000_000;
    static final int RING = 1 << 20;
    static final long START_MS = 1_771_200_000_000L; // 2026-02-16

    final String[] ids = new String[PLAYERS];
    final String[] names = new String[PLAYERS];
    final int[] firstScores = new int[PLAYERS];
    final long[] firstDurations = new long[PLAYERS];
    /** Ring of later finishes: who, what score, how long. */
    final int[] player = new int[RING];
    final int[] score = new int[RING];
    final long[] duration = new long[RING];

    BenchmarkPlayers(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < PLAYERS; i++) {
            ids[i] = new UUID(random.nextLong(), random.nextLong()).toString();
            names[i] = "Player " + i;
            firstScores[i] = randomScore(random);
            firstDurations[i] = randomDuration(random);
        }
        for (int i = 0; i < RING; i++) {
            player[i] = random.nextInt(PLAYERS);
            score[i] = randomScore(random);
            duration[i] = randomDuration(random);
        }
    }

    /** 0 to 200 points in steps of 10, as a 20-question quiz gives. */
    private static int randomScore(Random random) {
        return 10 * random.nextInt(21);
    }

    /** 10 s to 10 min, to the millisecond. */
    private static long randomDuration(Random random) {
        return 10_000 + random.nextInt(590_000);
    }
}
