package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.util.List;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;

class AdminApiTest {

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


    @Test
    void administration_needs_the_admin_token_and_refuses_a_player_token() {
        String player = server.register("Asha");

        for (RequestSpecification request : List.of(server.request(), server.as(player),
                server.request().header("Authorization", "Bearer wrong-token"))) {
            request.get("/api/v1/admin/quizzes").then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", containsString("unauthorized"));
        }
        admin().get("/api/v1/admin/quizzes").then().statusCode(200);
    }

    @Test
    void a_created_quiz_is_a_draft_until_published_and_gone_again_when_unpublished() throws IOException {
        admin().body(SampleQuizzes.catalogueJson()).post("/api/v1/admin/quizzes").then().statusCode(201)
                .header("Location", "/api/v1/admin/quizzes/catalogue")
                .body("id", equalTo("catalogue")).body("version", equalTo(1)).body("published", equalTo(false));
        server.request().get("/api/v1/quizzes/catalogue").then().statusCode(404);

        admin().post("/api/v1/admin/quizzes/catalogue/publish").then().statusCode(200).body("published", equalTo(true));
        server.request().get("/api/v1/quizzes").then().body("items.id", hasItems("catalogue"));

        admin().post("/api/v1/admin/quizzes/catalogue/unpublish").then().statusCode(200);
        server.request().get("/api/v1/quizzes/catalogue").then().statusCode(404);
        admin().body(SampleQuizzes.catalogueJson()).post("/api/v1/admin/quizzes").then().statusCode(409);
    }

