package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing acknowledged is lost to {@code kill -9}. The packaged demo runs in a child JVM on an H2 database in
 * a temporary directory; clients on 127.0.0.1 play concurrently; the server is killed with SIGKILL in the middle
 * of that load and started again on the same directory. Every answer, finish and player that got a 2xx is
 * there, the leaderboards are what they were before the kill, and attempts in progress go on with their
 * deadlines.
 */
class KillAndRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> QUIZZES = List.of("know-your-delhi-police", "emergency-helplines",
            "cyber-safety", "road-safety");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private Process process;
    private int port;

    /** An answer the server acknowledged with 200. */
    private record Acked(String token, String attemptId, String questionId, JsonNode answer, int points) {
    }

    /** An attempt as a player started it. */
    private record Started(String token, String attemptId, String deadline) {
    }

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SIGKILL", "SIGTERM"})
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void every_acknowledged_write_survives_a_stop_in_the_middle_of_a_load(String signal) throws Exception {
        Path data = Files.createTempDirectory("quiz-kill-it");
        start(data);

        // Phase 1: players play whole quizzes and finish them.
        List<Acked> acked = new CopyOnWriteArrayList<>();
        Map<String, Integer> finishedScores = new ConcurrentHashMap<>();
        Map<String, String> finishedTokens = new ConcurrentHashMap<>();
        ExecutorService players = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> finishers = new ArrayList<>();
            for (int p = 0; p < 8; p++) {
                int player = p;
                finishers.add(players.submit(() -> {
                    String token = register("Finisher " + player);
                    for (int round = 0; round < 2; round++) {
                        Started attempt = startAttempt(token, QUIZZES.get((player + round) % QUIZZES.size()));
                        while (answerCurrent(attempt, acked)) {
                            // plays the whole quiz
                        }
                        JsonNode finished = send("POST", "/api/v1/attempts/" + attempt.attemptId() + "/finish",
                                token, null, 200);
                        finishedScores.put(attempt.attemptId(), finished.get("score").asInt());
                        finishedTokens.put(attempt.attemptId(), token);
                    }
                    return null;
                }));
            }
            for (Future<?> finisher : finishers) {
                finisher.get(2, TimeUnit.MINUTES);
            }
            Map<String, JsonNode> boardsBefore = leaderboards();
            assertThat(boardsBefore.values()).allSatisfy(board -> assertThat(board.get("total").asInt()).isPositive());

            // Phase 2: concurrent plays, killed in the middle.
            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger ackedDuringLoad = new AtomicInteger();
            List<Started> inProgress = new CopyOnWriteArrayList<>();
            List<Future<?>> load = new ArrayList<>();
            for (int p = 0; p < 16; p++) {
                int player = p;
                load.add(players.submit(() -> {
                    try {
                        String token = register("Player " + player);
                        while (!killed.get()) {
                            Started attempt = startAttempt(token, QUIZZES.get(player % QUIZZES.size()));
                            inProgress.add(attempt);
                            while (!killed.get() && answerCurrent(attempt, acked)) {
                                ackedDuringLoad.incrementAndGet();
                            }
                        }
                    } catch (IOException | AssertionError e) {
                        if (!killed.get()) {
                            throw e;
                        }
                    }
                    return null;
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (ackedDuringLoad.get() < 300 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(ackedDuringLoad.get()).as("answers acknowledged under load before the kill").isGreaterThan(0);
            killed.set(true); // from now on, failed requests are expected
            if (signal.equals("SIGKILL")) {
                process.destroyForcibly(); // with requests in flight
            } else {
                process.toHandle().destroy(); // SIGTERM: requests in flight finish, then the server stops
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (Future<?> player : load) {
                player.get(30, TimeUnit.SECONDS);
            }
            int ackedBeforeKill = acked.size();

            // Restart on the same data.
            start(data);

            assertThat(leaderboards()).as("the leaderboards are what they were before the kill")
                    .isEqualTo(boardsBefore);
            for (Map.Entry<String, Integer> finished : finishedScores.entrySet()) {
                JsonNode attempt = send("GET", "/api/v1/attempts/" + finished.getKey(),
                        finishedTokens.get(finished.getKey()), null, 200);
                assertThat(attempt.get("status").asText()).isEqualTo("FINISHED");
                assertThat(attempt.get("score").asInt()).isEqualTo(finished.getValue());
            }
            Map<String, List<Acked>> ackedByAttempt = new HashMap<>();
            acked.forEach(answer -> ackedByAttempt.computeIfAbsent(answer.attemptId(), k -> new ArrayList<>())
                    .add(answer));
            int resumedAttempts = 0;
            for (Started attempt : inProgress) {
                JsonNode state = send("GET", "/api/v1/attempts/" + attempt.attemptId(), attempt.token(), null, 200);
                assertThat(state.get("status").asText()).isEqualTo("IN_PROGRESS");
                assertThat(state.get("deadline").asText()).as("the deadline is intact").isEqualTo(attempt.deadline());
                if (state.get("answered").asInt() > 0
                        && state.get("answered").asInt() < state.get("questionCount").asInt()) {
                    assertThat(answerCurrent(attempt, acked)).as("the attempt goes on after the restart").isTrue();
                    resumedAttempts++;
                }
            }
            assertThat(resumedAttempts).as("attempts in progress at the kill that went on").isPositive();

            for (Started attempt : inProgress) {
                send("POST", "/api/v1/attempts/" + attempt.attemptId() + "/finish", attempt.token(), null, 200);
            }
            int checked = 0;
            for (Map.Entry<String, List<Acked>> attempt : ackedByAttempt.entrySet()) {
                String token = attempt.getValue().get(0).token();
                JsonNode finished = send("POST", "/api/v1/attempts/" + attempt.getKey() + "/finish", token, null, 200);
                Map<String, JsonNode> review = new HashMap<>();
                finished.get("review").forEach(item -> review.put(item.get("questionId").asText(), item));
                for (Acked answer : attempt.getValue()) {
                    JsonNode item = review.get(answer.questionId());
                    assertThat(item.get("answer")).as("answer to %s of %s", answer.questionId(), attempt.getKey())
                            .isEqualTo(answer.answer());
                    assertThat(item.get("points").asInt()).isEqualTo(answer.points());
                    checked++;
                }
            }
            assertThat(checked).isGreaterThanOrEqualTo(ackedBeforeKill);
            System.out.printf("kill test: %d answers acknowledged (%d under load before SIGKILL), all found after "
                    + "the restart; %d finished attempts kept%n", ackedBeforeKill, ackedDuringLoad.get(),
                    finishedScores.size());
        } finally {
            players.shutdownNow();
        }

        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    // ---- the client

    private String register(String name) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("name", name);
        return send("POST", "/api/v1/players", null, body, 201).get("token").asText();
    }

    private Started startAttempt(String token, String quizId) throws IOException, InterruptedException {
        JsonNode attempt = send("POST", "/api/v1/quizzes/" + quizId + "/attempts", token, null, 201);
        return new Started(token, attempt.get("id").asText(), attempt.get("deadline").asText());
    }

    /** Fetches the current question and answers it; false when there is none left. */
    private boolean answerCurrent(Started attempt, List<Acked> acked) throws IOException, InterruptedException {
        HttpResponse<String> response = exchange("GET", "/api/v1/attempts/" + attempt.attemptId() + "/question",
                attempt.token(), null);
        if (response.statusCode() == 204) {
            return false;
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode question = JSON.readTree(response.body());
        ObjectNode answer = answerTo(question);
        String questionId = question.get("id").asText();
        JsonNode result = send("PUT", "/api/v1/attempts/" + attempt.attemptId() + "/answers/" + questionId,
                attempt.token(), answer, 200);
        acked.add(new Acked(attempt.token(), attempt.attemptId(), questionId, answer, result.get("points").asInt()));
        return true;
    }

    private static ObjectNode answerTo(JsonNode question) {
        ObjectNode answer = JSON.createObjectNode();
        JsonNode options = question.path("options");
        switch (question.get("type").asText()) {
            case "single_choice", "poll" -> answer.put("choice", options.get(options.size() - 1).get("id").asText());
            case "multiple_response" -> answer.putArray("choices").add(options.get(0).get("id").asText());
            case "true_false" -> answer.put("value", true);
            case "short_text" -> answer.put("text", "शांति");
            case "numeric" -> answer.put("number", 112);
            case "ordering" -> {
                ArrayNode order = answer.putArray("order");
                options.forEach(option -> order.add(option.get("id").asText()));
            }
            case "matching" -> {
                ObjectNode pairs = answer.putObject("pairs");
                for (int i = 0; i < question.get("left").size(); i++) {
                    pairs.put(question.get("left").get(i).get("id").asText(),
                            question.get("right").get(i).get("id").asText());
                }
            }
            default -> throw new AssertionError("unknown type " + question.get("type"));
        }
        return answer;
    }

    private Map<String, JsonNode> leaderboards() throws IOException, InterruptedException {
        Map<String, JsonNode> boards = new HashMap<>();
        for (String quiz : QUIZZES) {
            boards.put(quiz, send("GET", "/api/v1/quizzes/" + quiz + "/leaderboard?limit=100", null, null, 200));
        }
        return boards;
    }

    private JsonNode send(String method, String path, String token, JsonNode body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = exchange(method, path, token, body);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> exchange(String method, String path, String token, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(15))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    // ---- the server

    private void start(Path data) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("demo.jar", "target/quiz-demo.jar"));
        assertThat(jar).exists();
        port = freePort();
        output.clear();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString()).redirectErrorStream(true);
        builder.environment().put("QUIZ_PORT", Integer.toString(port));
        builder.environment().put("QUIZ_DATA_DIR", data.toString());
        builder.environment().put("QUIZ_RATE_LIMIT_PER_MINUTE", "0");
        builder.environment().put("QUIZ_ADMIN_TOKEN", "kill-test-admin-token-0123456789");
        builder.environment().remove("QUIZ_DB_URL");
        process = builder.start();
        Process started = process;
        Thread reader = new Thread(() -> readOutput(started), "demo-output");
        reader.setDaemon(true);
        reader.start();
        String expected = "kydp-quiz demo is running: http://localhost:" + port + "/api/v1/quizzes";
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            if (output.contains(expected)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the demo exited with " + process.exitValue() + ":\n" + String.join("\n", output));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the demo did not start:\n" + String.join("\n", output));
    }

    private void readOutput(Process from) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(from.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("<output closed: " + e.getMessage() + ">");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
