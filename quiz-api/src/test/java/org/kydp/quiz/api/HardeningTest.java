package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;

/** Rate limits, CORS, security headers, request ids, media types and request logs. */
class HardeningTest {

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final QuizEngine engine = QuizEngine.builder().clock(clock).build();

    private ApiServer start(ApiConfig config) {
        engine.publish(SampleQuizzes.helplines());
        return ApiServer.start(engine, config.withAdminToken("test-admin-token-0123456789"));
    }

    @Test
    void registrations_and_attempt_starts_are_limited_per_address_with_retry_after() {
        try (ApiServer server = start(ApiConfig.defaults().withRateLimitPerMinute(3))) {
            String token = server.register("A");
            server.register("B");
            server.register("C");
            Response refused = server.request().body("{\"name\": \"D\"}").post("/api/v1/players");
            refused.then().statusCode(429).contentType("application/problem+json")
                    .body("type", equalTo(Problem.TYPE_BASE + "rate-limited"))
                    .header("Retry-After", "20");
            server.request().get("/api/v1/quizzes").then().statusCode(200);

            clock.advance(Duration.ofSeconds(20));
            server.as(token).post("/api/v1/quizzes/helplines/attempts").then().statusCode(201);
            server.as(token).post("/api/v1/quizzes/helplines/attempts").then().statusCode(429);
        }
    }

    @Test
    void a_limit_of_zero_turns_rate_limiting_off() {
        try (ApiServer server = start(ApiConfig.defaults().withRateLimitPerMinute(0))) {
            for (int i = 0; i < 100; i++) {
                server.register("P" + i);
            }
        }
    }

