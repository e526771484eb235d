package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Properties;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.live.JoinedPlayer;
import org.kydp.quiz.live.LiveSessions;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.store.jdbc.JdbcStore;
import org.kydp.quiz.store.jdbc.TestDatabases;

class MetricsTest {

    private static final String ADMIN = "test-admin-token-0123456789";
    private static final String METRICS = "test-metrics-token-0123456789";

    /** Plays the helplines quiz once through the API: one right answer, one wrong. */
    private static void play(ApiServer server) {
        String token = server.register("Asha");
        String attempt = server.as(token).post("/api/v1/quizzes/helplines/attempts").then().statusCode(201)
                .extract().path("id");
        server.as(token).get("/api/v1/attempts/" + attempt + "/question").then().statusCode(200);
        server.as(token).body("{\"choice\": \"b\"}").put("/api/v1/attempts/" + attempt + "/answers/emergency")
                .then().statusCode(200);
        server.as(token).get("/api/v1/attempts/" + attempt + "/question").then().statusCode(200);
        server.as(token).body("{\"value\": false}").put("/api/v1/attempts/" + attempt + "/answers/mha")
                .then().statusCode(200);
        server.as(token).post("/api/v1/attempts/" + attempt + "/finish").then().statusCode(200);
    }

    @Test
    void metrics_count_requests_by_route_template_and_what_the_engine_and_store_did() {
        QuizMetrics metrics = QuizMetrics.prometheus();
        try (JdbcStore store = JdbcStore.open(TestDatabases.newH2())) {
            metrics.bindStore(store);
            QuizEngine engine = QuizEngine.builder().store(store).metrics(metrics.engine()).build();
            engine.publish(SampleQuizzes.helplines());
            try (ApiServer server = ApiServer.start(engine, ApiConfig.defaults().withAdminToken(ADMIN), metrics)) {
                play(server);
                server.request().get("/api/v1/attempts/no-such-attempt").then().statusCode(401);
                server.request().get("/no/such/page").then().statusCode(404);

                String exposition = server.request().get("/metrics").then().statusCode(200)
                        .contentType("text/plain; version=0.0.4; charset=utf-8").extract().asString();

                assertThat(exposition)
                        .contains("kydp_quiz_players_registered_total 1.0")
                        .contains("kydp_quiz_attempts_started_total 1.0")
                        .contains("kydp_quiz_attempts_finished_total 1.0")
                        .contains("kydp_quiz_answers_total{outcome=\"correct\",type=\"single_choice\"} 1.0")
                        .contains("kydp_quiz_answers_total{outcome=\"wrong\",type=\"true_false\"} 1.0")
                        .contains("kydp_quiz_leaderboard_entries{quiz=\"helplines\"} 1.0")
                        .contains("kydp_quiz_live_sessions_open 0.0")
                        .contains("kydp_quiz_live_streams_open 0.0")
                        .contains("kydp_quiz_group_commit_writes_count")
                        .contains("kydp_quiz_group_commit_seconds_count")
                        .contains("kydp_quiz_cache_hits_total{cache=\"attempts\"}")
                        .contains("kydp_quiz_cache_entries{cache=\"players.by-id\"}")
                        .contains("hikaricp_connections_active")
                        .contains("jvm_memory_used_bytes")
                        .contains("jvm_gc_")
                        .contains("jvm_threads_live_threads")
                        .contains("http_server_requests_seconds_bucket{method=\"PUT\",status=\"200\","
                                + "uri=\"/api/v1/attempts/{attemptId}/answers/{questionId}\",le=\"0.005\"}")
                        .contains("http_server_requests_seconds_count{method=\"POST\",status=\"201\","
                                + "uri=\"/api/v1/quizzes/{quizId}/attempts\"} 1")
                        .contains("uri=\"NOT_FOUND\"")
                        .doesNotContain("no-such-attempt")
                        .doesNotContain("/no/such/page");
            }
        }
    }

