package org.kydp.quiz.leaderboard;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.kydp.quiz.leaderboard.internal.Board;
import org.kydp.quiz.leaderboard.internal.QuizBoards;
import org.kydp.quiz.model.AttemptGrading;
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
 * The leaderboard index over a million ranked players. Updates use the "last" rule, so every finish replaces the
 * player's key (one remove and one insert in the tree) rather than being ignored as a worse attempt would be.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseTransparentHugePages"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class IndexBenchmark {

    private BenchmarkPlayers players;
    private Board board;
    private QuizBoards quizBoards;
    private int next;
    private long clockMs;

    @Setup(Level.Trial)
    public void fill() {
        players = new BenchmarkPlayers(42);
        board = new Board(AttemptGrading.LAST);
        quizBoards = new QuizBoards(AttemptGrading.LAST, ZoneId.of("Asia/Kolkata"));
        clockMs = BenchmarkPlayers.START_MS;
        for (int i = 0; i < BenchmarkPlayers.PLAYERS; i++) {
            board.record(players.ids[i], players.names[i], players.firstScores[i], players.firstDurations[i],
                    ++clockMs);
        }
    }

    private int nextIndex() {
        return next++ & (BenchmarkPlayers.RING - 1);
    }

    /** One finished attempt recorded in one (quiz, window) index. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void update() {
        int i = nextIndex();
        int p = players.player[i];
        board.record(players.ids[p], players.names[p], players.score[i], players.duration[i], ++clockMs);
    }

    /**
     * One finished attempt as the engine records it: in the all-time, day and week indexes of its quiz. These
     * start empty and grow to the million players during warm-up.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void updateAllWindows() {
        int i = nextIndex();
        int p = players.player[i];
        Instant finish = Instant.ofEpochMilli(++clockMs);
        quizBoards.record(null, players.ids[p], players.names[p], players.score[i], players.duration[i], finish,
                finish); // the last grade keeps no attempt ids
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int rankOfPlayer() {
        return board.rankOf(players.ids[players.player[nextIndex()]]);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public LeaderboardPage top10() {
        return board.page("q", 10, 0);
    }

    /** A page of 10 deep in the board, at a random offset. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public LeaderboardPage pageAtRandomOffset() {
        return board.page("q", 10, players.player[nextIndex()]);
    }

    /** A player's rank, total, percentile and 5 neighbours either side. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Optional<AroundMe> aroundMe() {
        return board.around("q", players.ids[players.player[nextIndex()]], 5);
    }
}
