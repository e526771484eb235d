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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The live-session crowd benchmark (README, "Benchmarks → Live sessions"). Not a test, never part of
 * {@code mvn verify}:
 * <pre>
 * mvn -B -Pbench-live -DskipTests package
 * </pre>
 * Starts the packaged demo ({@code quiz-demo.jar}) in a child JVM ({@code -Xmx512m}, H2) and, in a second round, two
 * demo JVMs on one embedded PostgreSQL; creates a 10-question quiz and a live session through the API; then N players
 * (10,000) join it on loopback, each holding an event stream, and play every question: each answers at a random
 * moment in the first seconds after its question arrives. The host (on the first server) opens each question, closes
 * it once every answer is acknowledged, and ends the session. The client is {@link NioClient}: one thread and
 * non-blocking sockets for every player's stream, answers sent over a pool of keep-alive connections; its own CPU time
 * is measured and reported, so that it is shown not to be the bottleneck.
 *
 * <p>Reported: errors (any non-2xx, any event a player did not get); per question the time from the host's request
 * to the last player receiving the question, the answer acknowledgements' p50/p99/max, the time from the host's close
 * to the last player receiving the results; the server's live heap per connected player (jcmd's class histogram
 * before the players joined and with all of them connected); the server's and the client's CPU time.
 *
 * <p>System properties: {@code bench.players} (10000), {@code bench.questions} (10), {@code bench.spread} (seconds
 * over which a question's answers are spread, 5), {@code bench.timeLimit} (the question's time limit, seconds, 30),
 * {@code bench.pool} (answer connections per server, 256), {@code bench.jvm} ({@code -Xmx512m}),
 * {@code bench.databases} ({@code h2,postgres}), {@code bench.warmupPlayers} and {@code bench.warmupQuestions}
 * (a session of 2,000 players and 5 questions on each server set first, reported but not in the table; 0 players
 * for none), {@code demo.jar}, {@code bench.dir}.
 */
