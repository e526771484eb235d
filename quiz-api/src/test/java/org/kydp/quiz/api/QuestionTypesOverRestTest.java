package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.ScoringRules;

/** Every question type, scoring policy and rule, played end to end over HTTP. */
class QuestionTypesOverRestTest {

    private static final Map<String, String> RIGHT = Map.of(
            "emergency", "{\"choice\": \"b\"}",
            "never-share", "{\"choices\": [\"b\", \"a\"]}",
            "mha", "{\"value\": true}",
            "motto-word", "{\"text\": \"  शांति \"}",
            "cyber-helpline", "{\"number\": 1930}",
            "report-fraud", "{\"order\": [\"call\", \"complain\", \"follow\"]}",
            "helplines", "{\"pairs\": {\"child\": \"n1098\", \"cyber\": \"n1930\", \"emergency\": \"n112\"}}",
            "topic", "{\"choice\": \"road\"}");

    private static final Set<String> QUESTION_FIELDS = Set.of("id", "index", "count", "type", "text", "options",
            "left", "right", "points", "timeLimitMs", "deadline");

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final QuizEngine engine = SampleQuizzes.seeded(7).clock(clock).build();
    private final ApiServer server = ApiServer.start(engine);

    @AfterEach
    void stop() {
        server.close();
    }

    private String start(String token, String quizId) {
        return server.as(token).post("/api/v1/quizzes/" + quizId + "/attempts").then().statusCode(201)
                .extract().path("id");
    }

    private Response question(String token, String attempt) {
        return server.as(token).queryParam("lang", "hi").get("/api/v1/attempts/" + attempt + "/question");
    }

    private Response answer(String token, String attempt, String questionId, String body) {
        return server.as(token).queryParam("lang", "hi").body(body)
                .put("/api/v1/attempts/" + attempt + "/answers/" + questionId);
    }

    @Test
    void every_type_is_played_over_rest_in_hindi_without_revealing_answers_beforehand() {
        engine.publish(SampleQuizzes.catalogue());
        String token = server.register("आशा");
        String attempt = start(token, "catalogue");

        for (int i = 0; i < 8; i++) {
            Response question = question(token, attempt);
            question.then().statusCode(200).header("Content-Language", "hi");
            Map<String, Object> body = question.jsonPath().getMap("$");
            assertThat(QUESTION_FIELDS).containsAll(body.keySet());
            String type = question.path("type");
            String id = question.path("id");
            for (String side : List.of("options", "left", "right")) {
                List<Map<String, Object>> choices = question.jsonPath().getList(side);
                if (choices != null) {
                    assertThat(choices).allSatisfy(choice -> assertThat(choice.keySet())
                            .containsExactlyInAnyOrder("id", "text"));
                }
            }
            if (type.equals("matching")) {
                assertThat(body).containsKeys("left", "right").doesNotContainKey("options");
            }
            Response result = answer(token, attempt, id, RIGHT.get(id));
            result.then().statusCode(200);
            if (type.equals("poll")) {
                result.then().body("correct", nullValue()).body("votes.road", equalTo(1));
            } else {
                result.then().body("correct", equalTo(true)).body("points", equalTo(10));
            }
        }
        question(token, attempt).then().statusCode(204);

        server.as(token).queryParam("lang", "hi").post("/api/v1/attempts/" + attempt + "/finish").then()
                .statusCode(200)
                .body("score", equalTo(70))
                .body("maxScore", equalTo(70))
                .body("feedback", equalTo("शाबाश।"))
                .body("review.find { it.questionId == 'never-share' }.correctAnswer.choices", equalTo(List.of("a", "b")))
                .body("review.find { it.questionId == 'cyber-helpline' }.answer.number", equalTo(1930))
                .body("review.find { it.questionId == 'helplines' }.correctAnswer.pairs.cyber", equalTo("n1930"))
                .body("review.find { it.questionId == 'topic' }.correct", nullValue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "never-share|{\"choices\": \"a\"}|answer.choices",
        "never-share|{\"choices\": [\"a\", \"a\"]}|answer.choices[1]",
        "never-share|{\"choices\": [\"a\", \"z\"]}|answer.choices",
        "motto-word|{\"text\": 5}|answer.text",
        "cyber-helpline|{\"number\": \"1930\"}|answer.number",
        "cyber-helpline|{\"number\": 1e400}|answer.number",
        "report-fraud|{\"order\": [\"call\", \"complain\"]}|answer.order",
        "report-fraud|{\"order\": [\"call\", \"complain\", \"nope\"]}|answer.order",
        "helplines|{\"pairs\": {\"child\": \"n1098\"}}|answer.pairs",
        "helplines|{\"pairs\": {\"child\": \"n1098\", \"cyber\": \"n9\", \"emergency\": \"n112\"}}|answer.pairs.cyber",
        "helplines|{\"pairs\": [\"n1098\"]}|answer.pairs",
        "topic|{\"choice\": \"nope\"}|answer.choice",
        "mha|{\"text\": \"true\"}|answer.value"
    })
    void a_malformed_answer_of_each_type_is_422_naming_the_field(String questionId, String body, String field) {
        engine.publish(SampleQuizzes.catalogue());
        String token = server.register("Ravi");
        String attempt = start(token, "catalogue");
        for (String id = question(token, attempt).path("id"); !id.equals(questionId);
             id = question(token, attempt).path("id")) {
            answer(token, attempt, id, RIGHT.get(id)).then().statusCode(200);
        }

        answer(token, attempt, questionId, body).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
        answer(token, attempt, questionId, RIGHT.get(questionId)).then().statusCode(200);
    }

