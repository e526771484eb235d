package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;

/** Quiz documents sent to the admin API: unknown fields and repeated keys are refused with their paths. */
class AdminStrictDocumentsTest {

    private static final String ADMIN = "test-admin-token-0123456789";

    private final QuizEngine engine = QuizEngine.builder().clock(MutableClock.at("2026-02-16T04:30:00Z")).build();
    private final ApiServer server = ApiServer.start(engine);

    @AfterEach
    void stop() {
        server.close();
    }

    private RequestSpecification admin() {
        return server.request().header("Authorization", "Bearer " + ADMIN);
    }


    /** The catalogue with a misspelt time limit in its rules and a misspelt field in its first question. */
    private static String misspelt() throws IOException {
        return SampleQuizzes.catalogueJson()
                .replace("\"tags\": [\"test\"],", "\"tags\": [\"test\"], \"rules\": {\"timeLimitMS\": 600000},")
                .replace("\"source\": \"India Today (25 Sep 2019)\"",
                        "\"source\": \"India Today (25 Sep 2019)\", \"explaination\": \"x\"");
    }

    private static void assertUnknownFieldsRefused(Response response) {
        response.then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("validation"));
        assertThat(response.jsonPath().getList("errors.field", String.class))
                .containsExactlyInAnyOrder("rules.timeLimitMS", "questions[0].explaination");
        assertThat(response.jsonPath().getString("errors.find { it.field == 'rules.timeLimitMS' }.message"))
                .isEqualTo("unknown field; did you mean timeLimitMs?");
    }

    @Test
    void creating_a_quiz_with_unknown_fields_is_refused_with_their_paths_and_stores_nothing() throws IOException {
        assertUnknownFieldsRefused(admin().body(misspelt()).post("/api/v1/admin/quizzes"));

        admin().get("/api/v1/admin/quizzes/catalogue").then().statusCode(404);
        admin().get("/api/v1/admin/quizzes").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void an_edit_with_unknown_fields_is_refused_and_the_quiz_keeps_its_version() throws IOException {
        admin().body(SampleQuizzes.catalogueJson()).post("/api/v1/admin/quizzes").then().statusCode(201);

        assertUnknownFieldsRefused(admin().body(misspelt()).put("/api/v1/admin/quizzes/catalogue"));

        admin().get("/api/v1/admin/quizzes/catalogue").then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void importing_a_native_json_file_with_unknown_fields_is_refused_and_stores_nothing() throws IOException {
        assertUnknownFieldsRefused(admin().body(misspelt()).post("/api/v1/admin/import?format=json"));

        admin().get("/api/v1/admin/quizzes/catalogue").then().statusCode(404);
    }

    @Test
    void a_repeated_key_is_a_validation_problem_naming_its_path_not_malformed_json() throws IOException {
        String repeated = SampleQuizzes.catalogueJson().replace("{\"id\": \"emergency\", \"type\": \"single_choice\",",
                "{\"id\": \"emergency\", \"type\": \"single_choice\", \"id\": \"emergency\",");

        for (Response response : new Response[] {admin().body(repeated).post("/api/v1/admin/quizzes"),
                admin().body(repeated).post("/api/v1/admin/import?format=json")}) {
            response.then().statusCode(422).contentType("application/problem+json")
                    .body("type", containsString("validation"))
                    .body("errors[0].field", equalTo("questions[0].id"))
                    .body("errors[0].message", containsString("duplicate key"));
        }
        admin().get("/api/v1/admin/quizzes/catalogue").then().statusCode(404);
    }

    @Test
    void a_quiz_read_through_the_api_can_be_sent_back_as_it_is() throws IOException {
        admin().body(SampleQuizzes.catalogueJson()).post("/api/v1/admin/quizzes").then().statusCode(201);
        String document = admin().get("/api/v1/admin/quizzes/catalogue").then().statusCode(200)
                .body("published", equalTo(false)).extract().asString();

        admin().body(document).put("/api/v1/admin/quizzes/catalogue").then().statusCode(200);
        String exported = admin().get("/api/v1/admin/quizzes/catalogue/export?format=json").asString();
        admin().body(exported).post("/api/v1/admin/import?format=json").then().statusCode(201);
    }

    @Test
    void a_body_that_is_not_json_at_all_is_still_malformed_json() {
        admin().body("{\"id\": \"x\", \"id\": ").post("/api/v1/admin/quizzes").then().statusCode(400)
                .body("type", containsString("malformed-json"));
    }
}
