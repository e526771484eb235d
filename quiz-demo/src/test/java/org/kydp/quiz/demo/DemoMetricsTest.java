package org.kydp.quiz.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.api.ApiConfig;
import org.kydp.quiz.api.QuizMetrics;

class DemoMetricsTest {

    @Test
    void the_demo_serves_its_metrics_by_default_the_engines_and_the_stores_included() {
        try (DemoServer server = DemoServer.start(ApiConfig.defaults().withPort(0), DemoServerTest.tempStorage())) {
            given().baseUri("http://localhost").port(server.port()).contentType(ContentType.JSON)
                    .body("{\"name\": \"Asha\"}").post("/api/v1/players").then().statusCode(201);

            String exposition = given().baseUri("http://localhost").port(server.port()).get("/metrics")
                    .then().statusCode(200).extract().asString();

            assertThat(exposition).contains("kydp_quiz_players_registered_total 1.0")
                    .contains("kydp_quiz_leaderboard_entries{quiz=\"know-your-delhi-police\"} 0.0")
                    .contains("kydp_quiz_group_commit_seconds_count")
                    .contains("hikaricp_connections_max");
        }
    }

    @Test
    void without_metrics_the_demo_answers_404_on_metrics() {
        try (DemoServer server = DemoServer.start(ApiConfig.defaults().withPort(0), DemoServerTest.tempStorage(),
                QuizMetrics.none())) {
            given().baseUri("http://localhost").port(server.port()).get("/metrics").then().statusCode(404);
        }
    }

    @Test
    void QUIZ_METRICS_is_on_or_off() {
        String before = System.getProperty("quiz.metrics");
        try {
            System.setProperty("quiz.metrics", "sometimes");
            assertThatThrownBy(DemoServer::metricsFromEnvironment).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("QUIZ_METRICS must be on or off");
            System.setProperty("quiz.metrics", "off");
            try (QuizMetrics off = DemoServer.metricsFromEnvironment()) {
                off.registry().counter("probe").increment();
                assertThat(off.registry().counter("probe").count()).as("nothing recorded").isZero();
            }
        } finally {
            if (before == null) {
                System.clearProperty("quiz.metrics");
            } else {
                System.setProperty("quiz.metrics", before);
            }
        }
    }
}
