package org.kydp.quiz.leaderboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.kydp.quiz.leaderboard.AroundMe;
import org.kydp.quiz.leaderboard.LeaderboardEntry;
import org.kydp.quiz.leaderboard.SortOnReadLeaderboard;
import org.kydp.quiz.leaderboard.SortOnReadLeaderboard.Finish;
import org.kydp.quiz.model.AttemptGrading;

/** Many threads record and read one board at once; every read is a consistent ranking. */
class BoardConcurrencyTest {

    private static final int WRITERS = 4;
    private static final int READERS = 4;
    private static final int FINISHES_PER_WRITER = 25_000;
    private static final int PLAYERS = 3_000;

    @Test
    void readers_never_see_a_player_twice_or_ranks_out_of_order_while_writers_update() throws Exception {
        Board board = new Board(AttemptGrading.HIGHEST);
        ConcurrentLinkedQueue<Finish> recorded = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                long seed = w;
                writers.add(pool.submit(() -> write(board, recorded, new Random(seed), start)));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                long seed = 100 + r;
                readers.add(pool.submit(() -> read(board, writing, new Random(seed), start)));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).as("reads checked").isPositive();
            }
        } finally {
            pool.shutdownNow();
        }

        SortOnReadLeaderboard oracle = new SortOnReadLeaderboard(AttemptGrading.HIGHEST);
        recorded.forEach(oracle::record);
        assertThat(board.page("q", PLAYERS, 0).entries()).isEqualTo(oracle.ranked());
    }

    private static Void write(Board board, ConcurrentLinkedQueue<Finish> recorded, Random random,
                              CountDownLatch start) throws InterruptedException {
        start.await();
        for (int i = 0; i < FINISHES_PER_WRITER; i++) {
            String id = "p" + random.nextInt(PLAYERS);
            Finish finish = new Finish(id, id, random.nextInt(50), random.nextInt(20), random.nextInt(1_000_000));
            board.record(finish.playerId(), finish.name(), finish.score(), finish.durationMs(),
                    finish.finishedAtMs());
            recorded.add(finish);
        }
        return null;
    }

    private static int read(Board board, AtomicBoolean writing, Random random, CountDownLatch start)
            throws InterruptedException {
        start.await();
        int reads = 0;
        while (writing.get() || reads == 0) {
            List<LeaderboardEntry> page = random.nextBoolean()
                    ? board.page("q", PLAYERS, 0).entries()
                    : board.page("q", 1 + random.nextInt(50), random.nextInt(PLAYERS)).entries();
            checkConsistent(page);
            AroundMe around = board.around("q", "p" + random.nextInt(PLAYERS), random.nextInt(10)).orElse(null);
            if (around != null) {
                checkConsistent(around.entries());
                assertThat(around.entries()).anySatisfy(entry -> assertThat(entry.rank()).isEqualTo(around.rank()));
            }
            reads++;
        }
        return reads;
    }

    /**
     * No player twice, best first, and ranks as the tie rule gives them: a tie shares the previous rank, and past
     * the first change of (score, duration) in the slice every other entry's rank is its position plus a constant.
     */
    private static void checkConsistent(List<LeaderboardEntry> entries) {
        Set<String> seen = new HashSet<>();
        int firstChange = -1;
        for (int i = 0; i < entries.size(); i++) {
            LeaderboardEntry entry = entries.get(i);
            assertThat(seen.add(entry.playerId())).as("%s appears once", entry.playerId()).isTrue();
            if (i == 0) {
                continue;
            }
            LeaderboardEntry previous = entries.get(i - 1);
            assertThat(previous.score() > entry.score() || previous.score() == entry.score()
                    && previous.duration().compareTo(entry.duration()) <= 0).as("best first").isTrue();
            if (previous.score() == entry.score() && previous.duration().equals(entry.duration())) {
                assertThat(entry.rank()).as("a tie shares the rank").isEqualTo(previous.rank());
            } else if (firstChange < 0) {
                firstChange = i;
                assertThat(entry.rank()).isGreaterThan(previous.rank());
            } else {
                assertThat(entry.rank() - entries.get(firstChange).rank()).as("rank skips past ties")
                        .isEqualTo(i - firstChange);
            }
        }
    }
}