    @Test
    void an_invalid_quiz_gets_every_problem_with_its_path_and_nothing_is_stored() throws IOException {
        String broken = SampleQuizzes.catalogueJson()
                .replace("\"hi\": \"हर तरह के प्रश्न\"", "\"hi\": \"\"")
                .replace("\"answer\": true", "\"answer\": \"yes\"")
                .replace("{\"value\": 1930}", "{\"value\": 1930, \"tolerance\": -1}");

        Response response = admin().body(broken).post("/api/v1/admin/quizzes");

        response.then().statusCode(422).contentType("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field", String.class)).containsExactlyInAnyOrder(
                "title.hi", "questions[2].answer", "questions[4].answers[0].tolerance");
        admin().get("/api/v1/admin/quizzes/catalogue").then().statusCode(404);
        admin().body("{\"id\": ").post("/api/v1/admin/quizzes").then().statusCode(400)
                .body("type", containsString("malformed-json"));
    }

    @Test
    void importing_into_an_existing_quiz_keeps_its_rules_and_description() throws IOException {
        admin().body(SampleQuizzes.catalogueJson().replace("\"tags\": [\"test\"],", "\"tags\": [\"test\"], \"rules\": {\"attemptsAllowed\": 2},"))
                .post("/api/v1/admin/quizzes").then().statusCode(201);

        admin().contentType(ContentType.TEXT).body("Helmets save lives.{T}")
                .post("/api/v1/admin/import?format=gift&quizId=catalogue&lang=en").then().statusCode(201)
                .body("version", equalTo(2));

        admin().get("/api/v1/admin/quizzes/catalogue").then()
                .body("rules.attemptsAllowed", equalTo(2))
                .body("description.en", equalTo("One question of each type."))
                .body("questions", hasSize(1));
    }

    @Test
    void an_edit_is_a_new_version_and_attempts_in_progress_keep_theirs() throws IOException {
        admin().body(SampleQuizzes.catalogueJson()).post("/api/v1/admin/quizzes").then().statusCode(201);
        admin().post("/api/v1/admin/quizzes/catalogue/publish").then().statusCode(200);
        String player = server.register("Asha");
        String before = server.as(player).post("/api/v1/quizzes/catalogue/attempts").path("id");

        admin().body(SampleQuizzes.catalogueJson().replace("India's single emergency number?", "The emergency number?"))
                .put("/api/v1/admin/quizzes/catalogue").then().statusCode(200).body("version", equalTo(2))
                .body("published", equalTo(true));

        server.as(player).get("/api/v1/attempts/" + before + "/question").then()
                .body("text", equalTo("India's single emergency number?"));
        String after = server.as(player).post("/api/v1/quizzes/catalogue/attempts").path("id");
        server.as(player).get("/api/v1/attempts/" + after + "/question").then()
                .body("text", equalTo("The emergency number?"));
        admin().body(SampleQuizzes.catalogueJson().replace("\"id\": \"catalogue\"", "\"id\": \"other\""))
                .put("/api/v1/admin/quizzes/catalogue").then().statusCode(422);
    }

    @Test
    void a_quiz_nobody_played_can_be_deleted_but_one_with_attempts_only_unpublished() throws IOException {
        admin().body(SampleQuizzes.catalogueJson()).post("/api/v1/admin/quizzes").then().statusCode(201);
        admin().delete("/api/v1/admin/quizzes/catalogue").then().statusCode(204);
        admin().get("/api/v1/admin/quizzes/catalogue").then().statusCode(404);

        admin().body(SampleQuizzes.catalogueJson()).post("/api/v1/admin/quizzes").then().statusCode(201);
        admin().post("/api/v1/admin/quizzes/catalogue/publish");
        server.as(server.register("Asha")).post("/api/v1/quizzes/catalogue/attempts").then().statusCode(201);
        admin().delete("/api/v1/admin/quizzes/catalogue").then().statusCode(409)
                .body("detail", containsString("unpublish"));
    }

    @Test
    void json_export_round_trips_and_gift_export_lists_what_it_left_out() throws IOException {
        admin().body(SampleQuizzes.catalogueJson()).post("/api/v1/admin/quizzes").then().statusCode(201);

        String exported = admin().get("/api/v1/admin/quizzes/catalogue/export?format=json").then().statusCode(200)
                .contentType(ContentType.JSON).extract().asString();
        admin().body(exported.replace("\"catalogue\"", "\"copy\"")).post("/api/v1/admin/quizzes")
                .then().statusCode(201);
        String copy = admin().get("/api/v1/admin/quizzes/copy/export?format=json").asString();
        assertThat(copy.replace("\"copy\"", "\"catalogue\"")).isEqualTo(exported);

        Response gift = admin().get("/api/v1/admin/quizzes/catalogue/export?format=gift&lang=hi");
        gift.then().statusCode(200).contentType(containsString("text/plain")).header("X-Left-Out", "2");
        admin().contentType(ContentType.TEXT).body(gift.asString())
                .post("/api/v1/admin/import?format=gift&quizId=from-gift&lang=hi&title=GIFT").then().statusCode(201)
                .body("imported", equalTo(6)).body("skipped", hasSize(0));
    }

    @Test
    void imports_gift_csv_and_open_trivia_db_and_report_what_they_skipped() {
        String gift = "Write an essay.{}\n\nHelmets save lives.{T}\n\n::Helpline::Cyber fraud? {#1930}\n";
        admin().contentType(ContentType.TEXT).body(gift)
                .queryParam("format", "gift").queryParam("quizId", "road").queryParam("title", "Road safety")
                .post("/api/v1/admin/import").then().statusCode(201)
                .body("quizId", equalTo("road")).body("imported", equalTo(2))
                .body("skipped[0].line", equalTo(1)).body("skipped[0].reason", containsString("essay"));
        admin().get("/api/v1/admin/quizzes/road").then().body("title.en", equalTo("Road safety"))
                .body("questions.id", equalTo(List.of("q2", "helpline")));

        String csv = "type,text.en,text.hi,answer\ntrue_false,Helmets save lives.,हेलमेट जान बचाता है।,true\n";
        admin().contentType("text/csv").body(csv).post("/api/v1/admin/import?format=csv&quizId=csv-quiz")
                .then().statusCode(201).body("imported", equalTo(1));
        admin().get("/api/v1/admin/quizzes/csv-quiz").then().body("languages", equalTo(List.of("en", "hi")));

        String trivia = "{\"response_code\":0,\"results\":[{\"type\":\"boolean\",\"difficulty\":\"easy\","
                + "\"category\":\"General\",\"question\":\"112 is India&#039;s emergency number.\","
                + "\"correct_answer\":\"True\",\"incorrect_answers\":[\"False\"]}]}";
        admin().body(trivia).post("/api/v1/admin/import?format=opentdb&quizId=trivia").then().statusCode(201)
                .body("imported", equalTo(1));
        admin().get("/api/v1/admin/quizzes/trivia").then()
                .body("questions[0].text.en", equalTo("112 is India's emergency number."));

        admin().contentType(ContentType.TEXT).body("Essay only.{}")
                .post("/api/v1/admin/import?format=gift&quizId=nothing").then().statusCode(422)
                .body("errors[0].field", equalTo("line 1"));
        admin().body(csv).post("/api/v1/admin/import?format=xml&quizId=x").then().statusCode(422);
        admin().body(csv).post("/api/v1/admin/import?format=csv").then().statusCode(422)
                .body("errors[0].field", equalTo("quizId"));
    }

    @Test
    void an_administrator_may_import_a_file_larger_than_a_players_body_limit() {
        StringBuilder gift = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            gift.append("::q").append(i).append("::Statement number ").append(i).append(" is true.{T}\n\n");
        }
        assertThat(gift.length()).isGreaterThan(70_000);

        admin().contentType(ContentType.TEXT).body(gift.toString())
                .post("/api/v1/admin/import?format=gift&quizId=big").then().statusCode(201)
                .body("imported", equalTo(2000));
    }
}
