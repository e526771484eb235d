package org.kydp.quiz.demo.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a crowd costs the server in heap, measured exactly: the live heap (after a full collection, {@link
 * HeapHistogram}) of the running demo before and after N keep-alive connections are opened, and before and after N
 * attempts are left half answered, divided by N. Load on the machine changes nothing here, unlike the throughput
 * figures.
 *
 * <p>Connections: each sends one request (the quiz list) and is measured idle; then each sends a second (a
 * leaderboard) and is measured again, since a keep-alive connection may keep more from its second request on; then
 * all are closed and the heap is measured once more. Attempts: N players register (measured), then each starts an
 * attempt on one of the demo quizzes and answers half its questions (rounded up), and the attempts are measured in
 * progress. The classes that grew most are listed per connection and per attempt.
 */
final class MemoryRound {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WORKERS = 8;

    private final int connections;
    private final int attempts;
    private final Consumer<String> say;

    MemoryRound(int connections, int attempts, Consumer<String> say) {
        this.connections = connections;
        this.attempts = attempts;
        this.say = say;
    }

    /** The figures, for the summary table. */
    record Figures(double perConnectionOneRequest, double perConnectionTwoRequests, double perClosedConnection,
                   double perPlayer, double perAttempt) {
    }

    Figures run(long pid, int port, List<String> quizzes) throws Exception {
        HeapHistogram start = HeapHistogram.of(pid);
        say.accept(String.format(Locale.ROOT, "live heap of the demo at rest: %,d B", start.totalBytes()));
        double[] perConnection = connections(pid, port, quizzes, start);
        HeapHistogram closed = HeapHistogram.of(pid);
        double perClosed = per(closed.minus(start), connections, "connection, after it was closed");

        List<Player> players = parallel(attempts, i -> register(port, i));
        HeapHistogram registered = HeapHistogram.of(pid);
        double perPlayer = per(registered.minus(closed), attempts, "player registered");

        parallel(attempts, i -> {
            halfPlay(port, players.get(i), quizzes.get(i % quizzes.size()));
            return null;
        });
        HeapHistogram inProgress = HeapHistogram.of(pid);
        double perAttempt = per(inProgress.minus(registered), attempts, "attempt in progress, half answered");
        return new Figures(perConnection[0], perConnection[1], perClosed, perPlayer, perAttempt);
    }

    /**
     * Live heap retained per idle keep-alive connection after one request and after two, over {@code start}; the
     * connections are closed again when it returns.
     */
    double[] connections(long pid, int port, List<String> quizzes, HeapHistogram start) throws Exception {
        HeapHistogram oneRequest;
        HeapHistogram twoRequests;
        try (IdleConnections idle = new IdleConnections(port, connections,
                new IdleConnections.Request("GET", "/api/v1/quizzes"))) {
            check(idle, "opening");
            oneRequest = HeapHistogram.of(pid);
            idle.sendOnEach(new IdleConnections.Request("GET", "/api/v1/quizzes/" + quizzes.get(0)
                    + "/leaderboard?limit=10"));
            check(idle, "second request");
            twoRequests = HeapHistogram.of(pid);
        }
        Thread.sleep(2_000); // the server notices the closed connections
        return new double[] {per(oneRequest.minus(start), connections, "connection, idle after one request"),
                per(twoRequests.minus(start), connections, "connection, idle after two requests")};
    }

    private void check(IdleConnections idle, String what) {
        if (idle.errors() > 0) {
            throw new IllegalStateException(idle.errors() + " errors in " + what + ": " + idle.sampleErrors());
        }
    }

    private double per(HeapHistogram grown, int count, String what) {
        double each = grown.totalBytes() / (double) count;
        say.accept(String.format(Locale.ROOT, "retained per %s: %,.0f B (%,d B for %,d)", what, each,
                grown.totalBytes(), count));
        grown.largest(10, count).forEach(line -> say.accept("    " + line));
        return each;
    }

    private record Player(String token) {
    }

    private static Player register(int port, int i) throws IOException {
        HttpConnection http = new HttpConnection("127.0.0.1", port);
        try {
            HttpConnection.Response registered = http.send("POST", "/api/v1/players", null,
                    ("{\"name\":\"Memory " + i + "\"}").getBytes(StandardCharsets.UTF_8));
            return new Player(JSON.readTree(ok(registered)).get("token").asText());
        } finally {
            http.close();
        }
    }

    /** Starts an attempt and answers half of its questions, rounded up, leaving it in progress. */
    private static void halfPlay(int port, Player player, String quiz) throws IOException {
        HttpConnection http = new HttpConnection("127.0.0.1", port);
        try {
            JsonNode attempt = JSON.readTree(ok(http.send("POST", "/api/v1/quizzes/" + quiz + "/attempts",
                    player.token(), null)));
            String id = attempt.get("id").asText();
            int half = (attempt.get("questionCount").asInt() + 1) / 2;
            for (int q = 0; q < half; q++) {
                JsonNode question = JSON.readTree(ok(http.send("GET", "/api/v1/attempts/" + id + "/question",
                        player.token(), null)));
                ok(http.send("PUT", "/api/v1/attempts/" + id + "/answers/" + question.get("id").asText(),
                        player.token(), JSON.writeValueAsBytes(PlayWorkload.answer(question))));
            }
        } finally {
            http.close();
        }
    }

    private static byte[] ok(HttpConnection.Response response) throws IOException {
        if (!response.ok()) {
            throw new IOException("status " + response.status() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    @FunctionalInterface
    private interface Task<T> {
        T run(int index) throws Exception;
    }

    private static <T> List<T> parallel(int count, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