public final class LiveCrowdBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "bench-admin-token-not-secret";
    private static final String READY = "kydp-quiz demo is running";
    private static final String LIVE = "/api/v1/live-sessions";

    private final Path jar;
    private final Path dir;
    private final List<String> jvm;
    private final int players;
    private final int questions;
    private final int warmupPlayers;
    private final int warmupQuestions;
    private final double spread;
    private final int timeLimit;
    private final int pool;
    private final List<String> lines = new ArrayList<>();

    private LiveCrowdBenchmark() {
        jar = Path.of(System.getProperty("demo.jar", "quiz-demo/target/quiz-demo.jar")).toAbsolutePath();
        dir = Path.of(System.getProperty("bench.dir", "quiz-demo/target/bench")).toAbsolutePath();
        jvm = Arrays.stream(System.getProperty("bench.jvm", "-Xmx512m").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        players = Integer.getInteger("bench.players", 10_000);
        questions = Integer.getInteger("bench.questions", 10);
        warmupPlayers = Integer.getInteger("bench.warmupPlayers", 2_000);
        warmupQuestions = Integer.getInteger("bench.warmupQuestions", 5);
        spread = Double.parseDouble(System.getProperty("bench.spread", "5"));
        timeLimit = Integer.getInteger("bench.timeLimit", 30);
        pool = Integer.getInteger("bench.pool", 256);
    }

    public static void main(String[] args) throws Exception {
        new LiveCrowdBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(dir);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no demo jar at " + jar + ": build it first (mvn -B -DskipTests package)");
        }
        say("# Live-session crowd benchmark, " + Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC");
        say("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.runtime.version") + "; server JVMs: " + String.join(" ", jvm) + "; "
                + players + " players, " + questions + " questions, answers spread over " + spread + " s, "
                + pool + " answer connections per server; load average " + loadAverage());
        List<String> databases = List.of(System.getProperty("bench.databases", "h2,postgres").split(","));
        List<String> table = new ArrayList<>(List.of(
                "| servers | errors | players with every question, results and the end | question to last player, p99 "
                        + "| answer ack p50 / p99 / max | close to last results, p99 (max) | heap per connected player "
                        + "| server CPU per player per question | client CPU busy |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"));
        for (String database : databases) {
            if (database.equals("h2")) {
                Path data = Files.createTempDirectory(dir, "live-h2-");
                List<Demo> servers = List.of(Demo.start(this, "live-h2", Map.of("QUIZ_DATA_DIR", data.toString())));
                try {
                    warmUp(servers);
                    table.add(new Round(this, servers, "one, H2", players, questions, "live-bench").run());
                } finally {
                    servers.forEach(Demo::stop);
                }
            } else if (database.equals("postgres")) {
                try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory(dir, "live-pg-")).setCleanDataDirectory(true)
                        .start()) {
                    try (Connection connection = postgres.getPostgresDatabase().getConnection();
                         Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE quiz_live");
                    }
                    Map<String, String> env = Map.of("QUIZ_DB_URL", postgres.getJdbcUrl("postgres", "quiz_live"),
                            "QUIZ_DB_USER", "postgres");
                    List<Demo> servers = new ArrayList<>();
                    try {
                        servers.add(Demo.start(this, "live-pg-a", env));
                        servers.add(Demo.start(this, "live-pg-b", env));
                        warmUp(servers);
                        table.add(new Round(this, servers, "two, PostgreSQL", players, questions, "live-bench").run());
                    } finally {
                        servers.forEach(Demo::stop);
                    }
                }
            } else {
                throw new IllegalArgumentException("unknown database " + database);
            }
        }
        say("");
        table.forEach(this::say);
        say("");
        say("Times are measured by the client on this machine (one clock for client and servers). 'question to last "
                + "player': from the host's request to open a question to the last player receiving it; 'close to last "
                + "results': from the host's request to close a question to the last player receiving its results "
                + "(their own score and rank included); p99 over the questions. Heap: the servers' live heap (after a "
                + "full collection) with every player connected, less the heap before they joined, per player. CPU: "
                + "the servers' CPU time (from /proc) while the questions were played, per player and question; the "
                + "client's thread busy share over the same time.");
        Files.write(dir.resolve("live-crowd.md"), lines, StandardCharsets.UTF_8);
    }

    /**
     * A smaller session first, whose figures are not kept: on two cores the JIT compiler is still at work during a
     * fresh server's first thousands of answers, as it is not on a server that has run a while.
     */
    private void warmUp(List<Demo> servers) throws Exception {
        if (warmupPlayers > 0) {
            say(new Round(this, servers, "warm-up", warmupPlayers, warmupQuestions, "live-warm-up").run());
        }
    }

    void say(String line) {
        System.out.println(line);
        System.out.flush();
        synchronized (lines) {
            lines.add(line);
        }
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** A demo server in a child JVM. */
    record Demo(String name, Process process, int port, Path log) {

        static Demo start(LiveCrowdBenchmark bench, String name, Map<String, String> extraEnv) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(bench.jvm);
            command.addAll(List.of("-jar", bench.jar.toString()));
            Path log = bench.dir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("QUIZ_"));
            builder.environment().putAll(extraEnv);
            builder.environment().put("QUIZ_PORT", String.valueOf(port));
            builder.environment().put("QUIZ_RATE_LIMIT_PER_MINUTE", "0");
            builder.environment().put("QUIZ_ADMIN_TOKEN", ADMIN);
            Process process = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(log, StandardCharsets.UTF_8).contains(READY)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException(name + " did not start; see " + log);
                }
                Thread.sleep(20);
            }
            return new Demo(name, process, port, log);
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One round: a session served by one or more servers, played by the whole crowd. */
    private static final class Round {
        private final LiveCrowdBenchmark bench;
        private final List<Demo> servers;
        private final String label;
        private final int n;
        private final List<NioClient> clients = new ArrayList<>();
        private final List<List<NioClient.Requests>> pools = new ArrayList<>();
        private final String[] tokens;
        private final NioClient.Stream[] streams;
        private final long[][] questionAt;
        private final long[][] resultsAt;
        private final long[][] ackNanos;
        private final boolean[] ended;
        private final AtomicInteger statesReceived = new AtomicInteger();
        private final AtomicInteger acked = new AtomicInteger();
        private final AtomicInteger endedCount = new AtomicInteger();
        private final AtomicLong errors = new AtomicLong();
        private final List<String> sampleErrors = new ArrayList<>();
        private final Map<String, Question> questionsById = new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicInteger resultsWithoutYou = new AtomicInteger();
        private volatile int currentQuestion = -1;
        private final int questions;
        private final String quizId;
        private String sessionId;
        private String hostToken;

        /** A question as players got it, and the answers they send (one right, one wrong, by chance). */
        private record Question(int index, String id, byte[][] answers) {
        }

        Round(LiveCrowdBenchmark bench, List<Demo> servers, String label, int players, int questions, String quizId) {
            this.bench = bench;
            this.servers = servers;
            this.label = label;
            this.n = players;
            this.questions = questions;
            this.quizId = quizId;
            this.tokens = new String[n];
            this.streams = new NioClient.Stream[n];
            this.questionAt = new long[questions][n];
            this.resultsAt = new long[questions][n];
            this.ackNanos = new long[questions][n];
            this.ended = new boolean[n];
        }

        private int serverOf(int player) {
            return player % servers.size();
        }

        String run() throws Exception {
            bench.say("");
            bench.say("## " + servers.size() + " server(s), " + label);
            for (Demo server : servers) {
                NioClient client = new NioClient("127.0.0.1", server.port());
                clients.add(client);
                List<NioClient.Requests> connections = new ArrayList<>();
                onClient(client, () -> {
                    for (int i = 0; i < bench.pool; i++) {
                        connections.add(client.requests());
                    }
                });
                pools.add(connections);
            }
            HttpConnection admin = new HttpConnection("127.0.0.1", servers.get(0).port());
            String quizId = createQuiz(admin);
            JsonNode created = json(send(admin, "POST", LIVE, ADMIN, "{\"quizId\": \"" + quizId
                    + "\", \"settings\": {\"questionTimeLimitMs\": " + bench.timeLimit * 1000 + "}}", 201));
            sessionId = created.get("id").asText();
            hostToken = created.get("hostToken").asText();
            String code = created.get("code").asText();
            AtomicInteger hostEvents = new AtomicInteger();
            onClient(clients.get(0), () -> clients.get(0).stream(LIVE + "/" + sessionId + "/events?token=" + hostToken,
                    "", new NioClient.StreamHandler() {
                        @Override
                        public void onEvent(String id, String name, String data, long receivedNanos) {
                            hostEvents.incrementAndGet();
                        }

                        @Override
                        public void onClosed(int status, String reason) {
                            error("the host's stream closed: " + status + " " + reason);
                        }
                    }));
            long[] heapBefore = heaps();

            long joinStart = System.nanoTime();
            long[] joinLatencies = join(code);
            long joinMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - joinStart);
            Arrays.sort(joinLatencies);
            bench.say(String.format(Locale.ROOT, "joined: %,d players in %,d ms; join p50 %.1f ms, p99 %.1f ms",
                    n, joinMillis, percentile(joinLatencies, 0.5) / 1e6, percentile(joinLatencies, 0.99) / 1e6));

            long connectStart = System.nanoTime();
            connectStreams();
            bench.say(String.format(Locale.ROOT, "connected: %,d event streams in %,d ms (%,d states received)", n,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectStart), statesReceived.get()));
            long[] heapConnected = heaps();
            StringBuilder heap = new StringBuilder();
            double heapPerPlayer = 0;
            for (int s = 0; s < servers.size(); s++) {
                int connected = (n + servers.size() - 1 - s) / servers.size();
                double perPlayer = (heapConnected[s] - heapBefore[s]) / (double) connected;
                heapPerPlayer = Math.max(heapPerPlayer, perPlayer);
                heap.append(String.format(Locale.ROOT, "%s%s: %.1f KB per player (%,.1f MB live with %,d connected, "
                                + "%,.1f MB before)", s == 0 ? "" : "; ", servers.get(s).name(), perPlayer / 1024,
                        heapConnected[s] / 1048576.0, connected, heapBefore[s] / 1048576.0));
            }
            bench.say("heap: " + heap);

            Map<Long, ServerCpu> cpuBefore = cpu();
            long clientCpuBefore = clientCpuNanos();
            long playStart = System.nanoTime();
            long[] questionFanOut = new long[questions];
            long[] resultsFanOut = new long[questions];
            long[] serverB = new long[questions];
            long[] reachB = new long[questions];
            for (int q = 0; q < questions; q++) {
                currentQuestion = q;
                acked.set(0);
                long opened = System.nanoTime();
                send(admin, "POST", LIVE + "/" + sessionId + "/advance", hostToken, null, 200);
                awaitAll(questionAt[q], opened, 30);
                awaitCount(acked, n, bench.spread + 30);
                long closed = System.nanoTime();
                send(admin, "POST", LIVE + "/" + sessionId + "/close", hostToken, null, 200);
                awaitAll(resultsAt[q], closed, 30);
                questionFanOut[q] = lastAfter(questionAt[q], opened, -1);
                resultsFanOut[q] = lastAfter(resultsAt[q], closed, -1);
                serverB[q] = servers.size() > 1 ? lastAfter(questionAt[q], opened, 1) : 0;
                reachB[q] = servers.size() > 1 ? firstAfter(questionAt[q], opened, 1) : 0;
                long[] acks = Arrays.copyOf(ackNanos[q], n);
                Arrays.sort(acks);
                bench.say(String.format(Locale.ROOT, "question %d: to last player %.0f ms%s; %,d answers acked, p50 "
                                + "%.1f ms, p99 %.1f ms, max %.1f ms; close to last results %.0f ms", q + 1,
                        questionFanOut[q] / 1e6, servers.size() > 1 ? String.format(Locale.ROOT,
                                " (on %s: first %.0f ms, last %.0f ms)", servers.get(1).name(), reachB[q] / 1e6,
                                serverB[q] / 1e6) : "",
                        acked.get(), percentile(acks, 0.5) / 1e6, percentile(acks, 0.99) / 1e6, acks[n - 1] / 1e6,
                        resultsFanOut[q] / 1e6));
            }
            send(admin, "POST", LIVE + "/" + sessionId + "/advance", hostToken, null, 200);
            awaitCount(endedCount, n, 30);
            long playNanos = System.nanoTime() - playStart;
            Map<Long, ServerCpu> cpuAfter = cpu();
            double clientBusy = (clientCpuNanos() - clientCpuBefore) / (double) (playNanos * clients.size());
            double serverCpuMillis = 0;
            for (Demo server : servers) {
                serverCpuMillis += cpuAfter.get(server.process().pid()).millisSince(cpuBefore.get(server.process()
                        .pid())).getOrDefault("all", 0.0);
            }
            double cpuPerPlayerQuestion = serverCpuMillis * 1000 / ((double) n * questions);

            long[] allAcks = new long[n * questions];
            for (int q = 0; q < questions; q++) {
                System.arraycopy(ackNanos[q], 0, allAcks, q * n, n);
            }
            Arrays.sort(allAcks);
            long complete = 0;
            for (int p = 0; p < n; p++) {
                boolean all = ended[p];
                for (int q = 0; q < questions && all; q++) {
                    all = questionAt[q][p] != 0 && resultsAt[q][p] != 0;
                }
                complete += all ? 1 : 0;
            }
            long[] sortedResults = resultsFanOut.clone();
            Arrays.sort(sortedResults);
            long[] sortedQuestions = questionFanOut.clone();
            Arrays.sort(sortedQuestions);
            if (resultsWithoutYou.get() > 0) {
                error(resultsWithoutYou.get() + " results events without the player's own standing");
            }
            if (servers.size() > 1) {
                long[] sortedReach = reachB.clone();
                Arrays.sort(sortedReach);
                bench.say(String.format(Locale.ROOT, "events reach %s (its first player has the question, from the "
                                + "host's request on %s): p50 %.0f ms, max %.0f ms", servers.get(1).name(),
                        servers.get(0).name(), percentile(sortedReach, 0.5) / 1e6,
                        sortedReach[sortedReach.length - 1] / 1e6));
            }
            bench.say(String.format(Locale.ROOT, "host events: %,d; client read %,.1f MB", hostEvents.get(),
                    clients.stream().mapToLong(NioClient::bytesRead).sum() / 1048576.0));
            synchronized (sampleErrors) {
                sampleErrors.forEach(sample -> bench.say("error: " + sample));
            }
            for (NioClient client : clients) {
                client.close();
            }
            admin.close();
            return String.format(Locale.ROOT, "| %s | %,d | %,d of %,d | %.0f ms | %.1f / %.1f / %.1f ms | "
                            + "%.0f ms (%.0f ms) | %.1f KB | %.0f µs | %.0f%% |", label, errors.get(), complete, n,
                    percentile(sortedQuestions, 0.99) / 1e6, percentile(allAcks, 0.5) / 1e6,
                    percentile(allAcks, 0.99) / 1e6, allAcks[allAcks.length - 1] / 1e6,
                    percentile(sortedResults, 0.99) / 1e6, sortedResults[sortedResults.length - 1] / 1e6,
                    heapPerPlayer / 1024, cpuPerPlayerQuestion, clientBusy * 100);
        }

        private String createQuiz(HttpConnection admin) throws IOException {
            ObjectNode quiz = JSON.createObjectNode();
            String id = quizId;
            quiz.put("id", id);
            quiz.put("defaultLanguage", "en");
            quiz.putArray("languages").add("en");
            quiz.putObject("title").put("en", "Live crowd benchmark");
            ObjectNode rules = quiz.putObject("rules");
            rules.putObject("scoring").put("mode", "speed").put("streakBonus", true);
            rules.put("questionTimeLimitMs", bench.timeLimit * 1000);
            ArrayNode list = quiz.putArray("questions");
            for (int q = 0; q < questions; q++) {
                ObjectNode question = list.addObject();
                question.put("id", "q" + (q + 1));
                question.putObject("text").put("en", "Which is the emergency number, question " + (q + 1) + "?");
                question.putObject("explanation").put("en", "112 is India's single emergency number.");
                if (q % 3 == 2) {
                    question.put("type", "true_false").put("answer", true);
                } else {
                    question.put("type", "single_choice");
                    ArrayNode options = question.putArray("options");
                    for (String option : List.of("100", "112", "1098", "1930")) {
                        ObjectNode o = options.addObject().put("id", "n" + option);
                        o.putObject("text").put("en", option);
                        if (option.equals("112")) {
                            o.put("correct", true);
                        }
                    }
                }
            }
            send(admin, "POST", "/api/v1/admin/quizzes", ADMIN, JSON.writeValueAsString(quiz), 201);
            send(admin, "POST", "/api/v1/admin/quizzes/" + id + "/publish", ADMIN, null, 200);
            return id;
        }

        /** Every player joins, through its server, as fast as the pool of connections sends. */
        private long[] join(String code) throws Exception {
            long[] latencies = new long[n];
            AtomicInteger done = new AtomicInteger();
            for (int p = 0; p < n; p++) {
                int player = p;
                NioClient client = clients.get(serverOf(player));
                byte[] body = ("{\"code\": \"" + code + "\", \"name\": \"Player " + player + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                client.execute(() -> connection(player).send("POST", LIVE + "/join", null, body,
                        new NioClient.ResponseHandler() {
                            @Override
                            public void onResponse(int status, byte[] response, long sent, long received) {
                                latencies[player] = received - sent;
                                if (status != 201) {
                                    error("join " + player + " -> " + status + " " + new String(response,
                                            StandardCharsets.UTF_8));
                                } else {
                                    tokens[player] = json(response).get("token").asText();
                                }
                                done.incrementAndGet();
                            }

                            @Override
                            public void onFailure(String reason) {
                                error("join " + player + " failed: " + reason);
                                done.incrementAndGet();
                            }
                        }));
            }
            awaitCount(done, n, 300);
            return latencies;
        }

        private NioClient.Requests connection(int player) {
            List<NioClient.Requests> connections = pools.get(serverOf(player));
            return connections.get((player / servers.size()) % connections.size());
        }

        /** Opens every player's event stream, a few hundred connecting at a time. */
        private void connectStreams() throws Exception {
            int batch = 500;
            for (int from = 0; from < n; from += batch) {
                int to = Math.min(n, from + batch);
                for (int p = from; p < to; p++) {
                    int player = p;
                    if (tokens[player] == null) {
                        statesReceived.incrementAndGet();
                        continue;
                    }
                    NioClient client = clients.get(serverOf(player));
                    client.execute(() -> {
                        try {
                            streams[player] = client.stream(LIVE + "/" + sessionId + "/events?token="
                                    + tokens[player], "", handler(player));
                        } catch (IOException e) {
                            error("stream " + player + ": " + e);
                            statesReceived.incrementAndGet();
                        }
                    });
                }
                awaitCount(statesReceived, to, 120);
            }
        }

        private NioClient.StreamHandler handler(int player) {
            return new NioClient.StreamHandler() {
                @Override
                public void onEvent(String id, String name, String data, long receivedNanos) {
                    switch (name) {
                        case "state" -> statesReceived.incrementAndGet();
                        case "question" -> question(player, data, receivedNanos);
                        case "results" -> {
                            int q = currentQuestion;
                            if (q >= 0 && resultsAt[q][player] == 0) {
                                resultsAt[q][player] = receivedNanos;
                            }
                            if (!data.contains("\"you\":")) {
                                resultsWithoutYou.incrementAndGet();
                            }
                        }
                        case "ended" -> {
                            if (!ended[player]) {
                                ended[player] = true;
                                endedCount.incrementAndGet();
                            }
                        }
                        default -> { }
                    }
                }

                @Override
                public void onClosed(int status, String reason) {
                    if (!ended[player]) {
                        error("player " + player + "'s stream closed: " + status + " " + reason);
                    }
                }
            };
        }

        /** A question arrived: note when, and answer it at a random moment of the spread. */
        private void question(int player, String data, long receivedNanos) {
            Question question = questionsById.computeIfAbsent(data, this::parseQuestion);
            questionAt[question.index][player] = receivedNanos;
            java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
            byte[] answer = question.answers[random.nextInt(question.answers.length)];
            long at = receivedNanos + (long) (random.nextDouble() * bench.spread * 1e9);
            NioClient client = clients.get(serverOf(player));
            client.at(at, () -> connection(player).send("PUT", LIVE + "/" + sessionId + "/answers/" + question.id,
                    tokens[player], answer, new NioClient.ResponseHandler() {
                        @Override
                        public void onResponse(int status, byte[] body, long sent, long received) {
                            ackNanos[question.index][player] = received - sent;
                            if (status != 200) {
                                error("answer " + player + " to " + question.id + " -> " + status + " "
                                        + new String(body, StandardCharsets.UTF_8));
                            }
                            acked.incrementAndGet();
                        }

                        @Override
                        public void onFailure(String reason) {
                            error("answer " + player + " failed: " + reason);
                            acked.incrementAndGet();
                        }
                    }));
        }

        private Question parseQuestion(String data) {
            JsonNode event = json(data.getBytes(StandardCharsets.UTF_8));
            JsonNode question = event.get("question");
            String type = question.get("type").asText();
            List<byte[]> answers = new ArrayList<>();
            if (type.equals("true_false")) {
                answers.add("{\"value\": true}".getBytes(StandardCharsets.UTF_8));
                answers.add("{\"value\": false}".getBytes(StandardCharsets.UTF_8));
            } else {
                question.get("options").forEach(option -> answers.add(("{\"choice\": \"" + option.get("id").asText()
                        + "\"}").getBytes(StandardCharsets.UTF_8)));
            }
            return new Question(event.get("index").asInt(), question.get("id").asText(), answers.toArray(new byte[0][]));
        }

        private void error(String what) {
            errors.incrementAndGet();
            synchronized (sampleErrors) {
                if (sampleErrors.size() < 10) {
                    sampleErrors.add(what.length() > 300 ? what.substring(0, 300) : what);
                }
            }
        }

        private final List<HeapHistogram> histograms = new ArrayList<>();

        /** Each server's live heap; with the histograms before, prints what the connected players take most of. */
        private long[] heaps() throws Exception {
            long[] heaps = new long[servers.size()];
            for (int s = 0; s < servers.size(); s++) {
                HeapHistogram histogram = HeapHistogram.of(servers.get(s).process().pid());
                heaps[s] = histogram.totalBytes();
                if (histograms.size() > s) {
                    int players = (n + servers.size() - 1 - s) / servers.size();
                    bench.say("largest per connected player on " + servers.get(s).name() + ": "
                            + String.join("; ", histogram.minus(histograms.get(s)).largest(10, players)));
                }
                histograms.add(histogram);
            }
            return heaps;
        }

        private Map<Long, ServerCpu> cpu() {
            Map<Long, ServerCpu> cpu = new HashMap<>();
            servers.forEach(server -> cpu.put(server.process().pid(), ServerCpu.of(server.process().pid())));
            return cpu;
        }

        private long clientCpuNanos() {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            return clients.stream().mapToLong(client -> threads.getThreadCpuTime(client.thread().getId())).sum();
        }

        /**
         * The latest receipt after {@code since} of the players of one server ({@code server} -1 for all); 0 if one
         * never came.
         */
        /** How long after {@code since} the first player of a server received it: when the event reached it. */
        private long firstAfter(long[] receipts, long since, int server) {
            long first = Long.MAX_VALUE;
            for (int p = 0; p < receipts.length; p++) {
                if (serverOf(p) == server && tokens[p] != null && receipts[p] != 0) {
                    first = Math.min(first, receipts[p] - since);
                }
            }
            return first == Long.MAX_VALUE ? 0 : first;
        }

        private long lastAfter(long[] receipts, long since, int server) {
            long last = 0;
            for (int p = 0; p < receipts.length; p++) {
                if ((server < 0 || serverOf(p) == server) && tokens[p] != null && receipts[p] != 0) {
                    last = Math.max(last, receipts[p] - since);
                }
            }
            return last;
        }

        private void awaitAll(long[] receipts, long since, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                boolean all = true;
                for (int p = 0; p < receipts.length && all; p++) {
                    all = tokens[p] == null || receipts[p] != 0;
                }
                if (all) {
                    return;
                }
                Thread.sleep(5);
            }
            long missing = 0;
            for (int p = 0; p < receipts.length; p++) {
                missing += tokens[p] != null && receipts[p] == 0 ? 1 : 0;
            }
            error(missing + " players did not receive an event within " + seconds + " s");
        }

        private void awaitCount(AtomicInteger count, int target, double seconds) throws InterruptedException {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            while (count.get() < target && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            if (count.get() < target) {
                error("only " + count.get() + " of " + target + " within " + seconds + " s");
            }
        }

        private static void onClient(NioClient client, ThrowingRunnable task) throws InterruptedException {
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            Exception[] failure = new Exception[1];
            client.execute(() -> {
                try {
                    task.run();
                } catch (Exception e) {
                    failure[0] = e;
                } finally {
                    done.countDown();
                }
            });
            done.await();
            if (failure[0] != null) {
                throw new IllegalStateException(failure[0]);
            }
        }

        private interface ThrowingRunnable {
            void run() throws Exception;
        }

        private static byte[] send(HttpConnection http, String method, String path, String bearer, String body,
                                   int expected) throws IOException {
            HttpConnection.Response response = http.send(method, path, bearer,
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8));
            if (response.status() != expected) {
                throw new IllegalStateException(method + " " + path + " -> " + response.status() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        }

        private static JsonNode json(byte[] body) {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }
}
