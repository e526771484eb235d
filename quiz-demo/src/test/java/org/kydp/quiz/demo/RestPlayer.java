package org.kydp.quiz.demo;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.kydp.quiz.model.Answer;

/** Another player, over the REST API: someone else on the leaderboard. */
final class RestPlayer {

    private final int port;
    private final String token;

    RestPlayer(int port, String name) {
        this.port = port;
        this.token = given().baseUri("http://localhost").port(port).contentType(ContentType.JSON)
                .body("{\"name\": " + quoted(name) + "}").post("/api/v1/players")
                .then().statusCode(201).extract().path("token");
    }

    /** Starts an attempt at the quiz and finishes it at once, with a score of 0. */
    void finishWithoutAnswering(String quizId) {
        request().post("/api/v1/attempts/" + start(quizId) + "/finish").then().statusCode(200);
    }

    /** Plays a whole attempt at the quiz, answering each question as {@code answers} says, and finishes it. */
    void play(String quizId, Function<String, Answer> answers) {
        String attempt = start(quizId);
        for (Response served = request().get("/api/v1/attempts/" + attempt + "/question");
             served.statusCode() == 200;
             served = request().get("/api/v1/attempts/" + attempt + "/question")) {
            String questionId = served.path("id");
            request().body(json(answers.apply(questionId)))
                    .put("/api/v1/attempts/" + attempt + "/answers/" + questionId).then().statusCode(200);
        }
        request().post("/api/v1/attempts/" + attempt + "/finish").then().statusCode(200);
    }

    private String start(String quizId) {
        return request().post("/api/v1/quizzes/" + quizId + "/attempts").then().statusCode(201).extract().path("id");
    }

    private RequestSpecification request() {
        return given().baseUri("http://localhost").port(port).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token);
    }

    /** An answer as the body the API takes for it. */
    static String json(Answer answer) {
        if (answer instanceof Answer.Choice choice) {
            return "{\"choice\": " + quoted(choice.optionId()) + "}";
        }
        if (answer instanceof Answer.Choices choices) {
            return "{\"choices\": " + array(List.copyOf(choices.optionIds())) + "}";
        }
        if (answer instanceof Answer.Bool bool) {
            return "{\"value\": " + bool.value() + "}";
        }
        if (answer instanceof Answer.Text text) {
            return "{\"text\": " + quoted(text.text()) + "}";
        }
        if (answer instanceof Answer.Number number) {
            return "{\"number\": " + number.value() + "}";
        }
        if (answer instanceof Answer.Order order) {
            return "{\"order\": " + array(order.itemIds()) + "}";
        }
        Map<String, String> pairs = ((Answer.Pairs) answer).pairs();
        return "{\"pairs\": {" + pairs.entrySet().stream()
                .map(pair -> quoted(pair.getKey()) + ": " + quoted(pair.getValue()))
                .collect(Collectors.joining(", ")) + "}}";
    }

    /** Some well-formed answer to a served question, right or not, built only from what was served. */
    static String anyAnswer(Response served) {
        return switch (served.<String>path("type")) {
            case "true_false" -> "{\"value\": true}";
            case "multiple_response" -> "{\"choices\": [" + quoted(served.path("options[0].id")) + "]}";
            case "short_text" -> "{\"text\": \"?\"}";
            case "numeric" -> "{\"number\": 0}";
            case "ordering" -> "{\"order\": " + array(served.jsonPath().getList("options.id", String.class)) + "}";
            case "matching" -> {
                List<String> left = served.jsonPath().getList("left.id", String.class);
                String right = served.path("right[0].id");
                yield "{\"pairs\": {" + left.stream().map(id -> quoted(id) + ": " + quoted(right))
                        .collect(Collectors.joining(", ")) + "}}";
            }
            default -> "{\"choice\": " + quoted(served.path("options[0].id")) + "}";
        };
    }

    private static String array(List<String> ids) {
        return ids.stream().map(RestPlayer::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
