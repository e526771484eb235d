package org.kydp.quiz.store.jdbc;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.kydp.quiz.QuizEngine;

/**
 * How large the H2 file grows under continuous plays, with and without {@link H2Compaction}. {@link #PLAYERS}
 * threads play whole games through {@link QuizEngine} on a {@link JdbcStore} on an H2 file ({@link Plays}: about 49
 * statements a play, as over HTTP) for {@link #MINUTES} minutes; every {@link #SAMPLE_SECONDS} seconds the size of
 * the file is taken. At the end the load stops and a copy of the file is compacted ({@code SHUTDOWN COMPACT}).
 * Not a test: run it with
 *
 * <pre>mvn -B -pl quiz-core -Pbench-h2-size test-compile exec:java</pre>
 *
 * and {@code -Dbench.compaction=false} for H2 alone ({@code bench.minutes}, {@code bench.players} and
 * {@code bench.sampleSeconds} change the run). Each sample's ratio compares the file with what the compacted copy
 * holds for that many plays: the empty database's compacted size plus the end's compacted bytes per play (a play
 * writes the same rows every time). The cost shows as plays per second and, less disturbed by other work on the
 * machine, as the process's CPU time per play and the compaction thread's share of it.
 */
public final class H2FileSizeBenchmark {

    static final double MINUTES = Double.parseDouble(System.getProperty("bench.minutes", "10"));
    static final int PLAYERS = Integer.getInteger("bench.players", 64);
    static final int SAMPLE_SECONDS = Integer.getInteger("bench.sampleSeconds", 10);
    static final boolean COMPACTION = Boolean.parseBoolean(System.getProperty("bench.compaction", "true"));

    private static final String COMPACTION_THREAD = "kydp-quiz-h2-compaction";
    private static final String COMMITTER_THREAD = "kydp-quiz-group-commit";

    private H2FileSizeBenchmark() {
    }

    /** The file's size at one moment of the run. */
    private record Sample(double seconds, long plays, long bytes, String loadAverage) {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("bench-h2-size");
        JdbcConfig config = JdbcConfig.h2(directory).withPoolSize(PLAYERS + 2).withH2Compaction(COMPACTION);
        System.out.printf(Locale.ROOT, "H2 file size benchmark: compaction %s, %d players, %.1f min, a sample every "
                        + "%d s; %d cores, Java %s, load average %s%n  %s%n", COMPACTION ? "on" : "off", PLAYERS,
                MINUTES, SAMPLE_SECONDS, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadAverage(), config.effectiveUrl());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Sample> samples = new ArrayList<>();
        long plays;
        double seconds;
        long cpuNanos;
        long compactionNanos;
        long committerNanos;
        long live;
        long emptyCompacted;
        long compacted;
        long compactSeconds;
        try (JdbcStore store = JdbcStore.open(config)) {
            QuizEngine engine = QuizEngine.builder().store(store).build();
            engine.publish(Plays.quiz());
            emptyCompacted = H2FileSize.compacted(store);
            AtomicLong played = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(PLAYERS);
            List<Future<?>> players = new ArrayList<>();
            long cpuBefore = processCpuNanos();
            long compactionBefore = threadCpuNanos(threads, COMPACTION_THREAD);
            long committerBefore = threadCpuNanos(threads, COMMITTER_THREAD);
            long start = System.nanoTime();
            for (int p = 0; p < PLAYERS; p++) {
                int player = p;
                players.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(player);
                    for (long n = 0; !stop.get(); n++) {
                        Plays.play(engine, "Player " + player + "-" + n, random);
                        played.incrementAndGet();
                    }
                    return null;
                }));
            }
            long end = start + (long) (MINUTES * 60e9);
            for (long next = start + SAMPLE_SECONDS * 1_000_000_000L; next <= end;
                 next += SAMPLE_SECONDS * 1_000_000_000L) {
                sleepUntil(next);
                Sample sample = new Sample((System.nanoTime() - start) / 1e9, played.get(),
                        H2FileSize.live(directory), loadAverage());
                samples.add(sample);
                System.out.printf(Locale.ROOT, "%6.0f s %,9d plays %,15d bytes %,8d bytes/play  load %s%n",
                        sample.seconds(), sample.plays(), sample.bytes(), sample.bytes() / Math.max(1, sample.plays()),
                        sample.loadAverage());
            }
            sleepUntil(end);
            stop.set(true);
            for (Future<?> player : players) {
                player.get();
            }
            pool.shutdown();
            seconds = (System.nanoTime() - start) / 1e9;
            plays = played.get();
            cpuNanos = processCpuNanos() - cpuBefore;
            compactionNanos = threadCpuNanos(threads, COMPACTION_THREAD) - compactionBefore;
            committerNanos = threadCpuNanos(threads, COMMITTER_THREAD) - committerBefore;
            live = H2FileSize.live(directory);
            long compactStart = System.nanoTime();
            compacted = H2FileSize.compacted(store);
            compactSeconds = (System.nanoTime() - compactStart) / 1_000_000_000L;
        }
        long closed = H2FileSize.live(directory);
        double compactedPerPlay = (double) (compacted - emptyCompacted) / plays;
        double maxRatio = 0;
        double maxRatioAfterAMinute = 0;
        System.out.printf(Locale.ROOT, "%nthe empty database compacts to %,d bytes, a play to %,.0f more; live/compacted:%n",
                emptyCompacted, compactedPerPlay);
        for (Sample sample : samples) {
            double ratio = sample.bytes() / (emptyCompacted + compactedPerPlay * sample.plays());
            maxRatio = Math.max(maxRatio, ratio);
            if (sample.seconds() > 60) {
                maxRatioAfterAMinute = Math.max(maxRatioAfterAMinute, ratio);
            }
            System.out.printf(Locale.ROOT, "%.0f s %.2f%s", sample.seconds(), ratio,
                    samples.indexOf(sample) % 10 == 9 ? "\n" : "; ");
        }
        System.out.printf(Locale.ROOT, "%nplays %,d in %.0f s: %.1f plays/s; CPU %,.0f µs a play: the group commit thread "
                        + "%,.0f µs, the compaction thread %,.0f µs (%.1f%%)%nfile %,d bytes, compacted %,d (%d s to compact the copy), after close %,d; "
                        + "load average %s%n", plays, seconds, plays / seconds, cpuNanos / 1e3 / plays,
                committerNanos / 1e3 / plays, compactionNanos / 1e3 / plays,
                100.0 * compactionNanos / Math.max(1, cpuNanos), live, compacted, compactSeconds, closed,
                loadAverage());
        System.out.println();
        System.out.println("| compaction | minutes | plays | plays/s | bytes/play, live | bytes/play, compacted "
                + "| live/compacted, end | max | max after 1 min | CPU/play | compaction CPU |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        System.out.printf(Locale.ROOT, "| %s | %.1f | %,d | %.1f | %,d | %,d | %.2f | %.2f | %.2f | %,.0f µs | %.1f%% |%n",
                COMPACTION ? "on" : "off", seconds / 60, plays, plays / seconds, live / plays, compacted / plays,
                (double) live / compacted, maxRatio, maxRatioAfterAMinute, cpuNanos / 1e3 / plays,
                100.0 * compactionNanos / Math.max(1, cpuNanos));
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long threadCpuNanos(ThreadMXBean threads, String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(name))
                .mapToLong(thread -> Math.max(0, threads.getThreadCpuTime(thread.getId())))
                .sum();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
