package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;

/**
 * A corpus of hostile requests across every endpoint: each gets its 4xx as problem+json, never a 5xx, and
 * changes nothing (the attempt under attack keeps its state).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsTest {

    private static final String ADMIN = "test-admin-token-0123456789";
    private static final String JSON = "application/json";
    private static final byte[] INVALID_UTF8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    private final QuizEngine engine = QuizEngine.builder().clock(MutableClock.at("2026-02-16T04:30:00Z")).build();
    private ApiServer server;
    private String token;
    private String attempt;
    private String before;

    @BeforeAll
    void start() {
        engine.publish(SampleQuizzes.catalogue());
        server = ApiServer.start(engine, ApiConfig.defaults().withAdminToken(ADMIN).withRateLimitPerMinute(0));
        token = server.register("Target");
        attempt = server.as(token).post("/api/v1/quizzes/catalogue/attempts").path("id");
        server.as(token).get("/api/v1/attempts/" + attempt + "/question").then().statusCode(200);
        before = state();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String state() {
        return server.as(token).get("/api/v1/attempts/" + attempt).asString();
    }

    record Hostile(String name, String method, String path, String contentType, Object body, String auth,
                   int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> corpus() {
        List<Hostile> c = new ArrayList<>();
        String answer = "/api/v1/attempts/{attempt}/answers/emergency";
        String players = "/api/v1/players";
        // malformed JSON and wrong shapes
        c.add(new Hostile("truncated JSON", "POST", players, JSON, "{\"name\":", "none", 400));
        c.add(new Hostile("trailing garbage", "POST", players, JSON, "{\"name\":\"A\"} x", "none", 400));
        c.add(new Hostile("single quotes", "POST", players, JSON, "{'name':'A'}", "none", 400));
        c.add(new Hostile("bare string", "POST", players, JSON, "\"Asha\"", "none", 422));
        c.add(new Hostile("array body", "POST", players, JSON, "[{\"name\":\"A\"}]", "none", 422));
        c.add(new Hostile("null body", "POST", players, JSON, "null", "none", 422));
        c.add(new Hostile("empty body", "POST", players, JSON, "", "none", 400));
        c.add(new Hostile("whitespace body", "POST", players, JSON, "   ", "none", 400));
        c.add(new Hostile("name is a number", "POST", players, JSON, "{\"name\": 42}", "none", 422));
        c.add(new Hostile("name is an object", "POST", players, JSON, "{\"name\": {\"x\": 1}}", "none", 422));
        c.add(new Hostile("name is null", "POST", players, JSON, "{\"name\": null}", "none", 422));
        c.add(new Hostile("name is an array", "POST", players, JSON, "{\"name\": [\"A\"]}", "none", 422));
        c.add(new Hostile("name too long", "POST", players, JSON, "{\"name\": \"" + "a".repeat(33) + "\"}", "none", 422));
        c.add(new Hostile("name of 10k chars", "POST", players, JSON, "{\"name\": \"" + "a".repeat(10_000) + "\"}", "none", 422));
        c.add(new Hostile("name with NUL", "POST", players, JSON, "{\"name\": \"a\\u0000b\"}", "none", 422));
        c.add(new Hostile("name with newline", "POST", players, JSON, "{\"name\": \"a\\nb\"}", "none", 422));
        c.add(new Hostile("name with RTL override", "POST", players, JSON, "{\"name\": \"a\\u202Eb\"}", "none", 422));
        c.add(new Hostile("name with markup", "POST", players, JSON, "{\"name\": \"<script>x</script>\"}", "none", 422));
        c.add(new Hostile("name lone surrogate", "POST", players, JSON, "{\"name\": \"\\ud800\"}", "none", 422));
        c.add(new Hostile("invalid UTF-8", "POST", players, JSON, INVALID_UTF8, "none", 400));
        c.add(new Hostile("deeply nested", "POST", players, JSON, "[".repeat(5000) + "]".repeat(5000), "none", 400));
        c.add(new Hostile("duplicate keys", "POST", players, JSON, "{\"name\":\"A\",\"name\":\"<b>\"}", "none", 400));
        c.add(new Hostile("body over 64 KiB", "POST", players, JSON, "{\"name\": \"" + "a".repeat(70_000) + "\"}", "none", 413));
        c.add(new Hostile("text/plain body", "POST", players, "text/plain", "{\"name\":\"A\"}", "none", 415));
        c.add(new Hostile("XML body", "POST", players, "application/xml", "<name>A</name>", "none", 415));
        // routes and methods
        c.add(new Hostile("unknown route", "GET", "/api/v1/secrets", JSON, null, "none", 404));
        c.add(new Hostile("path traversal", "GET", "/api/v1/../../etc/passwd", JSON, null, "none", 404));
        c.add(new Hostile("encoded traversal", "GET", "/api/v1/quizzes/..%2F..%2Fetc", JSON, null, "none", 404));
        c.add(new Hostile("DELETE players", "DELETE", players, JSON, null, "none", 405));
        c.add(new Hostile("PUT quizzes", "PUT", "/api/v1/quizzes", JSON, "{}", "none", 405));
        c.add(new Hostile("PATCH attempt", "PATCH", "/api/v1/attempts/{attempt}", JSON, "{}", "player", 405));
        c.add(new Hostile("huge quiz id", "GET", "/api/v1/quizzes/" + "x".repeat(3000), JSON, null, "none", 404));
        c.add(new Hostile("quiz id with NUL", "GET", "/api/v1/quizzes/a%00b", JSON, null, "none", 400));
        c.add(new Hostile("SQL in quiz id", "GET", "/api/v1/quizzes/x'%20OR%20'1'='1", JSON, null, "none", 404));
        // paging and query parameters
        c.add(new Hostile("limit zero", "GET", "/api/v1/quizzes?limit=0", JSON, null, "none", 422));
        c.add(new Hostile("limit negative", "GET", "/api/v1/quizzes?limit=-5", JSON, null, "none", 422));
        c.add(new Hostile("limit huge", "GET", "/api/v1/quizzes?limit=99999999999999999999", JSON, null, "none", 422));
        c.add(new Hostile("limit NaN", "GET", "/api/v1/quizzes?limit=NaN", JSON, null, "none", 422));
        c.add(new Hostile("bad cursor", "GET", "/api/v1/quizzes?cursor=***", JSON, null, "none", 422));
        c.add(new Hostile("offset negative", "GET", "/api/v1/quizzes/catalogue/leaderboard?offset=-1", JSON, null, "none", 422));
        c.add(new Hostile("offset overflow", "GET", "/api/v1/quizzes/catalogue/leaderboard?offset=2147483648", JSON, null, "none", 422));
        c.add(new Hostile("window unknown", "GET", "/api/v1/quizzes/catalogue/leaderboard?window=year", JSON, null, "none", 422));
        c.add(new Hostile("around too big", "GET", "/api/v1/quizzes/catalogue/leaderboard/me?around=100000", JSON, null, "player", 422));
        // authentication
        c.add(new Hostile("no token", "GET", "/api/v1/attempts/{attempt}", JSON, null, "none", 401));
        c.add(new Hostile("empty bearer", "GET", "/api/v1/attempts/{attempt}", JSON, null, "Bearer ", 401));
        c.add(new Hostile("basic auth", "GET", "/api/v1/attempts/{attempt}", JSON, null, "Basic YTpi", 401));
        c.add(new Hostile("forged token", "GET", "/api/v1/attempts/{attempt}", JSON, null, "Bearer " + "A".repeat(43), 401));
        c.add(new Hostile("huge token", "GET", "/api/v1/attempts/{attempt}", JSON, null, "Bearer " + "A".repeat(6000), 401));
        c.add(new Hostile("other player's attempt", "GET", "/api/v1/attempts/{attempt}", JSON, null, "other", 404));
        c.add(new Hostile("other player answers", "PUT", answer, JSON, "{\"choice\":\"b\"}", "other", 404));
        c.add(new Hostile("other player finishes", "POST", "/api/v1/attempts/{attempt}/finish", JSON, null, "other", 404));
        c.add(new Hostile("admin route, player token", "GET", "/api/v1/admin/quizzes", JSON, null, "player", 401));
        c.add(new Hostile("admin route, no token", "POST", "/api/v1/admin/quizzes", JSON, "{}", "none", 401));
        c.add(new Hostile("admin delete, player token", "DELETE", "/api/v1/admin/quizzes/catalogue", JSON, null, "player", 401));
        // answers
        c.add(new Hostile("answer: no field", "PUT", answer, JSON, "{}", "player", 422));
        c.add(new Hostile("answer: two fields", "PUT", answer, JSON, "{\"choice\":\"a\",\"value\":true}", "player", 422));
        c.add(new Hostile("answer: unknown option", "PUT", answer, JSON, "{\"choice\":\"zz\"}", "player", 422));
        c.add(new Hostile("answer: wrong shape", "PUT", answer, JSON, "{\"value\":true}", "player", 422));
        c.add(new Hostile("answer: choice number", "PUT", answer, JSON, "{\"choice\":1}", "player", 422));
        c.add(new Hostile("answer: huge number", "PUT", answer, JSON, "{\"number\":1e999}", "player", 422));
        c.add(new Hostile("answer: long text", "PUT", answer, JSON, "{\"text\":\"" + "x".repeat(60_000) + "\"}", "player", 422));
        c.add(new Hostile("answer: 1000 choices", "PUT", answer, JSON, "{\"choices\":[" + "\"a\",".repeat(999) + "\"a\"]}", "player", 422));
        c.add(new Hostile("answer: unserved question", "PUT", "/api/v1/attempts/{attempt}/answers/mha", JSON, "{\"value\":true}", "player", 409));
        c.add(new Hostile("answer: unknown question", "PUT", "/api/v1/attempts/{attempt}/answers/nope", JSON, "{\"value\":true}", "player", 404));
        c.add(new Hostile("answer: unknown attempt", "PUT", "/api/v1/attempts/nope/answers/emergency", JSON, "{\"choice\":\"b\"}", "player", 404));
        c.add(new Hostile("answer: malformed JSON", "PUT", answer, JSON, "{\"choice\":", "player", 400));
        c.add(new Hostile("answer: form encoded", "PUT", answer, "application/x-www-form-urlencoded", "choice=b", "player", 415));
        c.add(new Hostile("start: unknown quiz", "POST", "/api/v1/quizzes/nope/attempts", JSON, null, "player", 404));
        return c.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void a_hostile_request_gets_a_clear_4xx_and_changes_nothing(Hostile hostile) {
        String other = hostile.auth().equals("other") ? server.register("Other") : null;
        RequestSpecification request = server.request().contentType(hostile.contentType());
        switch (hostile.auth()) {
            case "none" -> { }
            case "player" -> request = request.header("Authorization", "Bearer " + token);
            case "other" -> request = request.header("Authorization", "Bearer " + other);
            default -> request = request.header("Authorization", hostile.auth());
        }
        if (hostile.body() instanceof byte[] bytes) {
            request = request.body(bytes);
        } else if (hostile.body() != null && hostile.contentType().contains("form")) {
            request = request.body((String) hostile.body());
        } else if (hostile.body() != null) {
            request = request.body(((String) hostile.body()).getBytes(StandardCharsets.UTF_8));
        }
        String path = hostile.path().replace("{attempt}", attempt);
        Response response = request.urlEncodingEnabled(false).request(hostile.method(), path);

        assertThat(response.statusCode()).as(hostile.name() + ": " + response.asString()).isEqualTo(hostile.status());
        assertThat(response.contentType()).as(hostile.name()).startsWith("application/problem+json");
        assertThat(response.asString()).doesNotContain("Exception", "org.kydp", "\tat ", "SQL");
        assertThat(state()).as("the attempt is unchanged after " + hostile.name()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void the_corpus_covers_at_least_sixty_requests() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(60);
    }
}