    @Test
    void a_rate_limit_refusal_is_counted() {
        QuizMetrics metrics = QuizMetrics.prometheus();
        QuizEngine engine = QuizEngine.builder().metrics(metrics.engine()).build();
        try (ApiServer server = ApiServer.start(engine, ApiConfig.defaults().withAdminToken(ADMIN)
                .withRateLimitPerMinute(1), metrics)) {
            server.register("Asha");
            server.request().body("{\"name\": \"Ravi\"}").post("/api/v1/players").then().statusCode(429);

            assertThat(server.request().get("/metrics").asString())
                    .contains("kydp_quiz_rate_limit_refusals_total{limit=\"requests\"} 1.0")
                    .contains("kydp_quiz_players_registered_total 1.0");
        }
    }

    @Test
    void with_a_metrics_token_the_metrics_need_it_and_the_admin_token_does_not_open_them() {
        QuizEngine engine = QuizEngine.builder().build();
        try (ApiServer server = ApiServer.start(engine, ApiConfig.defaults().withAdminToken(ADMIN)
                .withMetricsToken(METRICS))) {
            server.request().get("/metrics").then().statusCode(401)
                    .contentType("application/problem+json").body("status", equalTo(401));
            server.as(ADMIN).get("/metrics").then().statusCode(401).contentType("application/problem+json");
            server.as(METRICS).get("/metrics").then().statusCode(200)
                    .contentType("text/plain; version=0.0.4; charset=utf-8");
        }
    }

    @Test
    void the_metrics_token_is_read_from_the_environment_and_the_system_properties() {
        assertThat(ApiConfig.from(Map.of("QUIZ_METRICS_TOKEN", METRICS), new Properties()).metricsToken())
                .isEqualTo(METRICS);
        Properties properties = new Properties();
        properties.setProperty("quiz.metrics.token", "property-metrics-token-0123");
        assertThat(ApiConfig.from(Map.of("QUIZ_METRICS_TOKEN", METRICS), properties).metricsToken())
                .isEqualTo("property-metrics-token-0123");
        assertThat(ApiConfig.defaults().metricsToken()).isNull();
        assertThat(ApiConfig.defaults().withMetricsToken(METRICS).toString()).doesNotContain(METRICS);
    }

    @Test
    void an_embedders_registry_that_is_not_prometheus_gets_the_meters_and_metrics_answers_404() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        QuizMetrics metrics = QuizMetrics.of(registry);
        QuizEngine engine = QuizEngine.builder().metrics(metrics.engine()).build();
        try (ApiServer server = ApiServer.start(engine, ApiConfig.defaults().withAdminToken(ADMIN), metrics)) {
            server.register("Asha");
            server.request().get("/metrics").then().statusCode(404);

            assertThat(registry.get("kydp.quiz.players.registered").counter().count()).isEqualTo(1.0);
            assertThat(registry.get("http.server.requests").tag("uri", "/api/v1/players").timer().count())
                    .isEqualTo(1);
        }
    }

    @Test
    void live_answers_are_counted_once_each_apart_from_attempts_answers() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        QuizMetrics metrics = QuizMetrics.of(registry);
        try (QuizEngine engine = QuizEngine.builder().metrics(metrics.engine()).build()) {
            engine.publish(SampleQuizzes.helplines());
            LiveSessions live = engine.live();
            String session = live.create("helplines", null, null).session().id();
            String code = live.session(session).code().orElseThrow();
            JoinedPlayer asha = live.join(code, "Asha");
            JoinedPlayer ravi = live.join(code, "Ravi");
            live.advance(session);

            live.answer(session, asha.playerId(), "emergency", new Answer.Choice("b"));
            live.answer(session, asha.playerId(), "emergency", new Answer.Choice("b")); // sent again
            live.answer(session, ravi.playerId(), "emergency", new Answer.Choice("a"));

            assertThat(registry.get("kydp.quiz.live.answers").tag("type", "single_choice").tag("outcome", "correct")
                    .counter().count()).isEqualTo(1.0);
            assertThat(registry.get("kydp.quiz.live.answers").tag("type", "single_choice").tag("outcome", "wrong")
                    .counter().count()).isEqualTo(1.0);
            assertThat(registry.find("kydp.quiz.answers").counters()).as("attempts' answers").isEmpty();
        }
    }
}
