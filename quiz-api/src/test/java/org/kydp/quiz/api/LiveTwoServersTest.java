package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.store.jdbc.JdbcConfig;
import org.kydp.quiz.store.jdbc.JdbcStore;
import org.kydp.quiz.store.jdbc.TestDatabases;

/**
 * One live session served by two API servers on one PostgreSQL: the host on A, players on A and B, and every player
 * follows the same session, whichever server it talks to.
 */
class LiveTwoServersTest {

    private static final String ADMIN = "test-admin-token-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String LIVE = "/api/v1/live-sessions";

    private final JdbcConfig database = TestDatabases.newPostgres();
    private final JdbcStore storeA = JdbcStore.open(database);
    private final JdbcStore storeB = JdbcStore.open(database);
    private final QuizEngine engineA = QuizEngine.builder().store(storeA).build();
    private final QuizEngine engineB = QuizEngine.builder().store(storeB).build();
    private final ApiServer a;
    private final ApiServer b;

    LiveTwoServersTest() {
        engineA.publish(SampleQuizzes.helplines(QuizRules.defaults().withQuestionTimeLimit(Duration.ofSeconds(60))));
        ApiConfig config = ApiConfig.defaults().withAdminToken(ADMIN).withRateLimitPerMinute(0);
        a = ApiServer.start(engineA, config);
        b = ApiServer.start(engineB, config);
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        engineA.close();
        engineB.close();
        storeA.close();
        storeB.close();
    }

    @Test
    void a_session_hosted_on_a_is_played_by_players_on_a_and_on_b() throws Exception {
        Response created = a.as(ADMIN).body("{\"quizId\": \"helplines\"}").post(LIVE);
        String id = created.path("id");
        String code = created.path("code");
        String host = created.path("hostToken");
        Response asha = a.request().body(Map.of("code", code, "name", "Asha")).post(LIVE + "/join");
        Response ravi = b.request().body(Map.of("code", code, "name", "Ravi")).post(LIVE + "/join");
        String ashaToken = asha.then().statusCode(201).extract().path("token");
        String raviToken = ravi.then().statusCode(201).extract().path("token");
        EventStreamClient onA = EventStreamClient.open(a.port(), LIVE + "/" + id + "/events", ashaToken);
        EventStreamClient onB = EventStreamClient.open(b.port(), LIVE + "/" + id + "/events", raviToken);
        EventStreamClient hostOnA = EventStreamClient.open(a.port(), LIVE + "/" + id + "/events", host);
        onA.next("state", WAIT);
        assertThat(onB.next("state", WAIT).json().get("players").asInt()).isEqualTo(2);

        a.as(host).post(LIVE + "/" + id + "/advance").then().statusCode(200);
        assertThat(onB.next("question", WAIT).json().get("question").get("id").asText()).isEqualTo("emergency");
        onA.next("question", WAIT);
        b.as(raviToken).body("{\"choice\": \"b\"}").put(LIVE + "/" + id + "/answers/emergency").then()
                .statusCode(200);
        a.as(ashaToken).body("{\"choice\": \"a\"}").put(LIVE + "/" + id + "/answers/emergency").then()
                .statusCode(200);
        // Asha's answer given through A is hers through B too: another answer is refused
        b.as(ashaToken).body("{\"choice\": \"b\"}").put(LIVE + "/" + id + "/answers/emergency").then()
                .statusCode(409);
        assertThat(hostOnA.next("answers", WAIT).json().get("answered").asInt()).isBetween(1, 2);
        // the host token works on either server
        b.as(host).post(LIVE + "/" + id + "/close").then().statusCode(200).body("phase", equalTo("results"));

        JsonNode raviResults = onB.next("results", WAIT).json();
        JsonNode ashaResults = onA.next("results", WAIT).json();
        assertThat(raviResults.get("you").get("rank").asInt()).isEqualTo(1);
        assertThat(ashaResults.get("you").get("rank").asInt()).isEqualTo(2);
        assertThat(raviResults.get("top")).isEqualTo(ashaResults.get("top"));
        a.as(host).get(LIVE + "/" + id + "/results").then().statusCode(200)
                .body("ranking.name", equalTo(java.util.List.of("Ravi", "Asha")));
        onA.close();
        onB.close();
        hostOnA.close();
    }
}