    @Test
    void cors_is_granted_only_to_configured_origins() {
        try (ApiServer server = start(ApiConfig.defaults().withCorsOrigins(List.of("https://quiz.example")))) {
            server.request().header("Origin", "https://quiz.example").get("/api/v1/quizzes").then()
                    .header("Access-Control-Allow-Origin", "https://quiz.example");
            server.request().header("Origin", "https://evil.example").get("/api/v1/quizzes").then()
                    .statusCode(200).header("Access-Control-Allow-Origin", nullValue());
            server.request().header("Origin", "https://quiz.example")
                    .header("Access-Control-Request-Method", "PUT").options("/api/v1/attempts/x/answers/y").then()
                    .statusCode(204).header("Access-Control-Allow-Methods", matchesPattern(".*PUT.*"));
            server.request().header("Origin", "https://evil.example")
                    .header("Access-Control-Request-Method", "PUT").options("/api/v1/attempts/x/answers/y").then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo(Problem.TYPE_BASE + "forbidden"))
                    .body("detail", containsString("https://evil.example"))
                    .header("Access-Control-Allow-Methods", nullValue());
        }
        try (ApiServer server = start(ApiConfig.defaults())) {
            server.request().header("Origin", "https://quiz.example").get("/api/v1/quizzes").then()
                    .header("Access-Control-Allow-Origin", nullValue());
        }
    }

    @Test
    void every_response_carries_security_headers_and_a_request_id() {
        try (ApiServer server = start(ApiConfig.defaults())) {
            for (Response response : List.of(server.request().get("/api/v1/quizzes"),
                    server.request().get("/api/v1/nothing"), server.request().body("{}").post("/api/v1/players"),
                    server.request().get("/health"))) {
                response.then()
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Referrer-Policy", "no-referrer")
                        .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                        .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
            }
            server.request().header("X-Request-Id", "abc-123").get("/health").then().header("X-Request-Id", "abc-123");
            server.request().header("X-Request-Id", "<script>").get("/health").then()
                    .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        }
    }

    /**
     * A client sending a body over the limit reads the 413, however large the body, up to the largest any request
     * may be, and keeps its connection: the server reads what is sent before it answers. Answering and closing with
     * the body still coming makes the client's network stack drop the answer now and then (a reset), and the client
     * sees a broken connection instead of the 413.
     */
    @Test
    void a_body_over_the_limit_is_read_and_answered_with_413_on_a_connection_kept_open() throws Exception {
        try (ApiServer server = start(ApiConfig.defaults().withRateLimitPerMinute(0))) {
            String token = server.register("Asha");
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            for (int size : List.of(200_000, 1_000_000)) {
                String body = "{\"name\": \"" + "x".repeat(size) + "\"}";
                for (int i = 0; i < 10; i++) {
                    java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://localhost:" + server.port() + "/api/v1/players"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as("%,d bytes", size).isEqualTo(413);
                    assertThat(response.body()).contains("payload-too-large");
                    assertThat(response.headers().firstValue("Connection")).as("%,d bytes", size).isEmpty();
                }
            }
        }
    }

    @Test
    void a_body_that_is_not_sent_as_json_is_415_and_changes_nothing() {
        try (ApiServer server = start(ApiConfig.defaults())) {
            server.request().contentType("text/plain").body("{\"name\": \"Asha\"}").post("/api/v1/players").then()
                    .statusCode(415).contentType("application/problem+json")
                    .body("type", equalTo(Problem.TYPE_BASE + "unsupported-media-type"));
            server.request().contentType("application/x-www-form-urlencoded").body("name=Asha")
                    .post("/api/v1/players").then().statusCode(415);
            server.request().contentType("application/json; charset=utf-8").body("{\"name\": \"Asha\"}")
                    .post("/api/v1/players").then().statusCode(201);
            server.request().contentType("application/merge-patch+json").body("{\"name\": \"Ravi\"}")
                    .post("/api/v1/players").then().statusCode(201);
        }
    }

    @Test
    void request_logs_name_method_path_status_and_id_but_never_a_token() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (ApiServer server = start(ApiConfig.defaults())) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            String token = server.register("Asha");
            server.as(token).header("X-Request-Id", "trace-42").post("/api/v1/quizzes/helplines/attempts")
                    .then().statusCode(201);
            server.as(token).get("/api/v1/attempts/none").then().statusCode(404);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("POST /api/v1/quizzes/helplines/attempts 201").contains("id=trace-42")
                .contains("GET /api/v1/attempts/none 404");
        assertThat(log).doesNotContain("Bearer").doesNotContainIgnoringCase("token\":");
    }

    @Test
    void each_request_is_one_log_line_without_the_token_of_its_authorization_header_or_query() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String playerToken;
        String hostToken;
        try (ApiServer server = start(ApiConfig.defaults())) {
            playerToken = server.register("Asha");
            Response created = server.as("test-admin-token-0123456789").body("{\"quizId\": \"helplines\"}")
                    .post("/api/v1/live-sessions");
            String session = created.path("id");
            hostToken = created.path("hostToken");
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            server.as(playerToken).header("X-Request-Id", "header-token").post("/api/v1/quizzes/helplines/attempts")
                    .then().statusCode(201);
            server.request().header("X-Request-Id", "query-token")
                    .get("/api/v1/live-sessions/" + session + "/state?token=" + hostToken).then().statusCode(200);
            server.request().header("X-Request-Id", "wrong-query-token")
                    .get("/api/v1/live-sessions/" + session + "/state?token=" + playerToken + "x").then()
                    .statusCode(401);
        } finally {
            System.setErr(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();

        for (String id : List.of("header-token", "query-token", "wrong-query-token")) {
            assertThat(lines.stream().filter(line -> line.endsWith("id=" + id))).as(id).hasSize(1);
        }
        assertThat(lines).anyMatch(line -> line.contains("GET /api/v1/live-sessions/") && line.contains("/state 200"));
        assertThat(lines).noneMatch(line -> line.contains(playerToken) || line.contains(hostToken)
                || line.contains("token=") || line.contains("Bearer"));
    }
}
