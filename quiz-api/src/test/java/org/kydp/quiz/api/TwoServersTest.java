package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.store.jdbc.JdbcConfig;
import org.kydp.quiz.store.jdbc.JdbcStore;
import org.kydp.quiz.store.jdbc.TestDatabases;

/**
 * Two API servers, each with its own engine and store, on one PostgreSQL database and nothing else shared: what
 * is done through one is seen through the other. Requests alternate between them as a load balancer would send
 * them, with no pause: a write on one server right after a change on the other gets the reply the attempt as stored
 * gives, whether or not that server has heard of the change yet.
 */
class TwoServersTest {

    private final JdbcConfig database = TestDatabases.newPostgres();
    private final JdbcStore storeA = JdbcStore.open(database);
    private final JdbcStore storeB = JdbcStore.open(database);
    private final QuizEngine engineA = QuizEngine.builder().store(storeA).build();
    private final QuizEngine engineB = QuizEngine.builder().store(storeB).build();
    private final BlockingQueue<String> finishedHeardOnA = new LinkedBlockingQueue<>();
    private final ApiServer a;
    private final ApiServer b;

    TwoServersTest() {
        engineA.onAttemptFinished(attempt -> finishedHeardOnA.add(attempt.id()));
        engineA.publish(SampleQuizzes.helplines());
        a = ApiServer.start(engineA);
        b = ApiServer.start(engineB);
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        storeA.close();
        storeB.close();
    }

    @Test
    void a_player_registered_on_a_plays_on_b_and_the_finish_shows_on_as_leaderboard()
            throws Exception {
        String token = a.register("Asha");
        b.request().get("/api/v1/quizzes").then().statusCode(200).body("items.id", equalTo(List.of("helplines")));

        String attempt = b.as(token).post("/api/v1/quizzes/helplines/attempts").then().statusCode(201)
                .extract().path("id");
        a.as(token).get("/api/v1/attempts/" + attempt + "/question").then().statusCode(200)
                .body("id", equalTo("emergency"));
        b.as(token).body("{\"choice\": \"b\"}").put("/api/v1/attempts/" + attempt + "/answers/emergency")
                .then().statusCode(200).body("correct", equalTo(true));
        a.as(token).get("/api/v1/attempts/" + attempt).then().statusCode(200).body("answered", equalTo(1));
        b.as(token).get("/api/v1/attempts/" + attempt + "/question").then().statusCode(200)
                .body("id", equalTo("mha"));
        a.as(token).body("{\"value\": true}").put("/api/v1/attempts/" + attempt + "/answers/mha")
                .then().statusCode(200).body("score", equalTo(20));

        b.as(token).post("/api/v1/attempts/" + attempt + "/finish").then().statusCode(200).body("rank", equalTo(1));

        // how soon is a benchmark's question (README, "Benchmarks"); here: it arrives, and A's board then has it
        assertThat(finishedHeardOnA.poll(30, TimeUnit.SECONDS)).as("A's engine hears of B's finish").isEqualTo(attempt);
        Response board = a.request().get("/api/v1/quizzes/helplines/leaderboard");
        board.then().statusCode(200)
                .body("total", equalTo(1))
                .body("entries[0].name", equalTo("Asha"))
                .body("entries[0].score", equalTo(20));
        a.as(token).get("/api/v1/quizzes/helplines/leaderboard/me").then().statusCode(200).body("rank", equalTo(1));
    }

    /** Starts an attempt on B and fetches its first question there, so that B keeps the attempt in memory. */
    private String startedOnB(String token) {
        String attempt = b.as(token).post("/api/v1/quizzes/helplines/attempts").then().statusCode(201)
                .extract().path("id");
        b.as(token).get("/api/v1/attempts/" + attempt + "/question").then().statusCode(200)
                .body("id", equalTo("emergency"));
        return attempt;
    }

    @Test
    void an_answer_given_on_a_and_again_on_b_gets_the_same_reply_there_and_a_different_answer_is_refused() {
        String token = a.register("Asha");
        String attempt = startedOnB(token);

        String onA = a.as(token).body("{\"choice\": \"b\"}").put("/api/v1/attempts/" + attempt + "/answers/emergency")
                .then().statusCode(200).extract().asString();
        b.as(token).body("{\"choice\": \"b\"}").put("/api/v1/attempts/" + attempt + "/answers/emergency")
                .then().statusCode(200).body(equalTo(onA));
        b.as(token).body("{\"choice\": \"a\"}").put("/api/v1/attempts/" + attempt + "/answers/emergency")
                .then().statusCode(409).body("type", equalTo("https://kydp-quiz.org/problems/already-answered"));
    }

    @Test
    void a_question_served_on_a_is_answered_on_b() {
        String token = a.register("Asha");
        String attempt = startedOnB(token);
        b.as(token).body("{\"choice\": \"b\"}").put("/api/v1/attempts/" + attempt + "/answers/emergency")
                .then().statusCode(200);

        a.as(token).get("/api/v1/attempts/" + attempt + "/question").then().statusCode(200).body("id", equalTo("mha"));
        b.as(token).body("{\"value\": true}").put("/api/v1/attempts/" + attempt + "/answers/mha")
                .then().statusCode(200).body("answered", equalTo(2)).body("score", equalTo(20));
    }

    @Test
    void an_attempt_finished_on_a_refuses_an_answer_on_b_and_finishing_it_on_b_gives_the_same_result() {
        String token = a.register("Asha");
        String attempt = startedOnB(token);

        Response finished = a.as(token).post("/api/v1/attempts/" + attempt + "/finish");
        finished.then().statusCode(200).body("score", equalTo(0));
        b.as(token).body("{\"choice\": \"b\"}").put("/api/v1/attempts/" + attempt + "/answers/emergency")
                .then().statusCode(409).body("type", equalTo("https://kydp-quiz.org/problems/attempt-finished"));
        b.as(token).post("/api/v1/attempts/" + attempt + "/finish").then().statusCode(200)
                .body("score", equalTo(0)).body("durationMs", equalTo(finished.<Integer>path("durationMs")));
    }

    @Test
    void both_servers_answer_health_with_the_database_up() {
        a.request().get("/health").then().statusCode(200).body("checks.database", equalTo("UP"));
        b.request().get("/health").then().statusCode(200).body("checks.database", equalTo("UP"));
    }
}