    @Test
    void speed_points_and_streak_bonuses_are_measured_on_the_server() {
        engine.publish(SampleQuizzes.catalogue(rules -> rules.withQuestionTimeLimit(Duration.ofSeconds(20))
                .withScoring(ScoringRules.DEFAULT.withMode(ScoringRules.Mode.SPEED).withStreakBonus(true))));
        String token = server.register("Meera");
        String attempt = start(token, "catalogue");

        question(token, attempt).then().body("timeLimitMs", equalTo(20000))
                .body("deadline", equalTo("2026-02-16T04:30:20Z"));
        clock.advance(Duration.ofSeconds(10));
        answer(token, attempt, "emergency", RIGHT.get("emergency")).then()
                .body("points", equalTo(8)).body("streakBonus", equalTo(0));
        question(token, attempt);
        clock.advance(Duration.ofMillis(300));
        answer(token, attempt, "never-share", RIGHT.get("never-share")).then()
                .body("points", equalTo(110)).body("streakBonus", equalTo(100)).body("score", equalTo(118));
    }

    @Test
    void the_quiz_says_its_rules() {
        engine.publish(SampleQuizzes.catalogue(rules -> rules.withQuestionTimeLimit(Duration.ofSeconds(20))
                .withShuffle(true, false)
                .withScoring(ScoringRules.DEFAULT.withNegativeMarking(0.25, -2)
                        .withMultipleResponse(ScoringRules.MultipleResponseGrading.ALL_OR_NOTHING))));

        server.request().get("/api/v1/quizzes/catalogue").then().statusCode(200)
                .body("rules.scoring.mode", equalTo("fixed"))
                .body("rules.scoring.negativeMarking", equalTo(0.25f))
                .body("rules.scoring.floor", equalTo(-2))
                .body("rules.scoring.multipleResponse", equalTo("all_or_nothing"))
                .body("rules.questionTimeLimitMs", equalTo(20000))
                .body("rules.shuffleQuestions", equalTo(true))
                .body("rules.shuffleOptions", equalTo(false))
                .body("rules.review.explanation", equalTo("after_each_answer"))
                .body("maxScore", equalTo(70));
    }
}
