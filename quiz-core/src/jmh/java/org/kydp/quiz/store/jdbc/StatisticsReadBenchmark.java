package org.kydp.quiz.store.jdbc;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.stats.QuizStatistics;
import org.kydp.quiz.stats.StatsQuery;

/**
 * Reading the statistics of a quiz with a million finished attempts over 90 days ({@link MillionAttemptSums}), on
 * H2 (a file) and on PostgreSQL (embedded): all time, and the last 30 days. Target: under 50 ms. Run with
 * <pre>mvn -B -Pbench -pl quiz-core test-compile exec:exec -Dbench.main=org.kydp.quiz.store.jdbc.StatisticsBenchmarks</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StatisticsReadBenchmark {

    static final int ATTEMPTS = Integer.getInteger("bench.attempts", 1_000_000);

    @Param({"h2", "postgresql"})
    public String database;

    private JdbcStore store;
    private QuizEngine engine;
    private Quiz quiz;
    private StatsQuery lastMonth;

    @Setup(Level.Trial)
    public void fill() {
        store = JdbcStore.open(database.equals("h2") ? TestDatabases.newH2() : TestDatabases.newPostgres());
        engine = QuizEngine.builder().store(store).zone(ZoneId.of("Asia/Kolkata")).build();
        quiz = SampleQuizzes.catalogue();
        engine.publish(quiz);
        MillionAttemptSums.fill(store, quiz, ATTEMPTS, 42);
        LocalDate last = MillionAttemptSums.FIRST_DAY.atZone(ZoneId.of("Asia/Kolkata")).toLocalDate()
                .plusDays(MillionAttemptSums.DAYS - 1);
        lastMonth = StatsQuery.between(last.minusDays(29), last);
        QuizStatistics all = engine.statistics().quiz(quiz.id(), StatsQuery.all());
        if (all.finished() != ATTEMPTS) {
            throw new IllegalStateException("expected " + ATTEMPTS + " finished attempts, read " + all.finished());
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    public QuizStatistics allTime() {
        return engine.statistics().quiz(quiz.id(), StatsQuery.all());
    }

    @Benchmark
    public QuizStatistics last30Days() {
        return engine.statistics().quiz(quiz.id(), lastMonth);
    }
}
