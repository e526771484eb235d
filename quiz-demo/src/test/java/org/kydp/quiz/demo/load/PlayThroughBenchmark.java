package org.kydp.quiz.demo.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The HTTP play-through benchmark (README, "Benchmarks"). Not a test, never part of {@code mvn verify}:
 * <pre>
 * mvn -B -Pbench-http -DskipTests package
 * </pre>
 * It starts the packaged demo ({@code quiz-demo.jar}) in a child JVM, times its start on a fresh and on an existing
 * data directory, then drives it with N concurrent virtual players on 127.0.0.1 (whole plays, see
 * {@link PlayWorkload}) on durable H2 and on an embedded PostgreSQL (default {@code fsync}), and measures the
 * framework's ceiling the same way: {@link BareJavalinServer} in a child JVM with the same settings, one JSON
 * endpoint, the same generator and concurrency. Prints plays/s, requests/s, p50/p99/max, errors, the ratio of play
 * requests/s to bare requests/s, and the load average of the machine, and writes them to
 * {@code target/bench/http-playthrough.md}.
 *
 * <p>System properties: {@code bench.players} (64), {@code bench.warmup} (60 s: on 2 cores the JIT compiler is
 * still busy after 20), {@code bench.measure} (30 s), {@code bench.rounds} (2), {@code bench.databases}
 * ({@code h2,postgres}), {@code bench.jvm} (the server JVMs' options, {@code -Xmx256m}), {@code bench.jfr}
 * ({@code true}: a JFR recording of each server, in {@code target/bench/}), {@code demo.jar}, {@code bench.dir}.
 */
public final class PlayThroughBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READY = "kydp-quiz demo is running";

    private final Path jar;
    private final Path dir;
    private final List<String> jvm;
    private final boolean jfr;
    private final int players;
    private final double warmup;
    private final double measure;
    private final List<String> lines = new ArrayList<>();
    private final List<String> kindTable = new ArrayList<>(List.of(
            "| round | server | request | measured | p50 | p99 | max |", "| --- | --- | --- | ---: | ---: | ---: | ---: |"));

    private PlayThroughBenchmark() {
        jar = Path.of(System.getProperty("demo.jar", "quiz-demo/target/quiz-demo.jar")).toAbsolutePath();
        dir = Path.of(System.getProperty("bench.dir", "quiz-demo/target/bench")).toAbsolutePath();
        jvm = Arrays.stream(System.getProperty("bench.jvm", "-Xmx256m").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        jfr = Boolean.getBoolean("bench.jfr");
        players = Integer.getInteger("bench.players", 64);
        warmup = Double.parseDouble(System.getProperty("bench.warmup", "60"));
        measure = Double.parseDouble(System.getProperty("bench.measure", "30"));
    }

    public static void main(String[] args) throws Exception {
        new PlayThroughBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(dir);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no demo jar at " + jar + ": build it first (mvn -B -DskipTests package)");
        }
        int rounds = Integer.getInteger("bench.rounds", 2);
        List<String> databases = List.of(System.getProperty("bench.databases", "h2,postgres").split(","));
        say("# HTTP play-through benchmark, " + Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC");
        say("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.runtime.version") + "; server JVMs: " + String.join(" ", jvm)
                + "; " + players + " players, " + fmt(warmup) + " s warm-up + " + fmt(measure) + " s measured");

        // Start-up: fresh data directory, then the same directory again.
        Path h2Data = Files.createTempDirectory(dir, "h2-data-");
        for (String which : List.of("fresh", "existing")) {
            Child demo = startDemo("startup-" + which, Map.of("QUIZ_DATA_DIR", h2Data.toString()));
            say(String.format(Locale.ROOT, "start-up (H2, %s data directory): %d ms from java -jar to \"%s\"",
                    which, demo.readyMillis, READY));
            demo.stop();
        }

        EmbeddedPostgres postgres = null;
        if (databases.contains("postgres")) {
            postgres = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory(dir, "pg-"))
                    .setCleanDataDirectory(true).start();
            say("PostgreSQL: embedded (io.zonky.test), default fsync and synchronous_commit");
        }
        List<String> table = new ArrayList<>();
        table.add("| round | server | load avg (1 min) before → after | requests/s | plays/s | p50 | p99 | max | errors | ratio to bare |");
        table.add("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        List<String> cpuTable = new ArrayList<>();
        cpuTable.add("| round | server | CPU per request, all threads | request threads | group commit | garbage "
                + "collector | JIT compiler | other |");
        cpuTable.add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        try {
            for (int round = 1; round <= rounds; round++) {
                LoadRun.Result bare = measureBare(round, table, cpuTable);
                for (String database : databases) {
                    Map<String, String> env = new HashMap<>();
                    if (database.equals("h2")) {
                        env.put("QUIZ_DATA_DIR", h2Data.toString());
                    } else if (database.equals("postgres")) {
                        String name = "quiz_bench_" + round;
                        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                             Statement statement = connection.createStatement()) {
                            statement.execute("CREATE DATABASE " + name);
                        }
                        env.put("QUIZ_DB_URL", postgres.getJdbcUrl("postgres", name));
                        env.put("QUIZ_DB_USER", "postgres");
                    } else {
                        throw new IllegalArgumentException("unknown database " + database);
                    }
                    Child demo = startDemo(database + "-" + round, env);
                    say("demo on " + database + " ready in " + demo.readyMillis + " ms");
                    double before = loadAverage();
                    LoadRun.Result play;
                    try {
                        play = measured(round, database, demo, new PlayWorkload(quizzes(demo.port)), cpuTable);
                    } finally {
                        demo.stop();
                    }
                    report(round, play, before, loadAverage(), bare, table);
                }
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
        say("");
        table.forEach(this::say);
        say("");
        cpuTable.forEach(this::say);
        say("");
        kindTable.forEach(this::say);
        say("");
        say("p50/p99/max are per request, in ms; plays/s are whole plays (register, start, every question fetched and"
                + " answered, finish, leaderboard) ended in the measured period; errors are non-2xx responses and"
                + " I/O errors; ratio = play requests/s ÷ bare Javalin requests/s of the same round. CPU per request:"
                + " the server process's CPU time (user + system, from /proc) in the measured period ÷ the requests"
                + " served, in µs, by kind of thread; waiting for a core does not count, so these figures hold on a"
                + " busy machine, and bare ÷ play is the ratio the two servers would reach with the cores to"
                + " themselves.");
        Files.write(dir.resolve("http-playthrough.md"), lines, StandardCharsets.UTF_8);
    }

    private LoadRun.Result measureBare(int round, List<String> table, List<String> cpuTable) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions("bare-" + round));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BareJavalinServer.class.getName(),
                String.valueOf(port)));
        Child bare = start("bare-" + round, command, Map.of(), port);
        double before = loadAverage();
        LoadRun.Result result;
        try {
            result = measured(round, "bare Javalin", bare, player -> player.send("GET", "/bare", null, null) != null,
                    cpuTable);
        } finally {
            bare.stop();
        }
        report(round, result, before, loadAverage(), null, table);
        return result;
    }

    private void report(int round, LoadRun.Result result, double before, double after, LoadRun.Result bare,
                        List<String> table) {
        String ratio = bare == null ? "" : String.format(Locale.ROOT, "%.2f",
                result.requestsPerSecond() / bare.requestsPerSecond());
        String plays = bare == null ? "" : String.format(Locale.ROOT, "%.1f", result.iterationsPerSecond());
        String row = String.format(Locale.ROOT, "| %d | %s | %.2f → %.2f | %,.0f | %s | %.1f ms | %.1f ms | %.1f ms | %d | %s |",
                round, result.name(), before, after, result.requestsPerSecond(), plays, result.p50Micros() / 1000.0,
                result.p99Micros() / 1000.0, result.maxMicros() / 1000.0, result.errors(), ratio);
        table.add(row);
        say(row + (result.warmupErrors() > 0 ? " (warm-up errors: " + result.warmupErrors() + ")" : ""));
        if (bare != null) {
            result.byKind().forEach((kind, latencies) -> {
                String line = String.format(Locale.ROOT, "| %d | %s | %s | %,d | %.1f ms | %.1f ms | %.1f ms |",
                        round, result.name(), kind, latencies.count(), latencies.p50Micros() / 1000.0,
                        latencies.p99Micros() / 1000.0, latencies.maxMicros() / 1000.0);
                kindTable.add(line);
                say("    " + line);
            });
        }
        result.sampleErrors().forEach(sample -> say("    error: " + sample));
    }

    private List<String> quizzes(int port) throws IOException {
        HttpConnection http = new HttpConnection("127.0.0.1", port);
        try {
            JsonNode items = JSON.readTree(http.send("GET", "/api/v1/quizzes?limit=100", null, null).body()).get("items");
            List<String> ids = new ArrayList<>();
            items.forEach(item -> ids.add(item.get("id").asText()));
            return ids;
        } finally {
            http.close();
        }
    }

    private Child startDemo(String name, Map<String, String> extraEnv) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(name));
        command.addAll(List.of("-jar", jar.toString()));
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("QUIZ_PORT", String.valueOf(port));
        env.put("QUIZ_RATE_LIMIT_PER_MINUTE", "0");
        env.put("QUIZ_ADMIN_TOKEN", "bench-admin-token-not-secret");
        return start(name, command, env, port);
    }

    private List<String> jvmOptions(String name) {
        List<String> options = new ArrayList<>(jvm);
        if (jfr && !name.startsWith("startup")) {
            options.add("-XX:FlightRecorderOptions=stackdepth=256");
            options.add("-XX:StartFlightRecording=filename=" + dir.resolve(name + ".jfr") + ",settings=profile");
        }
        return options;
    }

    /** Runs the load on the server and adds its CPU time per request, by kind of thread, to the CPU table. */
    private LoadRun.Result measured(int round, String name, Child server, LoadRun.Workload workload,
                                    List<String> cpuTable) throws Exception {
        long pid = server.process().pid();
        long warmupMillis = Math.round(warmup * 1000);
        long measureMillis = Math.round(measure * 1000);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            ScheduledFuture<ServerCpu> atStart = timer.schedule(() -> ServerCpu.of(pid), warmupMillis,
                    TimeUnit.MILLISECONDS);
            ScheduledFuture<ServerCpu> atEnd = timer.schedule(() -> ServerCpu.of(pid), warmupMillis + measureMillis,
                    TimeUnit.MILLISECONDS);
            LoadRun.Result result = new LoadRun(players).run(name, server.port(), warmup, measure, workload);
            Map<String, Double> millis = atEnd.get().millisSince(atStart.get());
            double requests = Math.max(1, result.requests());
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d | %s |", round, name));
            for (String kind : List.of("all", "request threads", "group commit", "garbage collector", "JIT compiler",
                    "other")) {
                row.append(String.format(Locale.ROOT, " %.0f µs |", millis.getOrDefault(kind, 0.0) * 1000 / requests));
            }
            cpuTable.add(row.toString());
            say(row.toString());
            return result;
        } finally {
            timer.shutdownNow();
        }
    }

    private Child start(String name, List<String> command, Map<String, String> env, int port) throws Exception {
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("QUIZ_"));
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        long deadline = started + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            if (Files.readString(log, StandardCharsets.UTF_8).contains(READY)) {
                break;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not start; see " + log);
            }
            Thread.sleep(2);
        }
        return new Child(process, port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private record Child(Process process, int port, long readyMillis) {
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    private void say(String line) {
        System.out.println(line);
        System.out.flush();
        lines.add(line);
    }

    static {
        // keep the embedded PostgreSQL quiet unless something goes wrong
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
    }
}
