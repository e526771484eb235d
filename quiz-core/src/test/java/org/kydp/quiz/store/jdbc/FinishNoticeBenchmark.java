package org.kydp.quiz.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Answer;

/**
 * How soon a finish made through one server is on another server's leaderboard: two engines, each with its own store,
 * on one PostgreSQL database (embedded, default {@code fsync}), as two servers have them. Players finish attempts on
 * server A; the time from A's {@code finish} returning to B's engine telling its finish listeners (which it does once
 * the finish is on B's leaderboards) is recorded for each. Not a test: run it with
 *
 * <pre>mvn -B -pl quiz-core -Pbench-finish-notice test-compile exec:java</pre>
 *
 * ({@code bench.finishes} and {@code bench.players}, the players finishing at once, change the load).
 */
public final class FinishNoticeBenchmark {

    private static final int FINISHES = Integer.getInteger("bench.finishes", 2_000);
    private static final int PLAYERS = Integer.getInteger("bench.players", 16);

    private FinishNoticeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "Finish notice benchmark: %d finishes by %d players at once; %d cores, Java %s%n",
                FINISHES, PLAYERS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            JdbcConfig config = JdbcConfig.of(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
            try (JdbcStore storeA = JdbcStore.open(config); JdbcStore storeB = JdbcStore.open(config)) {
                QuizEngine a = QuizEngine.builder().store(storeA).build();
                QuizEngine b = QuizEngine.builder().store(storeB).build();
                a.publish(SampleQuizzes.helplines());
                run(a, b, FINISHES / 4, "warm-up");
                run(a, b, FINISHES, "measured");
            }
        }
    }

    private static void run(QuizEngine a, QuizEngine b, int finishes, String label) throws Exception {
        Map<String, Long> finishedOnA = new ConcurrentHashMap<>();
        Map<String, Long> heardOnB = new ConcurrentHashMap<>();
        CountDownLatch allHeard = new CountDownLatch(finishes);
        b.onAttemptFinished(attempt -> {
            if (heardOnB.putIfAbsent(attempt.id(), System.nanoTime()) == null) {
                allHeard.countDown();
            }
        });
        ExecutorService players = Executors.newFixedThreadPool(PLAYERS);
        List<Future<?>> plays = new ArrayList<>();
        for (int p = 0; p < PLAYERS; p++) {
            int share = finishes / PLAYERS + (p < finishes % PLAYERS ? 1 : 0);
            String player = a.registerPlayer("Player " + p).player().id();
            plays.add(players.submit(() -> {
                for (int i = 0; i < share; i++) {
                    String attempt = a.startAttempt(player, "helplines").id();
                    a.currentQuestion(player, attempt);
                    a.answer(player, attempt, "emergency", new Answer.Choice("b"));
                    a.finish(player, attempt);
                    finishedOnA.put(attempt, System.nanoTime());
                }
                return null;
            }));
        }
        for (Future<?> play : plays) {
            play.get();
        }
        players.shutdown();
        boolean complete = allHeard.await(60, TimeUnit.SECONDS);
        long[] delays = finishedOnA.entrySet().stream()
                .filter(finish -> heardOnB.containsKey(finish.getKey()))
                .mapToLong(finish -> Math.max(0, heardOnB.get(finish.getKey()) - finish.getValue()))
                .sorted().toArray();
        System.out.printf(Locale.ROOT, "%-9s %d finishes, %d heard on B%s; A's finish returned -> on B's "
                        + "leaderboard: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", label,
                finishedOnA.size(), delays.length, complete ? "" : " (some never heard: see above)",
                millis(delays, 0.50), millis(delays, 0.90), millis(delays, 0.99), millis(delays, 1.0));
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

}
