package org.kydp.quiz.demo.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
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
 * <p>It runs in phases ({@code bench.phases}, default {@code startup,play,memory,idle}):
 * <ul>
 *   <li>{@code startup}: the demo's start on a fresh and on an existing data directory;</li>
 *   <li>{@code play}: per round, the bare server, then the demo on each database under {@code bench.players}; on
 *   H2 the same server then takes a crowd of {@code bench.crowd} players (closed loop, no think time), and the H2
 *   file is sampled every 10 s in the measured period of the first load, then compacted in a copy
 *   ({@link DatabaseFileSize}). Each load also records the server's garbage collections ({@link GcLog}) and the
 *   CPU time the load generator itself spent per request;</li>
 *   <li>{@code memory}: live heap retained per idle keep-alive connection and per attempt in progress
 *   ({@link MemoryRound});</li>
 *   <li>{@code idle}: {@code bench.idle.connections} idle keep-alive connections held open while
 *   {@code bench.idle.players} players play, each idle one answering one more request at the end;</li>
 *   <li>{@code dbsize} (not by default): {@code bench.dbsize.minutes} of load on a fresh H2 file, sampled every
 *   10 s, then compacted;</li>
 *   <li>{@code header-cache} (not by default): the bare server and the demo with each of
 *   {@code bench.headerCacheSizes}, alternately, under {@code bench.players}.</li>
 * </ul>
 *
 * <p>System properties: {@code bench.players} (64), {@code bench.warmup} (60 s: on 2 cores the JIT compiler is
 * still busy after 20), {@code bench.measure} (30 s), {@code bench.rounds} (2), {@code bench.databases}
 * ({@code h2,postgres}), {@code bench.crowd} (2000; 0 for none), {@code bench.crowd.warmup} (30 s),
 * {@code bench.memory.connections} and {@code bench.memory.attempts} (2000), {@code bench.idle.connections}
 * (10000), {@code bench.idle.players} (64), {@code bench.dbsize.minutes} (10), {@code bench.headerCacheSizes}
 * ({@code 0,64,1024}), {@code bench.jvm} (the server JVMs' options, {@code -Xmx256m}), {@code bench.jfr}
 * ({@code true}: a JFR recording of each server, in {@code target/bench/}), {@code demo.jar}, {@code bench.dir}.
 */
public final class PlayThroughBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READY = "kydp-quiz demo is running";
    private static final Duration FILE_SAMPLES = Duration.ofSeconds(10);

    private final Path jar;
    private final Path dir;
    private final List<String> jvm;
    private final boolean jfr;
    private final int players;
    private final double warmup;
    private final double measure;
    private final List<String> phases;
    private final List<String> lines = new ArrayList<>();
    private final List<String> table = new ArrayList<>(List.of(
            "| round | server | players | load avg (1 min) before → after | requests/s | plays/s | p50 | p99 | max | errors "
                    + "| ratio to bare |",
            "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"));
    private final List<String> cpuTable = new ArrayList<>(List.of(
            "| round | server | players | CPU per request, all threads | request threads | group commit | garbage "
                    + "collector | JIT compiler | other | load generator |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"));
    private final List<String> gcTable = new ArrayList<>(List.of(
            "| round | server | players | young pauses | full pauses | other pauses | paused | longest pause "
                    + "| most heap in use after a collection |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"));
    private final List<String> kindTable = new ArrayList<>(List.of(
            "| round | server | request | measured | p50 | p99 | max |", "| --- | --- | --- | ---: | ---: | ---: | ---: |"));
    private final List<String> fileTable = new ArrayList<>(List.of(
            "| run | measured | samples (every 10 s) | plays in the file | attempts | live file, last | per play, live "
                    + "| compacted | per play, compacted | max live ÷ compacted |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"));
    private final List<String> otherTables = new ArrayList<>();
    /** The server's CPU time per request in the last measured period, in µs. */
    private double lastCpuPerRequest;

    private PlayThroughBenchmark() {
        jar = Path.of(System.getProperty("demo.jar", "quiz-demo/target/quiz-demo.jar")).toAbsolutePath();
        dir = Path.of(System.getProperty("bench.dir", "quiz-demo/target/bench")).toAbsolutePath();
        jvm = Arrays.stream(System.getProperty("bench.jvm", "-Xmx256m").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        jfr = Boolean.getBoolean("bench.jfr");
        players = Integer.getInteger("bench.players", 64);
        warmup = Double.parseDouble(System.getProperty("bench.warmup", "60"));
        measure = Double.parseDouble(System.getProperty("bench.measure", "30"));
        phases = Arrays.stream(System.getProperty("bench.phases", "startup,play,memory,idle").split(","))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
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
        say("# HTTP play-through benchmark, " + Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC");
        say("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.runtime.version") + "; server JVMs: " + String.join(" ", jvm)
                + "; " + players + " players, " + fmt(warmup) + " s warm-up + " + fmt(measure) + " s measured; phases: "
                + String.join(",", phases) + "; load average " + loadAverage());
        say("open files allowed to the load generator: " + Limits.openFiles(ProcessHandle.current().pid())
                + "; loopback ports for outgoing connections: " + Limits.ephemeralPorts());
        for (String phase : phases) {
            switch (phase) {
                case "startup" -> startup();
                case "play" -> play();
                case "memory" -> memory();
                case "idle" -> idle();
                case "dbsize" -> databaseFileSize();
                case "header-cache" -> headerCache();
                default -> throw new IllegalArgumentException("unknown phase " + phase + " (bench.phases)");
            }
        }
        say("");
        for (List<String> rows : List.of(table, cpuTable, gcTable, kindTable, fileTable)) {
            if (rows.size() > 2) {
                rows.forEach(this::say);
                say("");
            }
        }
        otherTables.forEach(this::say);
        say("");
        say("p50/p99/max are per request, in ms; plays/s are whole plays (register, start, every question fetched and"
                + " answered, finish, leaderboard) ended in the measured period; errors are non-2xx responses and"
                + " I/O errors; ratio = play requests/s ÷ bare Javalin requests/s of the same round. CPU per request:"
                + " the server process's CPU time (user + system, from /proc) in the measured period ÷ the requests"
                + " served, in µs, by kind of thread, and the load generator's own (this JVM's); waiting for a core"
                + " does not count, so these figures hold on a busy machine, and bare ÷ play is the ratio the two"
                + " servers would reach with the cores to themselves. Garbage collections: the pauses that ended in"
                + " the measured period, from the server's -Xlog:gc.");
        Files.write(dir.resolve("http-playthrough.md"), lines, StandardCharsets.UTF_8);
    }

    private void startup() throws Exception {
        Path h2Data = Files.createTempDirectory(dir, "h2-data-");
        for (String which : List.of("fresh", "existing")) {
            Child demo = startDemo("startup-" + which, Map.of("QUIZ_DATA_DIR", h2Data.toString()));
            say(String.format(Locale.ROOT, "start-up (H2, %s data directory): %d ms from java -jar to \"%s\"",
                    which, demo.readyMillis, READY));
            demo.stop();
        }
    }

    private void play() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 2);
        int crowd = Integer.getInteger("bench.crowd", 2000);
        double crowdWarmup = Double.parseDouble(System.getProperty("bench.crowd.warmup", "30"));
        List<String> databases = List.of(System.getProperty("bench.databases", "h2,postgres").split(","));
        Path h2Data = Files.createTempDirectory(dir, "h2-data-");
        EmbeddedPostgres postgres = null;
        if (databases.contains("postgres")) {
            postgres = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory(dir, "pg-"))
                    .setCleanDataDirectory(true).start();
            say("PostgreSQL: embedded (io.zonky.test), default fsync and synchronous_commit");
        }
        try {
            for (int round = 1; round <= rounds; round++) {
                LoadRun.Result bare = measureBare(round, null, "bare Javalin");
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
                    String name = "demo, " + (database.equals("h2") ? "H2" : "PostgreSQL");
                    Child demo = startDemo(database + "-" + round, env);
                    say(name + " ready in " + demo.readyMillis + " ms");
                    try {
                        List<String> quizzes = quizzes(demo.port());
                        DatabaseFileSize file = null;
                        if (database.equals("h2")) {
                            file = new DatabaseFileSize(h2Data, FILE_SAMPLES, Math.round(warmup * 1000));
                        }
                        LoadRun.Result play = measured(round, name, demo, players, warmup,
                                new PlayWorkload(quizzes), bare);
                        Path copy = null;
                        if (file != null) {
                            file.close();
                            Thread.sleep(1_000); // the last commits written; the server is idle
                            copy = DatabaseFileSize.copy(h2Data, dir);
                        }
                        if (database.equals("h2") && crowd > 0) {
                            LoadRun.Result many = measured(round, name, demo, crowd, crowdWarmup,
                                    new PlayWorkload(quizzes), bare);
                            say(String.format(Locale.ROOT, "    %,d players: %.2f × the requests/s of %d players "
                                    + "(target ≥ 0.8)", crowd, many.requestsPerSecond() / play.requestsPerSecond(),
                                    players));
                        }
                        demo.stop();
                        if (copy != null) {
                            fileSize("round " + round, copy, file, measure);
                        }
                    } finally {
                        demo.stop();
                    }
                }
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** The bare server, with Jetty's header cache or ({@code headerCacheSize} not null) one of that size. */
    private LoadRun.Result measureBare(int round, Integer headerCacheSize, String name) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String child = "bare-" + round + (headerCacheSize == null ? "" : "-header-cache-" + headerCacheSize);
        command.addAll(jvmOptions(child));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BareJavalinServer.class.getName(),
                String.valueOf(port), headerCacheSize == null ? "default" : String.valueOf(headerCacheSize)));
        Child bare = start(child, command, Map.of(), port);
        try {
            return measured(round, name, bare, players, warmup,
                    player -> player.send("GET", "/bare", null, null) != null, null);
        } finally {
            bare.stop();
        }
    }

    private void memory() throws Exception {
        int connections = Integer.getInteger("bench.memory.connections", 2000);
        int attempts = Integer.getInteger("bench.memory.attempts", 2000);
        Child demo = startDemo("memory", Map.of("QUIZ_DATA_DIR", Files.createTempDirectory(dir, "h2-data-").toString(),
                "QUIZ_IDLE_TIMEOUT_MS", "600000"));
        try {
            List<String> quizzes = quizzes(demo.port());
            say("memory: the demo on H2, warmed by 10 s of plays by 8 players, then " + connections
                    + " connections and " + attempts + " attempts");
            new LoadRun(8).run("memory warm-up", demo.port(), 0, 10, new PlayWorkload(quizzes));
            MemoryRound.Figures figures = new MemoryRound(connections, attempts, this::say)
                    .run(demo.process().pid(), demo.port(), quizzes);
            otherTables.add("| live heap retained (after a full collection) | per unit | target |");
            otherTables.add("| --- | ---: | ---: |");
            otherTables.add(String.format(Locale.ROOT, "| idle keep-alive connection after one request | %,.0f B | |",
                    figures.perConnectionOneRequest()));
            otherTables.add(String.format(Locale.ROOT, "| idle keep-alive connection after two requests | %,.0f B "
                    + "| ≤ 16,384 B |", figures.perConnectionTwoRequests()));
            otherTables.add(String.format(Locale.ROOT, "| connection, once closed | %,.0f B | |",
                    figures.perClosedConnection()));
            otherTables.add(String.format(Locale.ROOT, "| player registered | %,.0f B | |", figures.perPlayer()));
            otherTables.add(String.format(Locale.ROOT, "| attempt in progress, half answered (its player apart) "
                    + "| %,.0f B | ≤ 8,192 B |", figures.perAttempt()));
            otherTables.add("");
        } finally {
            demo.stop();
        }
    }

    /**
     * Idle connections held open while players play. "Held" means: every idle connection stays open, without a
     * request, from its first request until the players stop, and then answers one more request on the same socket.
     * The server's idle timeout ({@code QUIZ_IDLE_TIMEOUT_MS}, 30 s by default) is set past the round for that.
     */
    private void idle() throws Exception {
        int count = Integer.getInteger("bench.idle.connections", 10_000);
        int active = Integer.getInteger("bench.idle.players", 64);
        long idleTimeout = Math.round((warmup + measure) * 1000) + 300_000;
        Child demo = startDemo("idle", Map.of("QUIZ_DATA_DIR", Files.createTempDirectory(dir, "h2-data-").toString(),
                "QUIZ_IDLE_TIMEOUT_MS", String.valueOf(idleTimeout)));
        try {
            say("idle: open files allowed to the demo: " + Limits.openFiles(demo.process().pid()));
            List<String> quizzes = quizzes(demo.port());
            long opening = System.nanoTime();
            try (IdleConnections idle = new IdleConnections(demo.port(), count,
                    new IdleConnections.Request("GET", "/api/v1/quizzes"))) {
                double openSeconds = (System.nanoTime() - opening) / 1e9;
                long openingErrors = idle.errors();
                say(String.format(Locale.ROOT, "idle: %,d connections opened, one request each, in %.1f s, %d errors %s",
                        count, openSeconds, openingErrors, idle.sampleErrors()));
                LoadRun.Result play = measured(1, "demo, H2, with " + String.format(Locale.ROOT, "%,d", count)
                        + " idle connections", demo, active, warmup, new PlayWorkload(quizzes), null);
                idle.sendOnEach(new IdleConnections.Request("GET", "/api/v1/quizzes/" + quizzes.get(0)
                        + "/leaderboard?limit=10"));
                long finalErrors = idle.errors() - openingErrors;
                HeapHistogram heap = HeapHistogram.of(demo.process().pid());
                say(String.format(Locale.ROOT, "idle: %,d of %,d still open and answering at the end, %d errors %s; "
                                + "live heap of the demo with them open: %,.1f MB", idle.open(), count, finalErrors,
                        idle.sampleErrors(), heap.totalBytes() / 1e6));
                otherTables.add("| idle connections | opened in | errors opening | active players | errors playing "
                        + "| requests/s | p99 | idle ones answering at the end | errors at the end | live heap |");
                otherTables.add("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
                otherTables.add(String.format(Locale.ROOT, "| %,d | %.1f s | %d | %d | %d | %,.0f | %.1f ms | %,d | %d "
                                + "| %,.1f MB |", count, openSeconds, openingErrors, active, play.errors(),
                        play.requestsPerSecond(), play.p99Micros() / 1000.0, idle.open(), finalErrors,
                        heap.totalBytes() / 1e6));
                otherTables.add("");
            }
        } finally {
            demo.stop();
        }
    }

    private void databaseFileSize() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("bench.dbsize.minutes", "10"));
        Path data = Files.createTempDirectory(dir, "h2-data-");
        Child demo = startDemo("dbsize", Map.of("QUIZ_DATA_DIR", data.toString()));
        DatabaseFileSize file;
        Path copy;
        try {
            List<String> quizzes = quizzes(demo.port());
            file = new DatabaseFileSize(data, FILE_SAMPLES, 0);
            try {
                measured(1, "demo, H2, " + fmt(minutes) + " min", demo, players, 0, new PlayWorkload(quizzes),
                        null, minutes * 60);
            } finally {
                file.close();
            }
            Thread.sleep(1_000); // the last commits written; the server is idle
            copy = DatabaseFileSize.copy(data, dir);
        } finally {
            demo.stop();
        }
        file.samples().forEach(sample -> say(String.format(Locale.ROOT, "    %s %,d B", sample.at(), sample.bytes())));
        fileSize(fmt(minutes) + " min on a fresh file", copy, file, minutes * 60);
    }

    /** Compacts the copy taken when the load ended and adds its row to the file table. */
    private void fileSize(String run, Path copy, DatabaseFileSize file, double seconds) throws Exception {
        DatabaseFileSize.Compacted compacted = DatabaseFileSize.compact(copy);
        double plays = Math.max(1, compacted.plays());
        String row = String.format(Locale.ROOT, "| %s | %s s | %d | %,d | %,d | %,d B | %,.0f B | %,d B | %,.0f B "
                        + "| %.1f |", run, fmt(seconds), file.samples().size(), compacted.plays(), compacted.attempts(),
                file.lastBytes(), file.lastBytes() / plays, compacted.bytesAfter(), compacted.bytesAfter() / plays,
                file.maxBytes() / (double) Math.max(1, compacted.bytesAfter()));
        fileTable.add(row);
        say(row);
    }

    /**
     * The bare server and the demo under the same load with each header cache size, one after the other, and the
     * live heap each idle keep-alive connection of the demo retains with it.
     */
    private void headerCache() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.headerCacheSizes", "0,64,1024").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        int connections = Integer.getInteger("bench.memory.connections", 2000);
        otherTables.add("| header cache size | bare Javalin: requests/s | CPU per request | demo, H2: requests/s "
                + "| CPU per request | demo: live heap per idle connection after two requests |");
        otherTables.add("| ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int size : sizes) {
            LoadRun.Result bare = measureBare(1, size, "bare Javalin, header cache " + size);
            double bareCpu = lastCpuPerRequest;
            Child demo = startDemo("header-cache-" + size, Map.of(
                    "QUIZ_DATA_DIR", Files.createTempDirectory(dir, "h2-data-").toString(),
                    "QUIZ_HEADER_CACHE_SIZE", String.valueOf(size), "QUIZ_IDLE_TIMEOUT_MS", "600000"));
            try {
                List<String> quizzes = quizzes(demo.port());
                LoadRun.Result play = measured(1, "demo, H2, header cache " + size, demo, players, warmup,
                        new PlayWorkload(quizzes), null);
                double playCpu = lastCpuPerRequest;
                MemoryRound memory = new MemoryRound(connections, 0, this::say);
                double perConnection = memory.connections(demo.process().pid(), demo.port(), quizzes,
                        HeapHistogram.of(demo.process().pid()))[1];
                otherTables.add(String.format(Locale.ROOT, "| %,d | %,.0f | %.0f µs | %,.0f | %.0f µs | %,.0f B |", size,
                        bare.requestsPerSecond(), bareCpu, play.requestsPerSecond(), playCpu, perConnection));
            } finally {
                demo.stop();
            }
        }
        otherTables.add("");
    }

    private void report(int round, LoadRun.Result result, double before, double after, LoadRun.Result bare) {
        String ratio = bare == null ? "" : String.format(Locale.ROOT, "%.2f",
                result.requestsPerSecond() / bare.requestsPerSecond());
        String plays = result.name().startsWith("bare") ? "" : String.format(Locale.ROOT, "%.1f",
                result.iterationsPerSecond());
        String row = String.format(Locale.ROOT, "| %d | %s | %,d | %.2f → %.2f | %,.0f | %s | %.1f ms | %.1f ms | %.1f ms "
                        + "| %d | %s |", round, result.name(), result.players(), before, after,
                result.requestsPerSecond(), plays, result.p50Micros() / 1000.0, result.p99Micros() / 1000.0,
                result.maxMicros() / 1000.0, result.errors(), ratio);
        table.add(row);
        say(row + (result.warmupErrors() > 0 ? " (warm-up errors: " + result.warmupErrors() + ")" : ""));
        if (!result.name().startsWith("bare")) {
            result.byKind().forEach((kind, latencies) -> {
                String line = String.format(Locale.ROOT, "| %d | %s, %,d players | %s | %,d | %.1f ms | %.1f ms "
                                + "| %.1f ms |", round, result.name(), result.players(), kind, latencies.count(),
                        latencies.p50Micros() / 1000.0, latencies.p99Micros() / 1000.0, latencies.maxMicros() / 1000.0);
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
        options.add(GcLog.option(gcLog(name)));
        if (jfr && !name.startsWith("startup")) {
            options.add("-XX:FlightRecorderOptions=stackdepth=256");
            options.add("-XX:StartFlightRecording=filename=" + dir.resolve(name + ".jfr") + ",settings=profile");
        }
        return options;
    }

    private Path gcLog(String name) {
        return dir.resolve(name + "-gc.log");
    }

    private LoadRun.Result measured(int round, String name, Child server, int players, double warmupSeconds,
                                    LoadRun.Workload workload, LoadRun.Result bare) throws Exception {
        return measured(round, name, server, players, warmupSeconds, workload, bare, measure);
    }

    /**
     * Runs the load on the server and adds its CPU time per request, by kind of thread, and the load generator's,
     * and its garbage collections in the measured period, to the tables.
     */
    private LoadRun.Result measured(int round, String name, Child server, int players, double warmupSeconds,
                                    LoadRun.Workload workload, LoadRun.Result bare, double measureSeconds)
            throws Exception {
        long pid = server.process().pid();
        long self = ProcessHandle.current().pid();
        long warmupMillis = Math.round(warmupSeconds * 1000);
        long measureMillis = Math.round(measureSeconds * 1000);
        Instant from = Instant.now().plusMillis(warmupMillis);
        Instant to = from.plusMillis(measureMillis);
        double before = loadAverage();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            ScheduledFuture<ServerCpu> atStart = timer.schedule(() -> ServerCpu.of(pid), warmupMillis,
                    TimeUnit.MILLISECONDS);
            ScheduledFuture<Double> generatorAtStart = timer.schedule(() -> ServerCpu.processMillis(self),
                    warmupMillis, TimeUnit.MILLISECONDS);
            ScheduledFuture<ServerCpu> atEnd = timer.schedule(() -> ServerCpu.of(pid), warmupMillis + measureMillis,
                    TimeUnit.MILLISECONDS);
            ScheduledFuture<Double> generatorAtEnd = timer.schedule(() -> ServerCpu.processMillis(self),
                    warmupMillis + measureMillis, TimeUnit.MILLISECONDS);
            LoadRun.Result result = new LoadRun(players).run(name, server.port(), warmupSeconds, measureSeconds,
                    workload);
            report(round, result, before, loadAverage(), bare);
            Map<String, Double> millis = atEnd.get().millisSince(atStart.get());
            double generator = generatorAtEnd.get() - generatorAtStart.get();
            double requests = Math.max(1, result.requests());
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d | %s | %,d |", round, name,
                    players));
            for (String kind : List.of("all", "request threads", "group commit", "garbage collector", "JIT compiler",
                    "other")) {
                row.append(String.format(Locale.ROOT, " %.0f µs |", millis.getOrDefault(kind, 0.0) * 1000 / requests));
            }
            row.append(String.format(Locale.ROOT, " %.0f µs |", generator * 1000 / requests));
            cpuTable.add(row.toString());
            say(row.toString());
            lastCpuPerRequest = millis.getOrDefault("all", 0.0) * 1000 / requests;
            GcLog.Summary gc = GcLog.between(gcLog(server.name()), from, to);
            String gcRow = String.format(Locale.ROOT, "| %d | %s | %,d | %d | %d | %d | %,.0f ms (%.1f%%) | %.1f ms "
                            + "| %,d of %,d MB |", round, name, players, gc.youngPauses(), gc.fullPauses(),
                    gc.otherPauses(), gc.pauseMillis(), 100 * gc.pauseShare(measureSeconds), gc.maxPauseMillis(),
                    gc.maxMegabytesAfter(), gc.heapMegabytes());
            gcTable.add(gcRow);
            say(gcRow);
            return result;
        } finally {
            timer.shutdownNow();
        }
    }

    private Child start(String name, List<String> command, Map<String, String> env, int port) throws Exception {
        Path log = dir.resolve(name + ".log");
        Files.deleteIfExists(gcLog(name));
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
        return new Child(name, process, port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private record Child(String name, Process process, int port, long readyMillis) {
        void stop() throws InterruptedException {
            if (!process.isAlive()) {
                return;
            }
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
