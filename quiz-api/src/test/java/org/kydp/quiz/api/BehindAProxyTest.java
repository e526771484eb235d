package org.kydp.quiz.api;

import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;

/**
 * Limits per citizen, not per proxy: with the proxy's address in {@code QUIZ_TRUSTED_PROXIES}, the address it
 * forwards for is the client's; anyone else's {@code X-Forwarded-For} is ignored. The tests' requests come from
 * the loopback address, which plays the proxy.
 */
class BehindAProxyTest {

    private static final List<String> LOOPBACK = List.of("127.0.0.1", "::1");

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final QuizEngine engine = QuizEngine.builder().clock(clock).build();

    private ApiServer start(List<String> trustedProxies) {
        return ApiServer.start(engine, ApiConfig.defaults().withAdminToken("test-admin-token-0123456789")
                .withRateLimitPerMinute(2).withTrustedProxies(trustedProxies));
    }

    private static Response register(ApiServer server, String forwardedFor, String name) {
        var request = server.request().body("{\"name\": \"" + name + "\"}");
        if (forwardedFor != null) {
            request = request.header("X-Forwarded-For", forwardedFor);
        }
        return request.post("/api/v1/players");
    }

    @Test
    void two_citizens_behind_a_trusted_proxy_have_a_bucket_each() {
        try (ApiServer server = start(LOOPBACK)) {
            register(server, "198.51.100.1", "Asha").then().statusCode(201);
            register(server, "198.51.100.1", "Asha").then().statusCode(201);
            register(server, "198.51.100.1", "Asha").then().statusCode(429)
                    .contentType("application/problem+json")
                    .body("type", equalTo(Problem.TYPE_BASE + "rate-limited"))
                    .header("Retry-After", "30");

            register(server, "198.51.100.2", "Ravi").then().statusCode(201);
            register(server, "2001:db8::2", "Meera").then().statusCode(201);
            register(server, null, "Proxy").then().statusCode(201); // the proxy's own requests are its own

            clock.advance(Duration.ofSeconds(30));
            register(server, "198.51.100.1", "Asha").then().statusCode(201);
        }
    }

    @Test
    void what_a_citizen_writes_before_the_proxys_entry_does_not_move_it_to_another_bucket() {
        try (ApiServer server = start(LOOPBACK)) {
            register(server, "10.0.0.1, 198.51.100.1", "Asha").then().statusCode(201);
            register(server, "10.0.0.2, 198.51.100.1", "Asha").then().statusCode(201);
            register(server, "127.0.0.1, 198.51.100.1", "Asha").then().statusCode(429);
            register(server, "198.51.100.2, 198.51.100.1", "Asha").then().statusCode(429);
        }
    }

    @Test
    void an_untrusted_peer_cannot_leave_its_bucket_by_sending_x_forwarded_for() {
        try (ApiServer server = start(List.of("10.0.0.0/8"))) {
            register(server, "198.51.100.1", "Asha").then().statusCode(201);
            register(server, "198.51.100.2", "Asha").then().statusCode(201);
            register(server, "198.51.100.3", "Asha").then().statusCode(429);
            register(server, null, "Asha").then().statusCode(429);
        }
        try (ApiServer server = start(List.of())) {
            register(server, "198.51.100.1", "Asha").then().statusCode(201);
            register(server, "2001:db8::1", "Asha").then().statusCode(201);
            register(server, "198.51.100.3", "Asha").then().statusCode(429);
        }
    }

    @Test
    void a_malformed_forwarded_for_falls_back_to_the_proxy_and_fails_nothing() {
        try (ApiServer server = start(LOOPBACK)) {
            register(server, "not-an-address", "Asha").then().statusCode(201);
            register(server, "999.1.1.1", "Asha").then().statusCode(201);
            register(server, null, "Asha").then().statusCode(429); // both counted as the proxy's own
            register(server, ",,,", "Asha").then().statusCode(429);
            register(server, "198.51.100.1", "Ravi").then().statusCode(201);
        }
    }
}
