package org.kydp.quiz.leaderboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kydp.quiz.leaderboard.SortOnReadLeaderboard;
import org.kydp.quiz.leaderboard.SortOnReadLeaderboard.Finish;
import org.kydp.quiz.model.AttemptGrading;

/**
 * The index agrees with the naive sort-on-read leaderboard on pages, ranks and neighbours, over many seeded random
 * sequences of finishes: every grading rule, few and many players (up to several tree levels), narrow ranges that
 * make many ties, and drifting scores that empty whole regions of the tree.
 */
class BoardPropertyTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 240);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_index_answers_like_sorting_on_read(long seed) {
        Random random = new Random(seed);
        AttemptGrading grading = AttemptGrading.values()[(int) (seed % AttemptGrading.values().length)];
        int players = switch ((int) (seed % 5)) {
            case 0 -> 1 + random.nextInt(5);
            case 1, 2 -> 1 + random.nextInt(200);
            case 3 -> 500 + random.nextInt(1500);
            default -> seed % 20 == 4 ? 5000 + random.nextInt(5000) : 1 + random.nextInt(1000);
        };
        int scores = random.nextBoolean() ? 3 : 1000;
        int durations = random.nextBoolean() ? 4 : 100_000;
        int finishes = players * (1 + random.nextInt(4));
        boolean drifting = random.nextInt(3) == 0;

        Board board = new Board(grading);
        SortOnReadLeaderboard oracle = new SortOnReadLeaderboard(grading);
        long clock = 1_700_000_000_000L;
        for (int i = 0; i < finishes; i++) {
            String id = "p" + random.nextInt(players);
            int score = drifting ? Math.min(scores, i * scores / finishes + random.nextInt(2))
                    : random.nextInt(scores + 1);
            long duration = random.nextInt(durations);
            clock += random.nextInt(3); // equal finish times happen
            long finish = random.nextInt(10) == 0 ? clock - random.nextInt(1000) : clock; // some finish late
            board.record(id, "name of " + id, score, duration, finish);
            oracle.record(new Finish(id, "name of " + id, score, duration, finish));
            if (i % Math.max(1, finishes / 3) == 0) {
                compare(seed, random, board, oracle, players);
            }
        }
        compare(seed, random, board, oracle, players);
    }

    private static void compare(long seed, Random random, Board board, SortOnReadLeaderboard oracle, int players) {
        String seedNote = "seed " + seed;
        var expected = oracle.ranked();
        int total = expected.size();
        assertThat(board.size()).as(seedNote).isEqualTo(total);
        assertThat(board.page("q", total + 1, 0).entries()).as(seedNote).isEqualTo(expected);
        for (int i = 0; i < 20; i++) {
            int limit = random.nextInt(30);
            int offset = random.nextInt(total + 5);
            assertThat(board.page("q", limit, offset)).as(seedNote + ", limit %d offset %d", limit, offset)
                    .isEqualTo(SortOnReadLeaderboard.page(expected, "q", limit, offset));
        }
        List<String> probes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            probes.add("p" + random.nextInt(players + 2)); // a few who never played
        }
        for (String id : probes) {
            int around = random.nextInt(8);
            assertThat(board.rankOf(id)).as(seedNote + ", rank of " + id).isEqualTo(SortOnReadLeaderboard.rankOf(expected, id));
            assertThat(board.around("q", id, around)).as(seedNote + ", around " + id)
                    .isEqualTo(SortOnReadLeaderboard.around(expected, "q", id, around));
        }
    }
}
