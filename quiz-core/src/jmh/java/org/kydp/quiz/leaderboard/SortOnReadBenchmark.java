package org.kydp.quiz.leaderboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.kydp.quiz.leaderboard.SortOnReadLeaderboard.Finish;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baseline: the leaderboard the index replaced, which keeps each player's graded finish in a map (an update is
 * a put) and sorts all of them on every read, as SortingLeaderboard did. A million players.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseTransparentHugePages"})
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(1)
public class SortOnReadBenchmark {

    private BenchmarkPlayers players;
    private final Map<String, Finish> latest = new HashMap<>();
    private int next;
    private long clockMs;

    @Setup(Level.Trial)
    public void fill() {
        players = new BenchmarkPlayers(42);
        clockMs = BenchmarkPlayers.START_MS;
        for (int i = 0; i < BenchmarkPlayers.PLAYERS; i++) {
            latest.put(players.ids[i], new Finish(players.ids[i], players.names[i], players.firstScores[i],
                    players.firstDurations[i], ++clockMs));
        }
    }

    private int nextIndex() {
        return next++ & (BenchmarkPlayers.RING - 1);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Finish update() {
        int i = nextIndex();
        int p = players.player[i];
        return latest.put(players.ids[p], new Finish(players.ids[p], players.names[p], players.score[i],
                players.duration[i], ++clockMs));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int rankOfPlayer() {
        return SortOnReadLeaderboard.rankOf(ranked(), players.ids[players.player[nextIndex()]]);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public LeaderboardPage top10() {
        return SortOnReadLeaderboard.page(ranked(), "q", 10, 0);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Optional<AroundMe> aroundMe() {
        return SortOnReadLeaderboard.around(ranked(), "q", players.ids[players.player[nextIndex()]], 5);
    }

    private List<LeaderboardEntry> ranked() {
        return SortOnReadLeaderboard.rank(latest.values());
    }
}
