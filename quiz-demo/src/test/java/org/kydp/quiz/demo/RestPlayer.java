package org.kydp.quiz.demo;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Another player, over the REST API: someone else on the leaderboard. */
final class RestPlayer {

    private final int port;
    private final String token;

    RestPlayer(int port, String name) {
        this.port = port;
        this.token = request().body("{\"name\": \"" + name + "\"}").post("/api/v1/players")
                .then().statusCode(201).extract().path("token");
    }

    /** Starts an attempt at the quiz and finishes it at once, with a score of 0. */
    void finishWithoutAnswering(String quizId) {
        String attempt = request().header("Authorization", "Bearer " + token)
                .post("/api/v1/quizzes/" + quizId + "/attempts").then().statusCode(201).extract().path("id");
        request().header("Authorization", "Bearer " + token).post("/api/v1/attempts/" + attempt + "/finish")
                .then().statusCode(200);
    }

    private RequestSpecification request() {
        return given().baseUri("http://localhost").port(port).contentType(ContentType.JSON);
    }
}
