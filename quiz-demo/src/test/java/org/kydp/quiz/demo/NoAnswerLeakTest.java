package org.kydp.quiz.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.api.ApiConfig;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;

/** Playing every demo quiz as a player: nothing served before an answer carries correctness data. */
class NoAnswerLeakTest {

    static final Set<String> QUESTION_FIELDS = Set.of("id", "index", "count", "type", "text", "options",
            "left", "right", "points", "timeLimitMs", "deadline");

    private final DemoServer server = DemoServer.start(ApiConfig.defaults().withPort(0).withRateLimitPerMinute(0),
            DemoServerTest.tempStorage());

    @AfterEach
    void stop() {
        server.close();
    }

    private RequestSpecification as(String token) {
        return given().baseUri("http://localhost").port(server.port()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token);
    }

    @Test
    void no_question_served_before_it_is_answered_carries_its_answer() {
        for (Quiz quiz : DemoContent.load()) {
            for (String language : quiz.languages()) {
                String token = given().baseUri("http://localhost").port(server.port()).contentType(ContentType.JSON)
                        .body("{\"name\": \"Leak check\"}").post("/api/v1/players").path("token");
                String attempt = as(token).post("/api/v1/quizzes/" + quiz.id() + "/attempts").path("id");
                for (Response served = as(token).queryParam("lang", language).get("/api/v1/attempts/" + attempt + "/question");
                     served.statusCode() == 200;
                     served = as(token).queryParam("lang", language).get("/api/v1/attempts/" + attempt + "/question")) {
                    Map<String, Object> body = served.jsonPath().getMap("$");
                    assertThat(QUESTION_FIELDS).as(quiz.id()).containsAll(body.keySet());
                    for (String side : List.of("options", "left", "right")) {
                        List<Map<String, Object>> choices = served.jsonPath().getList(side);
                        if (choices != null) {
                            assertThat(choices).allSatisfy(c -> assertThat(c.keySet()).containsOnly("id", "text"));
                        }
                    }
                    Question question = quiz.question((String) body.get("id")).orElseThrow();
                    String explanation = question.explanation().in(language, quiz.defaultLanguage());
                    assertThat(served.asString()).as("%s %s", quiz.id(), question.id()).doesNotContain(explanation);
                    as(token).body(RestPlayer.anyAnswer(served)).put("/api/v1/attempts/" + attempt + "/answers/" + question.id())
                            .then().statusCode(200);
                }
            }
        }
    }
}
