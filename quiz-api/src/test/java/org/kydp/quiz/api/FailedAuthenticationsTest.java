package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.ManualScheduler;
import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;

/**
 * Failed authentications are limited per client address: past the limit every request of the address that
 * authenticates is refused with 429, the right token included, until the time given in {@code Retry-After}; a
 * success neither counts nor washes failures out. The tests' requests come from the loopback address, trusted as
 * a proxy, so that citizens can be told apart by {@code X-Forwarded-For}.
 */
class FailedAuthenticationsTest {

    private static final String ADMIN = "test-admin-token-0123456789";
    private static final String ADMIN_QUIZZES = "/api/v1/admin/quizzes";
    private static final String LIVE = "/api/v1/live-sessions";

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final QuizEngine engine = QuizEngine.builder().clock(clock).liveScheduler(new ManualScheduler(clock))
            .build();

    FailedAuthenticationsTest() {
        engine.publish(SampleQuizzes.helplines());
    }

    private ApiServer start(int failuresPerMinute) {
        return ApiServer.start(engine, ApiConfig.defaults().withAdminToken(ADMIN).withRateLimitPerMinute(0)
                .withAuthFailuresPerMinute(failuresPerMinute).withTrustedProxies(List.of("127.0.0.1", "::1")));
    }

    private static void assertLockedOut(Response response, String retryAfter) {
        response.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo(Problem.TYPE_BASE + "rate-limited"))
                .body("detail", containsString("failed authentications"))
                .header("Retry-After", retryAfter);
    }

    @Test
    void wrong_admin_tokens_shut_the_address_out_even_with_the_right_one_until_retry_after() {
        try (ApiServer server = start(3)) {
            for (int i = 0; i < 3; i++) {
                server.as("not-the-admin-token-" + i).get(ADMIN_QUIZZES).then().statusCode(401);
            }
            assertLockedOut(server.as(ADMIN).get(ADMIN_QUIZZES), "20");
            assertLockedOut(server.as("not-the-admin-token").get(ADMIN_QUIZZES), "20");

            clock.advance(Duration.ofSeconds(19));
            assertLockedOut(server.as(ADMIN).get(ADMIN_QUIZZES), "1");
            clock.advance(Duration.ofSeconds(1));
            server.as(ADMIN).get(ADMIN_QUIZZES).then().statusCode(200);
            server.as(ADMIN).get(ADMIN_QUIZZES).then().statusCode(200);

            server.as("not-the-admin-token").get(ADMIN_QUIZZES).then().statusCode(401);
            assertLockedOut(server.as(ADMIN).get(ADMIN_QUIZZES), "20");
        }
    }

    @Test
    void a_missing_or_malformed_admin_token_counts_as_a_failure() {
        try (ApiServer server = start(3)) {
            server.request().get(ADMIN_QUIZZES).then().statusCode(401);
            server.request().header("Authorization", "Basic YWRtaW46YWRtaW4=").get(ADMIN_QUIZZES).then()
                    .statusCode(401);
            server.request().get(ADMIN_QUIZZES + "/helplines").then().statusCode(401);
            assertLockedOut(server.as(ADMIN).get(ADMIN_QUIZZES), "20");
        }
    }

    @Test
    void wrong_player_tokens_shut_the_address_out_of_playing_but_not_of_what_needs_no_token() {
        try (ApiServer server = start(3)) {
            String token = server.register("Asha");
            for (int i = 0; i < 3; i++) {
                server.as("guess-" + i).post("/api/v1/quizzes/helplines/attempts").then().statusCode(401);
            }
            assertLockedOut(server.as(token).post("/api/v1/quizzes/helplines/attempts"), "20");
            assertLockedOut(server.as(token).get("/api/v1/quizzes/helplines/leaderboard/me"), "20");
            server.request().get("/api/v1/quizzes").then().statusCode(200);
            server.request().get("/api/v1/quizzes/helplines/leaderboard").then().statusCode(200);
            server.register("Ravi");

            clock.advance(Duration.ofSeconds(20));
            server.as(token).post("/api/v1/quizzes/helplines/attempts").then().statusCode(201);
        }
    }

    @Test
    void wrong_host_tokens_of_a_live_session_shut_the_address_out_the_same_way() {
        try (ApiServer server = start(3)) {
            Response created = server.as(ADMIN).body("{\"quizId\": \"helplines\"}").post(LIVE);
            String session = LIVE + "/" + created.then().statusCode(201).extract().path("id");
            String hostToken = created.path("hostToken");

            server.as("not-the-host-token").get(session).then().statusCode(401);
            server.as("not-the-host-token").post(session + "/advance").then().statusCode(401);
            server.request().get(session + "/state?token=not-a-token").then().statusCode(401);
            assertLockedOut(server.as(hostToken).get(session), "20");
            assertLockedOut(server.as(hostToken).get(session + "/events"), "20");
            assertLockedOut(server.as(ADMIN).get(session), "20");

            clock.advance(Duration.ofSeconds(20));
            server.as(hostToken).get(session).then().statusCode(200).body("phase", equalTo("lobby"));
        }
    }

    @Test
    void successful_authentications_neither_count_nor_wash_failures_out() {
        try (ApiServer server = start(3)) {
            for (int i = 0; i < 10; i++) {
                server.as(ADMIN).get(ADMIN_QUIZZES).then().statusCode(200);
            }
            server.as("wrong-1").get(ADMIN_QUIZZES).then().statusCode(401);
            server.as("wrong-2").get(ADMIN_QUIZZES).then().statusCode(401);
            for (int i = 0; i < 10; i++) {
                server.as(ADMIN).get(ADMIN_QUIZZES).then().statusCode(200);
            }
            server.as("wrong-3").get(ADMIN_QUIZZES).then().statusCode(401);
            assertLockedOut(server.as(ADMIN).get(ADMIN_QUIZZES), "20");
        }
    }

    @Test
    void behind_a_trusted_proxy_each_citizen_has_its_own_count_and_the_log_names_the_citizen() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (ApiServer server = start(3)) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            RequestSpecification guesser = server.as("guess").header("X-Forwarded-For", "198.51.100.66");
            for (int i = 0; i < 3; i++) {
                guesser.get(ADMIN_QUIZZES).then().statusCode(401);
            }
            assertLockedOut(server.as(ADMIN).header("X-Forwarded-For", "198.51.100.66").get(ADMIN_QUIZZES), "20");
            server.as(ADMIN).header("X-Forwarded-For", "198.51.100.7").get(ADMIN_QUIZZES).then().statusCode(200);
            server.as(ADMIN).get(ADMIN_QUIZZES).then().statusCode(200);
            server.as(ADMIN).header("X-Forwarded-For", "203.0.113.1, 198.51.100.66").get(ADMIN_QUIZZES).then()
                    .statusCode(429);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).containsOnlyOnce("failed authentications from 198.51.100.66").doesNotContain("guess");
    }

    @Test
    void a_limit_of_zero_turns_it_off() {
        try (ApiServer server = start(0)) {
            for (int i = 0; i < 100; i++) {
                server.as("guess-" + i).get(ADMIN_QUIZZES).then().statusCode(401);
            }
            server.as(ADMIN).get(ADMIN_QUIZZES).then().statusCode(200);
        }
    }
}
