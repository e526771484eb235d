package org.kydp.quiz.leaderboard;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.HashMap;
import java.util.Map;

import org.kydp.quiz.leaderboard.SortOnReadLeaderboard.Finish;
import org.kydp.quiz.leaderboard.internal.Board;
import org.kydp.quiz.model.AttemptGrading;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the leaderboard benchmarks: first the heap a million-player index takes, then the CPU time per operation
 * of the index and of the baseline, then the JMH benchmarks of the index and of the sort-on-read baseline. Arguments: the JSON result file, then optionally a regular expression
 * of the benchmarks to run (default: all of them; "none" runs only the memory and CPU time measurements).
 */
public final class LeaderboardBenchmarks {

    private LeaderboardBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        String resultFile = args.length > 0 ? args[0] : "jmh-result.json";
        String include = args.length > 1 ? args[1] : "IndexBenchmark|SortOnReadBenchmark";
        measureMemory();
        new CpuTimePerOperation(new BenchmarkPlayers(42)).run();
        if (include.equals("none")) {
            return;
        }
        Options options = new OptionsBuilder()
                .include(include)
                .resultFormat(ResultFormatType.JSON)
                .result(resultFile)
                .build();
        new Runner(options).run();
        System.out.println("JMH results: " + resultFile);
    }

    /**
     * Heap used after a full GC, before and after filling the structure, divided by the players. The ids and names
     * are made first and kept, so the index figure excludes them: the engine's index shares those strings with
     * the player records rather than copying them. Their own size is printed too.
     */
    private static void measureMemory() {
        long empty = usedAfterGc();
        BenchmarkPlayers players = new BenchmarkPlayers(42);
        long withPlayers = usedAfterGc();
        int n = BenchmarkPlayers.PLAYERS;
        long ringBytes = BenchmarkPlayers.RING * (4L + 4 + 8) + 3 * 16;
        long firstBytes = n * (4L + 8) + 2 * 16;
        long stringBytes = withPlayers - empty - ringBytes - firstBytes - 2 * (16 + 4L * n);

        Board board = new Board(AttemptGrading.LAST);
        long clock = BenchmarkPlayers.START_MS;
        for (int i = 0; i < n; i++) {
            board.record(players.ids[i], players.names[i], players.firstScores[i], players.firstDurations[i], ++clock);
        }
        long withIndex = usedAfterGc();

        Board average = new Board(AttemptGrading.AVERAGE);
        for (int i = 0; i < n; i++) {
            average.record(players.ids[i], players.names[i], players.firstScores[i], players.firstDurations[i],
                    ++clock);
        }
        long withAverage = usedAfterGc();

        Map<String, Finish> naive = new HashMap<>();
        for (int i = 0; i < n; i++) {
            naive.put(players.ids[i], new Finish(players.ids[i], players.names[i], players.firstScores[i],
                    players.firstDurations[i], ++clock));
        }
        long withNaive = usedAfterGc();

        System.out.printf("%nMemory, %,d players (heap used after System.gc(), deltas):%n", n);
        System.out.printf("  index (highest/first/last rule):  %6.1f bytes per entry%n",
                (double) (withIndex - withPlayers) / n);
        System.out.printf("  index (average rule, with sums):  %6.1f bytes per entry%n",
                (double) (withAverage - withIndex) / n);
        System.out.printf("  sort-on-read map (baseline):      %6.1f bytes per entry%n",
                (double) (withNaive - withAverage) / n);
        System.out.printf("  player id (UUID) + name strings:  %6.1f bytes per player, shared, not counted above%n",
                (double) stringBytes / n);
        System.out.printf("  (checks: %d, %d, %d entries)%n%n", board.size(), average.size(), naive.size());
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
