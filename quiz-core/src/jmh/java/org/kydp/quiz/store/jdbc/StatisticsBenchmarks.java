package org.kydp.quiz.store.jdbc;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.RecordedAnswer;
import org.kydp.quiz.store.AttemptStore;
import org.kydp.quiz.store.LiveStore;
import org.kydp.quiz.store.PlayerStore;
import org.kydp.quiz.store.PollStore;
import org.kydp.quiz.store.PollVote;
import org.kydp.quiz.store.QuizStore;
import org.kydp.quiz.store.StatisticsStore;
import org.kydp.quiz.store.Store;
import org.kydp.quiz.store.Tally;

/**
 * The statistics' benchmarks: first the CPU time the running sums add to playing a quiz (whole plays through the
 * engine on an H2 file, {@link #THREADS} players at a time, with the sums and with a store that drops them, in
 * alternating rounds; process CPU time per play), then the JMH benchmark of reading them
 * ({@link StatisticsReadBenchmark}). Run with
 * <pre>mvn -B -Pbench -pl quiz-core test-compile exec:exec -Dbench.main=org.kydp.quiz.store.jdbc.StatisticsBenchmarks -Dbench.include=StatisticsReadBenchmark</pre>
 * (the second argument "none" skips the JMH part).
 */
public final class StatisticsBenchmarks {

