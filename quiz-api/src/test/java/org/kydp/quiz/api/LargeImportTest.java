package org.kydp.quiz.api;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.store.jdbc.JdbcStore;
import org.kydp.quiz.store.jdbc.TestDatabases;

/**
 * A GIFT file close to the request size limit, imported into a server that keeps its quizzes in H2: every document
 * the API accepts is stored and played, whatever its size.
 */
class LargeImportTest {

    private static final String ADMIN = "test-admin-token-0123456789";

    private final JdbcStore store = JdbcStore.open(TestDatabases.newH2());
    private final QuizEngine engine = QuizEngine.builder().store(store).build();
    private final ApiServer server = ApiServer.start(engine);

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private RequestSpecification admin() {
        return server.request().header("Authorization", "Bearer " + ADMIN);
    }

    @Test
    void a_gift_file_of_one_and_a_half_megabytes_is_stored_published_and_played() {
        StringBuilder gift = new StringBuilder();
        int questions = 0;
        while (gift.length() < 1_500_000) {
            questions++;
            gift.append("::q").append(questions).append("::Which number do you dial for help in an emergency ")
                    .append("anywhere in India, by voice, SMS or the 112 India app? (").append(questions)
                    .append(") {=112 ~100 ~1098 ~1930}\n\n");
        }

        admin().contentType(ContentType.TEXT).body(gift.toString())
                .post("/api/v1/admin/import?format=gift&quizId=big-gift&lang=en")
                .then().statusCode(201).body("version", equalTo(1));
        admin().post("/api/v1/admin/quizzes/big-gift/publish").then().statusCode(200);

        String token = server.register("Asha");
        String attempt = server.as(token).post("/api/v1/quizzes/big-gift/attempts")
                .then().statusCode(201).extract().path("id");
        server.as(token).get("/api/v1/attempts/" + attempt + "/question").then().statusCode(200);
        admin().get("/api/v1/admin/quizzes/big-gift").then().statusCode(200)
                .body("questions.size()", equalTo(questions)).body("published", equalTo(true));
    }
}
