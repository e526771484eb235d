package org.kydp.quiz.leaderboard;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

import org.kydp.quiz.leaderboard.SortOnReadLeaderboard.Finish;
import org.kydp.quiz.leaderboard.internal.Board;
import org.kydp.quiz.model.AttemptGrading;

/**
 * The same operations as the JMH benchmarks, timed by the CPU time of the thread that runs them
 * ({@link ThreadMXBean#getCurrentThreadCpuTime()}) instead of the wall clock. On a shared machine, where other
 * processes take the cores for part of the time, the wall clock counts the time the benchmark waited for a core;
 * CPU time does not. Each figure is the median of rounds, after warm-up rounds, with the smallest and largest.
 */
final class CpuTimePerOperation {

    private static final int ROUNDS = 5;
    private static final int WARMUP_ROUNDS = 3;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final BenchmarkPlayers players;
    private long sink;
    private int next;
    private long clockMs = BenchmarkPlayers.START_MS;

    CpuTimePerOperation(BenchmarkPlayers players) {
        this.players = players;
    }

    void run() {
        Board board = new Board(AttemptGrading.LAST);
        for (int i = 0; i < BenchmarkPlayers.PLAYERS; i++) {
            board.record(players.ids[i], players.names[i], players.firstScores[i], players.firstDurations[i],
                    ++clockMs);
        }
        System.out.printf("CPU time per operation, one thread, %,d players (median of %d rounds [min, max]):%n",
                BenchmarkPlayers.PLAYERS, ROUNDS);
        report("index update", 300_000, ignored -> {
            int i = nextIndex();
            int p = players.player[i];
            board.record(players.ids[p], players.names[p], players.score[i], players.duration[i], ++clockMs);
            return 0;
        });
        report("index rank of player", 300_000,
                ignored -> board.rankOf(players.ids[players.player[nextIndex()]]));
        report("index top 10", 300_000, ignored -> board.page("q", 10, 0).entries().size());
        report("index page of 10 at a random offset", 300_000,
                ignored -> board.page("q", 10, players.player[nextIndex()]).entries().size());
        report("index around me (5 either side)", 300_000,
                ignored -> board.around("q", players.ids[players.player[nextIndex()]], 5).orElseThrow().rank());

        int few = 10_000;
        Board small = new Board(AttemptGrading.LAST);
        for (int i = 0; i < few; i++) {
            small.record(players.ids[i], players.names[i], players.firstScores[i], players.firstDurations[i],
                    ++clockMs);
        }
        report("index update, 10,000 players (cached)", 300_000, ignored -> {
            int i = nextIndex();
            int p = players.player[i] % few;
            small.record(players.ids[p], players.names[p], players.score[i], players.duration[i], ++clockMs);
            return 0;
        });
        report("index rank, 10,000 players (cached)", 300_000,
                ignored -> small.rankOf(players.ids[players.player[nextIndex()] % few]));

        Map<String, Finish> latest = new HashMap<>();
        for (int i = 0; i < BenchmarkPlayers.PLAYERS; i++) {
            latest.put(players.ids[i], new Finish(players.ids[i], players.names[i], players.firstScores[i],
                    players.firstDurations[i], ++clockMs));
        }
        report("sort-on-read update", 300_000, ignored -> {
            int i = nextIndex();
            int p = players.player[i];
            latest.put(players.ids[p], new Finish(players.ids[p], players.names[p], players.score[i],
                    players.duration[i], ++clockMs));
            return 0;
        });
        report("sort-on-read top 10 (any read)", 1,
                ignored -> SortOnReadLeaderboard.page(SortOnReadLeaderboard.rank(latest.values()), "q", 10, 0)
                        .entries().size());
        System.out.println("(sink " + sink + ")");
    }

    private int nextIndex() {
        return next++ & (BenchmarkPlayers.RING - 1);
    }

    private void report(String name, int operationsPerRound, IntUnaryOperator operation) {
        double[] nanosPerOperation = new double[ROUNDS];
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < operationsPerRound; i++) {
                sink += operation.applyAsInt(i);
            }
            long spent = threads.getCurrentThreadCpuTime() - start;
            if (round >= 0) {
                nanosPerOperation[round] = (double) spent / operationsPerRound;
            }
        }
        Arrays.sort(nanosPerOperation);
        double median = nanosPerOperation[ROUNDS / 2];
        System.out.printf("  %-38s %,14.1f ns/op [%,.1f, %,.1f]  = %,.0f ops/s%n", name, median,
                nanosPerOperation[0], nanosPerOperation[ROUNDS - 1], 1e9 / median);
    }
}