    static final int THREADS = Integer.getInteger("bench.threads", 8);
    static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    private StatisticsBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String resultFile = args.length > 0 ? args[0] : "jmh-result.json";
        String include = args.length > 1 ? args[1] : "StatisticsReadBenchmark";
        measurePlayCost();
        if (!include.equals("none")) {
            new Runner(new OptionsBuilder().include(include).resultFormat(ResultFormatType.JSON)
                    .result(resultFile).build()).run();
            System.out.println("JMH results: " + resultFile);
        }
    }

    private static void measurePlayCost() throws Exception {
        System.out.printf(Locale.ROOT, "CPU time per play of the catalogue quiz (8 questions), H2 file, %d threads, "
                + "%d s per run, %d rounds, %d cores%n", THREADS, SECONDS, ROUNDS,
                Runtime.getRuntime().availableProcessors());
        double[] with = new double[ROUNDS];
        double[] without = new double[ROUNDS];
        cpuPerPlay(true, -1); // warms the JIT up for both: discarded
        for (int round = 0; round < ROUNDS; round++) {
            boolean withFirst = round % 2 == 0; // neither always runs first
            with[round] = withFirst ? cpuPerPlay(true, round) : 0;
            without[round] = cpuPerPlay(false, round);
            with[round] = withFirst ? with[round] : cpuPerPlay(true, round);
        }
        double w = median(with);
        double wo = median(without);
        System.out.printf(Locale.ROOT, "median: %.3f ms with the running sums, %.3f ms without: +%.1f%%%n",
                w, wo, 100 * (w - wo) / wo);
    }

    /** Process CPU milliseconds per whole play, over a timed run after a warm-up of the same length. */
    private static double cpuPerPlay(boolean sums, int round) throws Exception {
        try (JdbcStore jdbc = JdbcStore.open(TestDatabases.newH2().withPoolSize(THREADS + 2))) {
            Store store = sums ? jdbc : new WithoutSums(jdbc);
            QuizEngine engine = QuizEngine.builder().store(store).build();
            engine.publish(SampleQuizzes.catalogue());
            run(engine, SECONDS, round * 100 + 1000);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime();
            long plays = run(engine, SECONDS, round * 100 + 1050);
            double perPlay = (os.getProcessCpuTime() - cpu) / 1e6 / plays;
            System.out.printf(Locale.ROOT, "  %-9s %-16s %,8d plays, %.1f plays/s, %.3f ms CPU per play%n",
                    round < 0 ? "warm-up" : "round " + (round + 1), sums ? "with sums" : "without sums", plays, plays / (double) SECONDS, perPlay);
            return perPlay;
        }
    }

    private static long run(QuizEngine engine, int seconds, int seed) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong plays = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> players = new java.util.ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                players.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed * 1000L + thread);
                    while (System.nanoTime() < until) {
                        play(engine, random);
                        plays.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> player : players) {
                player.get();
            }
        } finally {
            pool.shutdown();
        }
        return plays.get();
    }

    private static void play(QuizEngine engine, SplittableRandom random) {
        String player = engine.registerPlayer("Player").player().id();
        String attempt = engine.startAttempt(player, "catalogue").id();
        QuestionView next;
        while ((next = engine.currentQuestion(player, attempt).orElse(null)) != null) {
            QuestionView question = next;
            List<String> choices = question.choices().stream().map(Question.Choice::id).toList();
            Answer answer = switch (question.type()) {
                case SINGLE_CHOICE, POLL -> new Answer.Choice(choices.get(random.nextInt(choices.size())));
                case MULTIPLE_RESPONSE -> new Answer.Choices(java.util.Set.of(choices.get(0)));
                case TRUE_FALSE -> new Answer.Bool(random.nextBoolean());
                case SHORT_TEXT -> new Answer.Text(random.nextBoolean() ? "Shanti" : "typo " + random.nextInt(50));
                case NUMERIC -> new Answer.Number(1900 + random.nextInt(50));
                case ORDERING -> new Answer.Order(choices);
                case MATCHING -> {
                    java.util.Map<String, String> pairs = new java.util.HashMap<>();
                    question.left().forEach(l -> pairs.put(l.id(), question.right().get(0).id()));
                    yield new Answer.Pairs(pairs);
                }
            };
            engine.answer(player, attempt, question.id(), answer);
        }
        engine.finish(player, attempt);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    }

    /** The store with its attempt writes counting nothing in the statistics: the baseline. */
    private record WithoutSums(JdbcStore store) implements Store {
        @Override
        public QuizStore quizzes() {
            return store.quizzes();
        }

        @Override
        public PlayerStore players() {
            return store.players();
        }

        @Override
        public PollStore polls() {
            return store.polls();
        }

        @Override
        public LiveStore live() {
            return store.live();
        }

        @Override
        public StatisticsStore statistics() {
            return store.statistics();
        }

        @Override
        public void addListener(org.kydp.quiz.store.StoreListener listener) {
            store.addListener(listener);
        }

        @Override
        public AttemptStore attempts() {
            AttemptStore attempts = store.attempts();
            return new AttemptStore() {
                @Override
                public boolean create(Attempt attempt, int allowed, Tally started) {
                    return attempts.create(attempt, allowed, Tally.nothing(attempt));
                }

                @Override
                public void markServed(Attempt attempt, String questionId, Instant at) {
                    attempts.markServed(attempt, questionId, at);
                }

                @Override
                public void recordAnswer(Attempt attempt, RecordedAnswer answer, PollVote vote) {
                    attempts.recordAnswer(attempt, answer, vote);
                }

                @Override
                public boolean finish(Attempt attempt, Instant finishedAt, Tally finished) {
                    return attempts.finish(attempt, finishedAt, Tally.nothing(attempt));
                }

                @Override
                public Optional<Attempt> find(String attemptId) {
                    return attempts.find(attemptId);
                }

                @Override
                public Optional<Attempt> findCurrent(String attemptId) {
                    return attempts.findCurrent(attemptId);
                }

                @Override
                public int countFor(String playerId, String quizId) {
                    return attempts.countFor(playerId, quizId);
                }

                @Override
                public boolean existsForQuiz(String quizId) {
                    return attempts.existsForQuiz(quizId);
                }

                @Override
                public List<Attempt> finished(String quizId) {
                    return attempts.finished(quizId);
                }

                @Override
                public void forEachFinished(Consumer<Attempt> visitor) {
                    attempts.forEachFinished(visitor);
                }

                @Override
                public void forEachFinishedResult(PlayerStore players,
                                                  Consumer<org.kydp.quiz.store.FinishedResult> visitor) {
                    attempts.forEachFinishedResult(players, visitor);
                }
            };
        }
    }
}
