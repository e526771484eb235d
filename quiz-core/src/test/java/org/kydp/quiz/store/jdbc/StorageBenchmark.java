package org.kydp.quiz.store.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionInfo;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.RecordedAnswer;
import org.kydp.quiz.model.TrueFalse;

/**
 * Durable answer writes per second, with group commit and with one transaction per answer, on H2 (a file,
 * {@code WRITE_DELAY=0}) and on PostgreSQL (embedded, default {@code fsync} and {@code synchronous_commit}), in
 * one run. Each of {@link #WRITERS} threads records answers through {@code AttemptStore.recordAnswer}, as
 * concurrent requests would; each configuration is warmed up, then measured. Not a test: run it with
 *
 * <pre>mvn -B -pl quiz-core -Pbench-storage test-compile exec:java</pre>
 *
 * (system properties {@code bench.writers}, {@code bench.warmupSeconds}, {@code bench.seconds} and
 * {@code bench.rounds} change the load). Each round runs every configuration once, so that a disk that is slow
 * for a while shows in one round rather than in one configuration.
 */
public final class StorageBenchmark {

    static final int WRITERS = Integer.getInteger("bench.writers", 32);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 3);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final int QUESTIONS = 100;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private StorageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "Storage benchmark: %d writers, %d s warm-up, %d s measured, %d rounds; "
                        + "%d cores, %s, Java %s%n", WRITERS, WARMUP_SECONDS, SECONDS, ROUNDS,
                Runtime.getRuntime().availableProcessors(), cpu(), System.getProperty("java.version"));
        List<String> rows = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            for (int round = 1; round <= ROUNDS; round++) {
                String r = " (round " + round + ")";
                rows.add(run("H2 file, WRITE_DELAY=0" + r, "group commit",
                        JdbcConfig.h2(Files.createTempDirectory("bench-h2-group"))));
                rows.add(run("H2 file, WRITE_DELAY=0" + r, "transaction per answer",
                        JdbcConfig.h2(Files.createTempDirectory("bench-h2-each")).withGroupCommit(false)));
                rows.add(run("H2 file, WRITE_DELAY=500, not durable" + r, "transaction per answer",
                        JdbcConfig.of("jdbc:h2:file:" + Files.createTempDirectory("bench-h2-delay").resolve("quiz")
                                + ";WRITE_DELAY=500", "sa", "").withGroupCommit(false)));
                rows.add(run("PostgreSQL 14, fsync on" + r, "group commit",
                        database(postgres, "bench_group_" + round)));
                rows.add(run("PostgreSQL 14, fsync on" + r, "transaction per answer",
                        database(postgres, "bench_each_" + round).withGroupCommit(false)));
            }
        }
        System.out.println();
        System.out.println("| database | commit | answers/s | answers per transaction |");
        System.out.println("| --- | --- | ---: | ---: |");
        rows.forEach(System.out::println);
    }

    private static JdbcConfig database(EmbeddedPostgres postgres, String name) throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return JdbcConfig.of(postgres.getJdbcUrl("postgres", name), "postgres", null).withPoolSize(WRITERS + 2);
    }

    private static String run(String database, String commit, JdbcConfig config) throws Exception {
        try (JdbcStore store = JdbcStore.open(config.withPoolSize(WRITERS + 2))) {
            Quiz quiz = quiz();
            store.quizzes().save(quiz);
            store.players().add(new Player("bench", "Bench", "bench-token-hash", T0));
            AtomicBoolean measuring = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong answers = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            CountDownLatch ready = new CountDownLatch(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    ready.countDown();
                    int attempt = 0;
                    while (!stop.get()) {
                        String attemptId = "w" + writer + "-" + attempt++;
                        Attempt current = Attempt.start(attemptId, quiz.id(), 1, "bench", attempt,
                                quiz.questions().stream().map(Question::id).toList(), T0, null);
                        store.attempts().create(current);
                        for (int q = 0; q < QUESTIONS && !stop.get(); q++) {
                            RecordedAnswer answer = new RecordedAnswer("q" + q, new Answer.Bool(q % 2 == 0),
                                    q % 2 == 0, 10, 0, T0.plusMillis(q));
                            store.attempts().recordAnswer(current, answer);
                            current = current.answered(answer);
                            if (measuring.get()) {
                                answers.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            ready.await();
            Thread.sleep(WARMUP_SECONDS * 1000L);
            boolean grouped = store.groupCommitTransactions() >= 0;
            long transactionsBefore = store.groupCommitTransactions();
            long start = System.nanoTime();
            measuring.set(true);
            Thread.sleep(SECONDS * 1000L);
            measuring.set(false);
            long elapsed = System.nanoTime() - start;
            long counted = answers.get();
            long transactions = store.groupCommitTransactions() - transactionsBefore;
            stop.set(true);
            for (Future<?> writer : writers) {
                writer.get();
            }
            pool.shutdown();
            double perSecond = counted * 1e9 / elapsed;
            String perTransaction = !grouped ? "1"
                    : String.format(Locale.ROOT, "%.1f", (double) counted / Math.max(1, transactions));
            String row = String.format(Locale.ROOT, "| %s | %s | %,.0f | %s |", database, commit, perSecond,
                    perTransaction);
            System.out.println(row);
            return row;
        }
    }

    private static Quiz quiz() {
        List<Question> questions = new ArrayList<>();
        for (int q = 0; q < QUESTIONS; q++) {
            questions.add(new TrueFalse(QuestionInfo.of("q" + q, LocalizedText.en("Statement " + q), 10), q % 2 == 0));
        }
        return new Quiz("bench", 1, "en", List.of("en"), LocalizedText.en("Benchmark"), null, List.of(),
                QuizRules.defaults(), questions);
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
