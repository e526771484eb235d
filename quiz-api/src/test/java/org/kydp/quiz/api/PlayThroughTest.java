package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;

class PlayThroughTest {

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final QuizEngine engine = QuizEngine.builder().clock(clock).build();
    private final ApiServer server = ApiServer.start(engine);

    PlayThroughTest() {
        engine.publish(SampleQuizzes.helplines());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_player_registers_plays_the_whole_quiz_and_appears_on_the_leaderboard() {
        Response registered = server.request().body("{\"name\": \"Asha\"}").post("/api/v1/players");
        registered.then().statusCode(201)
                .body("id", notNullValue())
                .body("name", equalTo("Asha"))
                .body("token", matchesPattern("[A-Za-z0-9_-]{43}"));
        String token = registered.path("token");

        Response started = server.as(token).post("/api/v1/quizzes/helplines/attempts");
        started.then().statusCode(201)
                .body("quizId", equalTo("helplines"))
                .body("status", equalTo("IN_PROGRESS"))
                .body("questionCount", equalTo(2))
                .body("startedAt", equalTo("2026-02-16T04:30:00Z"));
        String attempt = started.path("id");
        assertThat(started.header("Location")).isEqualTo("/api/v1/attempts/" + attempt);

        server.as(token).get("/api/v1/attempts/" + attempt + "/question").then().statusCode(200)
                .body("id", equalTo("emergency"))
                .body("index", equalTo(0))
                .body("type", equalTo("single_choice"))
                .body("text", equalTo("Which number is India's single emergency number?"))
                .body("options.id", equalTo(java.util.List.of("a", "b", "c")))
                .body("points", equalTo(10));

        clock.advance(Duration.ofSeconds(4));
        server.as(token).body("{\"choice\": \"b\"}").put("/api/v1/attempts/" + attempt + "/answers/emergency")
                .then().statusCode(200)
                .body("questionId", equalTo("emergency"))
                .body("correct", equalTo(true))
                .body("points", equalTo(10))
                .body("score", equalTo(10))
                .body("answered", equalTo(1))
                .body("feedback", equalTo("Right: 112."))
                .body("explanation", equalTo("112 is the single emergency number."))
                .body("correctAnswer.choice", equalTo("b"));

        server.as(token).get("/api/v1/attempts/" + attempt + "/question").then().statusCode(200)
                .body("id", equalTo("mha"))
                .body("type", equalTo("true_false"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("options")));
        clock.advance(Duration.ofSeconds(3));
        server.as(token).body("{\"value\": true}").put("/api/v1/attempts/" + attempt + "/answers/mha")
                .then().statusCode(200).body("correct", equalTo(true)).body("score", equalTo(20));

        server.as(token).get("/api/v1/attempts/" + attempt + "/question").then().statusCode(204);

        server.as(token).post("/api/v1/attempts/" + attempt + "/finish").then().statusCode(200)
                .body("id", equalTo(attempt))
                .body("status", equalTo("FINISHED"))
                .body("score", equalTo(20))
                .body("maxScore", equalTo(20))
                .body("correct", equalTo(2))
                .body("answered", equalTo(2))
                .body("questionCount", equalTo(2))
                .body("durationMs", equalTo(7000))
                .body("rank", equalTo(1))
                .body("review", hasSize(2))
                .body("review[0].answer.choice", equalTo("b"))
                .body("review[0].source", equalTo("India Today (25 Sep 2019)"));

        server.as(token).get("/api/v1/attempts/" + attempt).then().statusCode(200)
                .body("status", equalTo("FINISHED")).body("score", equalTo(20));

        server.request().get("/api/v1/quizzes/helplines/leaderboard").then().statusCode(200)
                .body("quizId", equalTo("helplines"))
                .body("window", equalTo("all"))
                .body("total", equalTo(1))
                .body("entries[0].rank", equalTo(1))
                .body("entries[0].name", equalTo("Asha"))
                .body("entries[0].score", equalTo(20))
                .body("entries[0].durationMs", equalTo(7000));

        server.as(token).get("/api/v1/quizzes/helplines/leaderboard/me").then().statusCode(200)
                .body("rank", equalTo(1))
                .body("total", equalTo(1))
                .body("percentile", equalTo(100.0f))
                .body("entries.name", hasItem("Asha"));
    }

    @Test
    void finishing_twice_gives_the_same_result() {
        String token = server.register("Ravi");
        String attempt = server.as(token).post("/api/v1/quizzes/helplines/attempts").path("id");
        clock.advance(Duration.ofSeconds(5));
        Map<String, Object> once = server.as(token).post("/api/v1/attempts/" + attempt + "/finish")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        clock.advance(Duration.ofSeconds(5));
        Map<String, Object> twice = server.as(token).post("/api/v1/attempts/" + attempt + "/finish")
                .then().statusCode(200).extract().jsonPath().getMap("$");

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void repeating_the_same_answer_returns_the_same_result() {
        String token = server.register("Meera");
        String attempt = server.as(token).post("/api/v1/quizzes/helplines/attempts").path("id");
        server.as(token).get("/api/v1/attempts/" + attempt + "/question");

        String once = server.as(token).body("{\"choice\": \"a\"}")
                .put("/api/v1/attempts/" + attempt + "/answers/emergency").then().statusCode(200).extract().asString();
        String twice = server.as(token).body("{\"choice\": \"a\"}")
                .put("/api/v1/attempts/" + attempt + "/answers/emergency").then().statusCode(200).extract().asString();

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void content_comes_in_the_language_asked_for_and_says_which() {
        String token = server.register("आशा");
        String attempt = server.as(token).post("/api/v1/quizzes/helplines/attempts").path("id");

        server.as(token).queryParam("lang", "hi").get("/api/v1/attempts/" + attempt + "/question")
                .then().statusCode(200)
                .header("Content-Language", "hi")
                .body("text", equalTo("भारत का एकल आपातकालीन नंबर कौन सा है?"));
        server.as(token).header("Accept-Language", "hi-IN,hi;q=0.9,en;q=0.8")
                .get("/api/v1/quizzes/helplines").then().statusCode(200)
                .header("Content-Language", "hi")
                .body("title", equalTo("हेल्पलाइन"))
                .body("rules.review.correctness", equalTo("after_each_answer"))
                .body("rules.scoring.mode", equalTo("fixed"))
                .body("rules.attemptsAllowed", equalTo(0));
        server.request().queryParam("lang", "fr").get("/api/v1/quizzes/helplines").then().statusCode(200)
                .header("Content-Language", "en")
                .body("title", equalTo("Helplines"));
        server.request().queryParam("lang", "hi").get("/api/v1/quizzes").then().statusCode(200)
                .header("Content-Language", "hi")
                .body("items[0].title", equalTo("हेल्पलाइन"))
                .body("items[0].questionCount", equalTo(2))
                .body("items[0].languages", equalTo(java.util.List.of("en", "hi")))
                .body("next", nullValue());
    }

    @Test
    void a_quiz_list_in_mixed_languages_names_each_items_language() {
        engine.publish(new org.kydp.quiz.model.Quiz("english-only", 1, "en", java.util.List.of("en"),
                org.kydp.quiz.model.LocalizedText.en("English only"), null, java.util.List.of(),
                org.kydp.quiz.model.QuizRules.defaults(), SampleQuizzes.helplines().questions()));

        Response response = server.request().queryParam("lang", "hi-IN").get("/api/v1/quizzes");

        response.then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of("english-only", "helplines")))
                .body("items.language", equalTo(java.util.List.of("en", "hi")))
                .body("items[1].title", equalTo("हेल्पलाइन"));
        assertThat(response.header("Content-Language")).isNull();
    }

    @Test
    void the_quiz_list_pages_with_a_cursor_and_filters_by_tag() {
        for (String id : new String[] {"alpha", "beta", "gamma"}) {
            engine.publish(new org.kydp.quiz.model.Quiz(id, 1, "en", java.util.List.of("en"),
                    org.kydp.quiz.model.LocalizedText.en(id), null, java.util.List.of("greek"),
                    org.kydp.quiz.model.QuizRules.defaults(), SampleQuizzes.helplines().questions()));
        }
        Response first = server.request().queryParam("limit", 2).get("/api/v1/quizzes");
        first.then().statusCode(200).body("items.id", equalTo(java.util.List.of("alpha", "beta")));
        String next = first.path("next");
        server.request().queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/quizzes").then()
                .body("items.id", equalTo(java.util.List.of("gamma", "helplines")))
                .body("next", nullValue());
        server.request().queryParam("tag", "helplines").get("/api/v1/quizzes").then()
                .body("items.id", equalTo(java.util.List.of("helplines")));
    }

    @Test
    void health_and_the_openapi_document_are_served() {
        server.request().get("/health").then().statusCode(200).body("status", equalTo("UP"));
        server.request().get("/openapi.json").then().statusCode(200)
                .contentType("application/json")
                .body("openapi", equalTo("3.1.0"));
    }
}
