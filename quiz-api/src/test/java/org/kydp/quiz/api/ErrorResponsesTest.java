package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.QuizRules;

/** Every error API.md lists for the player, quiz, attempt and leaderboard routes, as problem+json. */
class ErrorResponsesTest {

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final QuizEngine engine = QuizEngine.builder().clock(clock).build();
    private final ApiServer server = ApiServer.start(engine);

    ErrorResponsesTest() {
        engine.publish(SampleQuizzes.helplines(SampleQuizzes.timed(Duration.ofSeconds(60))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Asserts a problem+json response with this status and slug that leaks nothing internal. */
    private static Response problem(Response response, int status, String slug) {
        response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(Problem.TYPE_BASE + slug))
                .body("status", equalTo(status))
                .body("title", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        String body = response.asString();
        assertThat(body).doesNotContain("Exception", "org.kydp", "io.javalin", "\tat ", "java.", "jackson",
                "Feature", "Source");
        return response;
    }

    private String startAttempt(String token) {
        return server.as(token).post("/api/v1/quizzes/helplines/attempts").then().statusCode(201)
                .extract().path("id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "<img src=x onerror=alert(1)>", "abcdefghijklmnopqrstuvwxyzabcdefg", "a\\u0000b"})
    void an_invalid_player_name_is_422_naming_the_field(String name) {
        Response response = server.request().body("{\"name\": \"" + name + "\"}").post("/api/v1/players");
        problem(response, 422, "validation").then().body("errors[0].field", equalTo("name"));
    }

    @Test
    void a_missing_or_mistyped_name_is_422() {
        problem(server.request().body("{}").post("/api/v1/players"), 422, "validation")
                .then().body("errors[0].field", equalTo("name"));
        problem(server.request().body("{\"name\": 42}").post("/api/v1/players"), 422, "validation")
                .then().body("errors[0].field", equalTo("name"));
        problem(server.request().body("[\"Asha\"]").post("/api/v1/players"), 422, "validation");
    }

    @Test
    void malformed_json_is_400_and_says_where() {
        Response response = server.request().body("{\"name\": ").post("/api/v1/players");
        problem(response, 400, "malformed-json").then()
                .body("detail", org.hamcrest.Matchers.containsString("line 1"));
        problem(server.request().body("").post("/api/v1/players"), 400, "malformed-json");
    }

    @Test
    void an_unknown_quiz_is_404() {
        problem(server.request().get("/api/v1/quizzes/no-such-quiz"), 404, "not-found");
        problem(server.request().get("/api/v1/quizzes/no-such-quiz/leaderboard"), 404, "not-found");
        String token = server.register("Asha");
        problem(server.as(token).post("/api/v1/quizzes/no-such-quiz/attempts"), 404, "not-found");
    }

    @Test
    void paging_parameters_out_of_bounds_are_422() {
        problem(server.request().queryParam("limit", 0).get("/api/v1/quizzes"), 422, "validation")
                .then().body("errors[0].field", equalTo("limit"));
        problem(server.request().queryParam("limit", 101).get("/api/v1/quizzes"), 422, "validation");
        problem(server.request().queryParam("limit", "ten").get("/api/v1/quizzes"), 422, "validation");
        problem(server.request().queryParam("cursor", "%%%").get("/api/v1/quizzes"), 422, "validation");
        problem(server.request().queryParam("offset", -1).get("/api/v1/quizzes/helplines/leaderboard"),
                422, "validation");
        problem(server.request().queryParam("window", "year").get("/api/v1/quizzes/helplines/leaderboard"),
                422, "validation").then().body("errors[0].field", equalTo("window"));
    }

    @Test
    void attempts_without_a_valid_token_are_401_with_a_bearer_challenge() {
        problem(server.request().post("/api/v1/quizzes/helplines/attempts"), 401, "unauthorized")
                .then().header("WWW-Authenticate", "Bearer");
        problem(server.request().header("Authorization", "Bearer nope").post("/api/v1/quizzes/helplines/attempts"),
                401, "unauthorized");
        problem(server.request().header("Authorization", "Basic YTpi").get("/api/v1/attempts/x"),
                401, "unauthorized");
        problem(server.request().get("/api/v1/quizzes/helplines/leaderboard/me"), 401, "unauthorized");
    }

    @Test
    void another_players_attempt_is_404_not_403() {
        String asha = server.register("Asha");
        String ravi = server.register("Ravi");
        String attempt = startAttempt(asha);

        problem(server.as(ravi).get("/api/v1/attempts/" + attempt), 404, "not-found");
        problem(server.as(ravi).get("/api/v1/attempts/" + attempt + "/question"), 404, "not-found");
        problem(server.as(ravi).body("{\"choice\": \"b\"}").put("/api/v1/attempts/" + attempt + "/answers/emergency"),
                404, "not-found");
        problem(server.as(ravi).post("/api/v1/attempts/" + attempt + "/finish"), 404, "not-found");
        problem(server.as(ravi).get("/api/v1/attempts/00000000-0000-0000-0000-000000000000"), 404, "not-found");
    }

    @Test
    void attempts_beyond_the_limit_are_409() {
        engine.publish(SampleQuizzes.helplines(QuizRules.defaults().withAttemptsAllowed(1)).withVersion(2));
        String token = server.register("Asha");
        startAttempt(token);

        problem(server.as(token).post("/api/v1/quizzes/helplines/attempts"), 409, "attempts-exhausted");
    }

    @Test
    void a_different_second_answer_is_409_and_the_first_answer_stands() {
        String token = server.register("Asha");
        String attempt = startAttempt(token);
        server.as(token).get("/api/v1/attempts/" + attempt + "/question");
        server.as(token).body("{\"choice\": \"a\"}").put("/api/v1/attempts/" + attempt + "/answers/emergency")
                .then().statusCode(200);

        problem(server.as(token).body("{\"choice\": \"b\"}").put("/api/v1/attempts/" + attempt + "/answers/emergency"),
                409, "already-answered");
        server.as(token).get("/api/v1/attempts/" + attempt).then().body("score", equalTo(0));
    }

    @Test
    void an_answer_after_the_deadline_and_grace_is_422_and_counts_as_unanswered() {
        String token = server.register("Asha");
        String attempt = startAttempt(token);
        server.as(token).get("/api/v1/attempts/" + attempt + "/question");
        clock.advance(Duration.ofSeconds(63));

        problem(server.as(token).body("{\"choice\": \"b\"}").put("/api/v1/attempts/" + attempt + "/answers/emergency"),
                422, "deadline-passed");
        server.as(token).get("/api/v1/attempts/" + attempt).then()
                .body("status", equalTo("EXPIRED"))
                .body("answered", equalTo(0))
                .body("score", equalTo(0));
    }

    @Test
    void malformed_answers_are_422_and_change_nothing() {
        String token = server.register("Asha");
        String attempt = startAttempt(token);
        server.as(token).get("/api/v1/attempts/" + attempt + "/question");
        String path = "/api/v1/attempts/" + attempt + "/answers/emergency";

        problem(server.as(token).body("{\"choice\": \"z\"}").put(path), 422, "validation")
                .then().body("errors[0].field", equalTo("answer.choice"));
        problem(server.as(token).body("{\"choice\": 2}").put(path), 422, "validation");
        problem(server.as(token).body("{\"value\": true}").put(path), 422, "validation");
        problem(server.as(token).body("{}").put(path), 422, "validation");
        problem(server.as(token).body("{\"choice\": \"a\", \"value\": true}").put(path), 422, "validation");
        problem(server.as(token).body("{\"choice\": ").put(path), 400, "malformed-json");

        server.as(token).get("/api/v1/attempts/" + attempt).then().body("answered", equalTo(0));
        server.as(token).body("{\"choice\": \"b\"}").put(path).then().statusCode(200).body("correct", equalTo(true));
    }

    @Test
    void a_question_that_is_not_this_attempts_is_404_and_an_unserved_one_is_409() {
        String token = server.register("Asha");
        String attempt = startAttempt(token);
        server.as(token).get("/api/v1/attempts/" + attempt + "/question");

        problem(server.as(token).body("{\"value\": true}").put("/api/v1/attempts/" + attempt + "/answers/nope"),
                404, "not-found");
        problem(server.as(token).body("{\"value\": true}").put("/api/v1/attempts/" + attempt + "/answers/mha"),
                409, "not-served");
    }

    @Test
    void a_finished_attempt_takes_no_more_answers() {
        String token = server.register("Asha");
        String attempt = startAttempt(token);
        server.as(token).get("/api/v1/attempts/" + attempt + "/question");
        server.as(token).post("/api/v1/attempts/" + attempt + "/finish").then().statusCode(200);

        problem(server.as(token).body("{\"choice\": \"b\"}").put("/api/v1/attempts/" + attempt + "/answers/emergency"),
                409, "attempt-finished");
        problem(server.as(token).get("/api/v1/attempts/" + attempt + "/question"), 409, "attempt-finished")
                .then().body("detail", equalTo("attempt " + attempt + " is finished"));
    }

    @Test
    void an_attempt_whose_time_is_up_serves_no_question() {
        String token = server.register("Asha");
        String attempt = startAttempt(token);
        clock.advance(Duration.ofSeconds(63));

        problem(server.as(token).get("/api/v1/attempts/" + attempt + "/question"), 422, "deadline-passed")
                .then().body("detail", equalTo("the time limit of attempt " + attempt + " has passed"));
    }

    @Test
    void an_attempt_with_every_question_answered_has_no_content_for_the_next_question() {
        String token = server.register("Asha");
        String attempt = startAttempt(token);
        server.as(token).get("/api/v1/attempts/" + attempt + "/question");
        server.as(token).body("{\"choice\": \"b\"}").put("/api/v1/attempts/" + attempt + "/answers/emergency");
        server.as(token).get("/api/v1/attempts/" + attempt + "/question");
        server.as(token).body("{\"value\": true}").put("/api/v1/attempts/" + attempt + "/answers/mha");

        server.as(token).get("/api/v1/attempts/" + attempt + "/question").then().statusCode(204);
    }

    @Test
    void a_player_who_is_not_ranked_gets_404_from_leaderboard_me() {
        String token = server.register("Asha");
        problem(server.as(token).get("/api/v1/quizzes/helplines/leaderboard/me"), 404, "not-found").then()
                .body("detail", org.hamcrest.Matchers.matchesPattern("player .+ is not ranked on quiz helplines \\(all\\)"));
        problem(server.as(token).get("/api/v1/quizzes/nope/leaderboard/me"), 404, "not-found").then()
                .body("detail", equalTo("quiz nope not found"));
        problem(server.request().get("/api/v1/quizzes/nope"), 404, "not-found").then()
                .body("detail", equalTo("quiz nope not found"));
    }

    @Test
    void unknown_routes_are_404_and_wrong_methods_405() {
        problem(server.request().get("/api/v1/nothing-here"), 404, "not-found");
        problem(server.request().get("/"), 404, "not-found");
        problem(server.request().delete("/api/v1/players"), 405, "method-not-allowed");
        problem(server.request().post("/api/v1/quizzes/helplines"), 405, "method-not-allowed");
    }

    @Test
    void a_body_over_the_limit_is_413() {
        String huge = "{\"name\": \"" + "a".repeat(70_000) + "\"}";
        problem(server.request().body(huge).post("/api/v1/players"), 413, "payload-too-large");
    }
}
