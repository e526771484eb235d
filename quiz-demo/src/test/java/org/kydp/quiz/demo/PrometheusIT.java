package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics as a real Prometheus sees them: the packaged demo with a metrics token, and Debian's
 * {@code prometheus} on loopback scraping its {@code /metrics} every second with that token. A few plays through the
 * REST API must show in Prometheus's answers to PromQL, and {@code promtool check metrics} must accept the
 * exposition. Runs in the {@code prometheus} profile, on where {@code /usr/bin/prometheus} is installed.
 */
class PrometheusIT {

    private static final String METRICS_TOKEN = "prometheus-it-metrics-token";
    private static final int PLAYS = 3;

    private final List<Process> processes = new ArrayList<>();
    private final List<String> demoOutput = Collections.synchronizedList(new ArrayList<>());
    private final List<String> prometheusOutput = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void prometheus_scrapes_the_demo_and_sees_the_plays_and_the_route_templates() throws Exception {
        int demoPort = freePort();
        startDemo(demoPort);
        for (int i = 0; i < PLAYS; i++) {
            play(demoPort, "Scraped " + i);
        }

        int prometheusPort = freePort();
        startPrometheus(demoPort, prometheusPort);

        double finished = awaitValue(prometheusPort, "sum(kydp_quiz_attempts_finished_total)", PLAYS);
        assertThat(finished).isGreaterThanOrEqualTo(PLAYS);
        assertThat(query(prometheusPort, "up{job=\"kydp-quiz\"}")).isEqualTo(1.0);
        assertThat(query(prometheusPort, "sum(kydp_quiz_answers_total)")).isGreaterThanOrEqualTo(PLAYS);
        assertThat(query(prometheusPort, "sum(kydp_quiz_players_registered_total)")).isGreaterThanOrEqualTo(PLAYS);
        assertThat(query(prometheusPort, "sum(http_server_requests_seconds_count{method=\"PUT\","
                + "uri=\"/api/v1/attempts/{attemptId}/answers/{questionId}\",status=\"200\"})"))
                .isGreaterThanOrEqualTo(PLAYS);
        assertThat(query(prometheusPort, "histogram_quantile(0.99, sum by (le) "
                + "(http_server_requests_seconds_bucket{uri=\"/api/v1/quizzes/{quizId}/attempts\"}))"))
                .as("p99 of attempt starts, in seconds").isPositive();
        assertThat(query(prometheusPort, "count(http_server_requests_seconds_count{uri=~\".*[0-9a-f]{8}.*\"})"))
                .as("no series with an id in its route").isNaN();
        assertThat(query(prometheusPort, "sum(hikaricp_connections_max)")).isPositive();
        assertThat(query(prometheusPort, "sum(jvm_memory_used_bytes)")).isPositive();

        String exposition = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demoPort + "/metrics"))
                        .header("Authorization", "Bearer " + METRICS_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = promtool.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String verdict = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as("promtool check metrics: " + verdict).isZero();
    }

    private void startDemo(int port) throws Exception {
        Path jar = Path.of(System.getProperty("demo.jar", "target/quiz-demo.jar"));
        assertThat(jar).exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true);
        builder.environment().put("QUIZ_PORT", Integer.toString(port));
        builder.environment().put("QUIZ_DATA_DIR", Files.createTempDirectory("quiz-demo-prometheus").toString());
        builder.environment().put("QUIZ_METRICS_TOKEN", METRICS_TOKEN);
        builder.environment().remove("QUIZ_METRICS");
        Process demo = builder.start();
        processes.add(demo);
        CompletableFuture.runAsync(() -> read(demo.getInputStream(), demoOutput));
        String running = "kydp-quiz demo is running: http://localhost:" + port + "/api/v1/quizzes";
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!demoOutput.contains(running)) {
            if (!demo.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("the demo did not start:\n" + String.join("\n", demoOutput));
            }
            Thread.sleep(50);
        }
    }

    private void startPrometheus(int demoPort, int port) throws Exception {
        Path dir = Files.createTempDirectory("prometheus-it");
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: kydp-quiz
                    metrics_path: /metrics
                    authorization:
                      credentials: %s
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(METRICS_TOKEN, demoPort));
        Process prometheus = new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + config,
                "--web.listen-address=127.0.0.1:" + port, "--storage.tsdb.path=" + dir.resolve("data"))
                .redirectErrorStream(true).start();
        processes.add(prometheus);
        CompletableFuture.runAsync(() -> read(prometheus.getInputStream(), prometheusOutput));
    }

    /** Plays the first quiz through the REST API, as a new player, answering whatever is served. */
    private static void play(int port, String name) {
        String token = request(port).body("{\"name\": \"" + name + "\"}").post("/api/v1/players")
                .then().statusCode(201).extract().path("token");
        String quizId = request(port).get("/api/v1/quizzes").then().statusCode(200).extract().path("items[0].id");
        String attempt = as(port, token)
                .post("/api/v1/quizzes/" + quizId + "/attempts").then().statusCode(201).extract().path("id");
        for (Response served = as(port, token).get("/api/v1/attempts/" + attempt + "/question");
             served.statusCode() == 200;
             served = as(port, token).get("/api/v1/attempts/" + attempt + "/question")) {
            as(port, token).body(RestPlayer.anyAnswer(served))
                    .put("/api/v1/attempts/" + attempt + "/answers/" + served.<String>path("id"))
                    .then().statusCode(200);
        }
        as(port, token).post("/api/v1/attempts/" + attempt + "/finish").then().statusCode(200);
    }

    private static RequestSpecification as(int port, String token) {
        return request(port).header("Authorization", "Bearer " + token);
    }

    private static RequestSpecification request(int port) {
        return RestAssured.given().baseUri("http://localhost").port(port).contentType(ContentType.JSON);
    }

    /** Asks Prometheus until the query's value reaches {@code atLeast} (the first scrapes take a few seconds). */
    private double awaitValue(int port, String promql, double atLeast) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        double value = Double.NaN;
        while (System.nanoTime() < end) {
            try {
                value = query(port, promql);
                if (value >= atLeast) {
                    return value;
                }
            } catch (IOException notYetListening) {
                // Prometheus is still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError(promql + " = " + value + ", not " + atLeast + " within 90 s; Prometheus said:\n"
                + String.join("\n", prometheusOutput));
    }

    /** The value of an instant query's single result, or NaN when it has none. */
    private double query(int port, String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json.readTree(response.body()).path("data").path("result");
        assertThat(result.size()).as(promql + ": " + response.body()).isLessThanOrEqualTo(1);
        return result.isEmpty() ? Double.NaN : Double.parseDouble(result.get(0).path("value").get(1).asText());
    }

    private static void read(InputStream stream, List<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("<output closed: " + e.getMessage() + ">");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
