package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.api.OpenApiConformanceTest.Contract;
import org.kydp.quiz.api.OpenApiConformanceTest.Exchange;
import org.kydp.quiz.api.OpenApiConformanceTest.Exchanges;

/**
 * The administration API's real responses, checked against the served OpenAPI document the way
 * {@link OpenApiConformanceTest} checks the players' API: every exchange's status, Content-Type, required headers
 * and body (objects closed), and every request body the server accepted against the document's request schema
 * for its Content-Type.
 */
class AdminOpenApiConformanceTest {

    private static final String ADMIN = "test-admin-token-0123456789";
    private static final Contract CONTRACT = OpenApiConformanceTest.CONTRACT;
    private static final String QUIZZES = "/api/v1/admin/quizzes";
    private static final String IMPORT = "/api/v1/admin/import";
    private static final int FOUR_MIB = 4 * 1024 * 1024;

    /** One language given as plain strings, every rule set, every optional question field used. */
    private static final String RULED = """
            {"id": "ruled", "version": 7, "languages": ["hi"], "title": "नियम", "description": "हर नियम",
             "tags": ["rules"],
             "rules": {"timeLimitMs": 600000, "questionTimeLimitMs": 20000, "gracePeriodMs": 1000,
                       "attemptsAllowed": 3, "grading": "average",
                       "review": {"correctness": "after_each_answer", "points": "after_finish", "feedback": "never",
                                  "explanation": "after_finish", "correctAnswer": "never"},
                       "scoring": {"mode": "speed", "negativeMarking": 0.25, "floor": -5,
                                   "multipleResponse": "all_or_nothing", "streakBonus": true},
                       "shuffleQuestions": true, "shuffleOptions": true,
                       "draw": {"count": 2, "tags": ["cyber"], "difficulties": ["easy", "medium"]}},
             "questions": [
               {"id": "never-share", "type": "multiple_response", "text": "क्या कभी साझा नहीं करना चाहिए?",
                "points": 20, "tags": ["cyber"], "difficulty": "easy", "timeLimitMs": 30000,
                "source": "RBI", "explanation": "बैंक कभी ओटीपी नहीं माँगते।",
                "options": [{"id": "a", "text": "ओटीपी", "correct": true, "feedback": "सही"},
                            {"id": "b", "text": "पिन", "correct": true},
                            {"id": "c", "text": "शहर"}]},
               {"id": "helpline", "type": "numeric", "text": "साइबर हेल्पलाइन?", "tags": ["cyber"],
                "difficulty": "medium",
                "answers": [{"value": 1930, "tolerance": 0, "fraction": 1, "feedback": "सही"},
                            {"min": 1900, "max": 1999, "fraction": 0.5}]},
               {"id": "emergency-text", "type": "short_text", "text": "आपातकालीन नंबर?", "tags": ["road"],
                "answers": [{"text": "112"}, {"text": "100", "fraction": 0.5, "feedback": "पुराना नंबर"}]},
               {"id": "helmet", "type": "true_false", "text": "हेलमेट ज़रूरी नहीं है।", "answer": false,
                "rightFeedback": "सही", "wrongFeedback": "हेलमेट ज़रूरी है।"},
               {"id": "emergency", "type": "single_choice", "text": "आपातकालीन नंबर?",
                "options": [{"id": "a", "text": "112", "correct": true},
                            {"id": "b", "text": "100", "credit": 0.5, "feedback": "अब 112"}]}
             ],
             "feedback": [{"minPercent": 0, "text": "फिर कोशिश करें"}, {"minPercent": 75.5, "text": "शाबाश"}]}
            """;

    /** Two questions GIFT can import, one with a warning, and one it skips. */
    private static final String GIFT = """
            $CATEGORY: road

            Write an essay about road safety.{}

            ::helmet::Helmets save lives.{T#Wrong: they do.#Right.}

            ::motto::The first word of the motto? {=Shanti =%0%Seva ####Shanti means peace.}
            """;

    private static final String CSV = """
            type,id,text.en,text.hi,options.en,options.hi,answer,points,tags,difficulty
            true_false,,Helmets save lives.,हेलमेट जान बचाता है।,,,true,,road,easy
            single_choice,emergency,Emergency number?,आपातकालीन नंबर?,1098|112,1098|112,b,20,,
            essay,,Write about safety.,सुरक्षा पर लिखें।,,,,,,
            """;

    private static final String TRIVIA = """
            {"response_code": 0, "results": [
              {"type": "boolean", "difficulty": "easy", "category": "General Knowledge",
               "question": "112 is India&#039;s emergency number.", "correct_answer": "True",
               "incorrect_answers": ["False"]},
              {"type": "multiple", "difficulty": "medium", "category": "General Knowledge",
               "question": "The cyber fraud helpline?", "correct_answer": "1930",
               "incorrect_answers": ["100", "101", "1098"]},
              {"type": "multiple", "difficulty": "hard", "category": "General Knowledge",
               "question": "Only one option?", "correct_answer": "Yes", "incorrect_answers": []}]}
            """;

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final QuizEngine engine = SampleQuizzes.seeded(11).clock(clock).build();
    private final ApiServer server = ApiServer.start(engine);
    private final Exchanges http = new Exchanges(CONTRACT);

    @AfterEach
    void stop() {
        server.close();
    }

    private RequestSpecification admin() {
        return server.as(ADMIN);
    }

    private RequestSpecification admin(String contentType) {
        return server.as(ADMIN).contentType(contentType);
    }

    /**
     * For a body the server refuses from its Content-Length alone: with {@code Expect: 100-continue}, as curl sends
     * for large bodies, the client waits for the 413 instead of writing megabytes into a closed connection.
     */
    private RequestSpecification adminExpectingContinue(String contentType) {
        return admin(contentType).config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.protocol.expect-continue", true)));
    }


    @Test
    void creating_reading_editing_publishing_importing_exporting_and_deleting_conform() {
        String catalogue = SampleQuizzes.catalogueJson();

        http.send(admin(), "GET", QUIZZES).expect(200);
        Exchange created = http.send(admin(), "POST", QUIZZES, catalogue).expect(201);
        assertThat(created.response().header("Location")).isEqualTo(QUIZZES + "/catalogue");
        assertThat(http.send(admin(), "POST", QUIZZES, RULED).expect(201).<Integer>path("version"))
                .as("the server numbers versions").isEqualTo(1);
        http.send(admin(), "GET", QUIZZES).expect(200);
        Exchange document = http.send(admin(), "GET", QUIZZES + "/catalogue").expect(200);
        http.send(admin(), "GET", QUIZZES + "/ruled").expect(200);
        // The document as read, published included, is an edit that means the same.
        assertThat(http.send(admin(), "PUT", QUIZZES + "/catalogue", document.response().asString()).expect(200)
                .<Integer>path("version")).isEqualTo(2);
        http.send(admin(), "PUT", QUIZZES + "/ruled", RULED).expect(200);

        http.send(admin(), "POST", QUIZZES + "/catalogue/publish").expect(200);
        http.send(admin(), "POST", QUIZZES + "/catalogue/publish").expect(200);
        http.send(admin(), "POST", QUIZZES + "/ruled/publish").expect(200);
        http.send(admin(), "POST", QUIZZES + "/ruled/unpublish").expect(200);
        http.send(admin(), "POST", QUIZZES + "/ruled/unpublish").expect(200);

        Exchange json = http.send(admin(), "GET", QUIZZES + "/catalogue/export").expect(200);
        http.send(admin(), "GET", QUIZZES + "/ruled/export?format=json").expect(200);
        http.send(admin(), "GET", QUIZZES + "/ruled/export?format=gift").expect(200);
        Exchange gift = http.send(admin(), "GET", QUIZZES + "/catalogue/export?format=GIFT&lang=hi").expect(200);
        assertThat(gift.response().header("X-Left-Out")).isEqualTo("2");
        assertThat(gift.response().header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"catalogue.gift.txt\"");

        http.send(admin("text/plain"), "POST", IMPORT + "?format=gift&quizId=from-gift&lang=hi&title=GIFT",
                gift.response().asString()).expect(201);
        Exchange road = http.send(admin("text/plain"), "POST", IMPORT + "?format=gift&quizId=road", GIFT)
                .expect(201);
        assertThat(road.<List<?>>path("skipped")).hasSize(1);
        assertThat(road.<List<?>>path("warnings")).isNotEmpty();
        http.send(admin("text/plain"), "POST", IMPORT + "?format=gift&quizId=road&title=Road", GIFT).expect(201);
        assertThat(http.send(admin("text/csv"), "POST", IMPORT + "?format=csv&quizId=csv-quiz&title=CSV", CSV)
                .expect(201).<List<?>>path("skipped")).hasSize(1);
        assertThat(http.send(admin(), "POST", IMPORT + "?format=opentdb&quizId=trivia&lang=en", TRIVIA)
                .expect(201).<List<?>>path("skipped")).hasSize(1);
        String copy = json.response().asString().replace("\"id\":\"catalogue\"", "\"id\":\"copy\"");
        http.send(admin(), "POST", IMPORT + "?quizId=copy", copy).expect(201);
        http.send(admin(), "POST", IMPORT + "?format=json", json.response().asString()).expect(201);
        http.send(admin(), "GET", QUIZZES).expect(200);

        String player = server.register("Asha");
        server.as(player).post("/api/v1/quizzes/catalogue/attempts").then().statusCode(201);
        http.send(admin(), "DELETE", QUIZZES + "/catalogue").expect(409);
        http.send(admin(), "DELETE", QUIZZES + "/copy").expect(204);
        http.send(admin(), "GET", QUIZZES + "/copy").expect(404);

        http.assertConformant();
        assertThat(http.covered()).as("operations and statuses exercised").contains(
                "listAdminQuizzes 200", "createQuiz 201", "getAdminQuiz 200", "updateQuiz 200", "publishQuiz 200",
                "unpublishQuiz 200", "exportQuiz 200", "importQuiz 201", "deleteQuiz 204", "deleteQuiz 409",
                "getAdminQuiz 404");
    }

    @Test
    void too_many_failed_authentications_conform() {
        String catalogue = SampleQuizzes.catalogueJson();
        try (ApiServer strict = ApiServer.start(engine, ApiConfig.defaults().withAdminToken(ADMIN)
                .withAuthFailuresPerMinute(1))) {
            http.send(strict.as(ADMIN), "POST", QUIZZES, catalogue).expect(201);
            http.send(strict.as("not-the-admin-token-0123"), "GET", QUIZZES).expect(401);
            http.send(strict.as(ADMIN), "GET", QUIZZES).expect(429);
            http.send(strict.as(ADMIN), "POST", QUIZZES, catalogue).expect(429);
            http.send(strict.as(ADMIN), "GET", QUIZZES + "/catalogue").expect(429);
            http.send(strict.as(ADMIN), "PUT", QUIZZES + "/catalogue", catalogue).expect(429);
            http.send(strict.as(ADMIN), "DELETE", QUIZZES + "/catalogue").expect(429);
            http.send(strict.as(ADMIN), "POST", QUIZZES + "/catalogue/publish").expect(429);
            http.send(strict.as(ADMIN), "POST", QUIZZES + "/catalogue/unpublish").expect(429);
            http.send(strict.as(ADMIN).contentType("text/plain"), "POST", IMPORT + "?format=gift&quizId=x", GIFT)
                    .expect(429);
            http.send(strict.as(ADMIN), "GET", QUIZZES + "/catalogue/export?format=gift").expect(429);
            clock.advance(Duration.ofMinutes(1));
            http.send(strict.as(ADMIN), "GET", QUIZZES).expect(200);
        }

        http.assertConformant();
        assertThat(http.covered()).contains("listAdminQuizzes 429", "createQuiz 429", "getAdminQuiz 429",
                "updateQuiz 429", "deleteQuiz 429", "publishQuiz 429", "unpublishQuiz 429", "importQuiz 429",
                "exportQuiz 429");
    }

    @Test
    void error_responses_conform() {
        String catalogue = SampleQuizzes.catalogueJson();
        http.send(admin(), "POST", QUIZZES, catalogue).expect(201);
        String player = server.register("Ravi");

        // 401: no token, a player's token, a wrong token, another scheme; for every operation
        List<Supplier<RequestSpecification>> strangers = List.of(server::request, () -> server.as(player),
                () -> server.as("not-the-admin-token-0123"),
                () -> server.request().header("Authorization", "Basic YTpi"));
        for (Supplier<RequestSpecification> stranger : strangers) {
            clock.advance(Duration.ofMinutes(1)); // within the address's limit of failed authentications
            http.send(stranger.get(), "GET", QUIZZES).expect(401);
            http.send(stranger.get(), "POST", QUIZZES, catalogue).expect(401);
            http.send(stranger.get(), "GET", QUIZZES + "/catalogue").expect(401);
            http.send(stranger.get(), "PUT", QUIZZES + "/catalogue", catalogue).expect(401);
            http.send(stranger.get(), "DELETE", QUIZZES + "/catalogue").expect(401);
            http.send(stranger.get(), "POST", QUIZZES + "/catalogue/publish").expect(401);
            http.send(stranger.get(), "POST", QUIZZES + "/catalogue/unpublish").expect(401);
            http.send(stranger.get().contentType("text/plain"), "POST", IMPORT + "?format=gift&quizId=x", GIFT)
                    .expect(401);
            http.send(stranger.get(), "GET", QUIZZES + "/catalogue/export?format=gift").expect(401);
        }
        // 400: an empty body
        http.send(admin(), "POST", QUIZZES, "").expect(400);
        http.send(admin(), "PUT", QUIZZES + "/catalogue", "").expect(400);
        http.send(admin("text/plain"), "POST", IMPORT + "?format=gift&quizId=empty", "").expect(400);
        // 404
        String nowhere = QUIZZES + "/no-such-quiz";
        http.send(admin(), "GET", nowhere).expect(404);
        http.send(admin(), "PUT", nowhere, catalogue.replace("\"id\": \"catalogue\"", "\"id\": \"no-such-quiz\""))
                .expect(404);
        http.send(admin(), "DELETE", nowhere).expect(404);
        http.send(admin(), "POST", nowhere + "/publish").expect(404);
        http.send(admin(), "POST", nowhere + "/unpublish").expect(404);
        http.send(admin(), "GET", nowhere + "/export?format=gift").expect(404);
        // 405
        http.send(admin(), "PATCH", QUIZZES, "{}").expect(405);
        http.send(admin(), "POST", QUIZZES + "/catalogue", catalogue).expect(405);
        http.send(admin(), "GET", QUIZZES + "/catalogue/publish").expect(405);
        http.send(admin(), "DELETE", QUIZZES + "/catalogue/unpublish").expect(405);
        http.send(admin(), "GET", IMPORT).expect(405);
        http.send(admin(), "POST", QUIZZES + "/catalogue/export").expect(405);
        // 409
        http.send(admin(), "POST", QUIZZES, catalogue).expect(409);
        http.send(admin(), "POST", QUIZZES + "/catalogue/publish").expect(200);
        server.as(player).post("/api/v1/quizzes/catalogue/attempts").then().statusCode(201);
        http.send(admin(), "DELETE", QUIZZES + "/catalogue").expect(409);
        // 413: more than 4 MiB, though administration accepts more than a player's 64 KiB
        http.send(adminExpectingContinue("text/plain"), "POST", IMPORT + "?format=gift&quizId=huge",
                "x".repeat(FOUR_MIB + 1)).expect(413);
        http.send(adminExpectingContinue("application/json"), "POST", QUIZZES,
                "{\"id\": \"huge\", \"pad\": \"" + "x".repeat(FOUR_MIB) + "\"}").expect(413);
        http.send(adminExpectingContinue("application/json"), "PUT", QUIZZES + "/catalogue",
                " ".repeat(FOUR_MIB) + catalogue).expect(413);
        http.send(admin(), "PUT", QUIZZES + "/catalogue", " ".repeat(100_000) + catalogue).expect(200);
        // 422: every problem of a document at once, each with its path
        String broken = catalogue
                .replace("\"hi\": \"हर तरह के प्रश्न\"", "\"hi\": \"\"")
                .replace("\"answer\": true", "\"answer\": \"yes\"")
                .replace("{\"value\": 1930}", "{\"value\": 1930, \"tolerance\": -1}")
                .replace("\"type\": \"poll\"", "\"type\": \"essay\"");
        Exchange invalid = http.send(admin(), "POST", QUIZZES, broken).expect(422);
        assertThat(invalid.<List<String>>path("errors.field")).containsExactlyInAnyOrder(
                "title.hi", "questions[2].answer", "questions[4].answers[0].tolerance", "questions[7].type");
        http.send(admin(), "POST", QUIZZES, "{\"id\": ").expect(400);
        http.send(admin(), "POST", QUIZZES, "[]").expect(422);
        Exchange several = http.send(admin(), "POST", QUIZZES, "{\"id\": \"Not An Id\", \"languages\": "
                + "[\"en\", \"en\"], \"rules\": {\"scoring\": {\"floor\": 5}, \"review\": \"sometimes\"}, "
                + "\"questions\": []}").expect(422);
        assertThat(several.<List<String>>path("errors.field")).containsExactlyInAnyOrder("languages[1]", "id",
                "title", "rules.review", "rules.scoring.floor", "questions");
        http.send(admin(), "PUT", QUIZZES + "/catalogue", broken).expect(422);
        String other = catalogue.replace("\"id\": \"catalogue\"", "\"id\": \"other\"");
        http.send(admin(), "PUT", QUIZZES + "/catalogue", other).expect(422);
        http.send(admin(), "POST", IMPORT + "?format=xml&quizId=x", catalogue).expect(422);
        http.send(admin(), "POST", IMPORT + "?lang=english", catalogue).expect(422);
        http.send(admin(), "POST", IMPORT + "?quizId=other", catalogue).expect(422);
        http.send(admin(), "POST", IMPORT + "?format=json", broken).expect(422);
        http.send(admin("text/csv"), "POST", IMPORT + "?format=csv", CSV).expect(422);
        http.send(admin("text/plain"), "POST", IMPORT + "?format=gift&quizId=Not_An_Id", GIFT).expect(422);
        Exchange nothing = http.send(admin("text/plain"), "POST", IMPORT + "?format=gift&quizId=essays",
                "Write an essay.{}\n\nAnd another.{}\n").expect(422);
        assertThat(nothing.<List<String>>path("errors.field")).containsExactly("line 1", "line 3");
        http.send(admin(), "POST", IMPORT + "?format=opentdb&quizId=trivia", "{\"response_code\": 1, "
                + "\"results\": []}").expect(422);
        http.send(admin(), "POST", IMPORT + "?format=opentdb&quizId=trivia", "not json").expect(422);
        http.send(admin(), "GET", QUIZZES + "/catalogue/export?format=pdf").expect(422);

        http.assertConformant();
        List<String> operations = List.of("listAdminQuizzes", "createQuiz", "getAdminQuiz", "updateQuiz",
                "deleteQuiz", "publishQuiz", "unpublishQuiz", "importQuiz", "exportQuiz");
        assertThat(http.covered()).containsAll(operations.stream().map(op -> op + " 401").toList());
        assertThat(http.covered()).contains("createQuiz 400", "updateQuiz 400", "importQuiz 400",
                "getAdminQuiz 404", "updateQuiz 404", "deleteQuiz 404", "publishQuiz 404", "unpublishQuiz 404",
                "exportQuiz 404", "PATCH /api/v1/admin/quizzes 405", "POST /api/v1/admin/quizzes/{quizId} 405",
                "GET /api/v1/admin/quizzes/{quizId}/publish 405", "DELETE /api/v1/admin/quizzes/{quizId}/unpublish 405",
                "GET /api/v1/admin/import 405", "POST /api/v1/admin/quizzes/{quizId}/export 405",
                "createQuiz 409", "deleteQuiz 409", "importQuiz 413", "createQuiz 413", "updateQuiz 413",
                "createQuiz 422", "updateQuiz 422", "importQuiz 422", "exportQuiz 422");
    }

    /** The admin schemas are not vacuous: a renamed or missing field, an unknown type and a missing header fail. */
    @Test
    void the_check_reports_what_the_admin_schemas_do_not_allow() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        admin().body(SampleQuizzes.catalogueJson()).post(QUIZZES).then().statusCode(201);
        String path = QUIZZES + "/catalogue";
        ObjectNode document = (ObjectNode) mapper.readTree(admin().get(path).then().statusCode(200).extract()
                .asByteArray());
        assertThat(CONTRACT.check("GET", path, 200, "application/json", Map.of(), document.toString())).isEmpty();

        ObjectNode unpublished = document.deepCopy();
        unpublished.remove("published");
        assertThat(CONTRACT.check("GET", path, 200, "application/json", Map.of(), unpublished.toString()))
                .anySatisfy(v -> assertThat(v).contains("published"));

        ObjectNode renamed = document.deepCopy();
        ObjectNode first = (ObjectNode) renamed.get("questions").get(0);
        first.set("choices", first.remove("options"));
        assertThat(CONTRACT.check("GET", path, 200, "application/json", Map.of(), renamed.toString()))
                .anySatisfy(v -> assertThat(v).contains("options"))
                .anySatisfy(v -> assertThat(v).contains("choices"));

        ObjectNode essay = document.deepCopy();
        ((ObjectNode) essay.get("questions").get(7)).put("type", "essay");
        assertThat(CONTRACT.check("GET", path, 200, "application/json", Map.of(), essay.toString())).isNotEmpty();

        ObjectNode untranslated = document.deepCopy();
        ((ObjectNode) untranslated.get("title")).put("hi", "  ");
        assertThat(CONTRACT.check("GET", path, 200, "application/json", Map.of(), untranslated.toString()))
                .anySatisfy(v -> assertThat(v).contains("title"));

        ObjectNode published = document.deepCopy();
        assertThat(CONTRACT.check("GET", path + "/export", 200, "application/json",
                Map.of("content-disposition", "attachment; filename=\"catalogue.json\""), published.toString()))
                .as("an export has no published flag").isNotEmpty();

        ArrayNode list = (ArrayNode) mapper.readTree(admin().get(QUIZZES).asByteArray());
        ((ObjectNode) list.get(0)).put("questionCount", "8");
        assertThat(CONTRACT.check("GET", QUIZZES, 200, "application/json", Map.of(), list.toString()))
                .anySatisfy(v -> assertThat(v).contains("questionCount"));

        String report = "{\"quizId\": \"road\", \"version\": 1, \"imported\": 2, \"skipped\": [{\"line\": 1}]}";
        assertThat(CONTRACT.check("POST", IMPORT, 201, "application/json", Map.of(), report))
                .anySatisfy(v -> assertThat(v).contains("warnings"))
                .anySatisfy(v -> assertThat(v).contains("reason"));

        assertThat(CONTRACT.check("GET", path + "/export", 200, "text/plain; charset=utf-8", Map.of(), "::q::x{T}"))
                .anySatisfy(v -> assertThat(v).contains("Content-Disposition"));
        assertThat(CONTRACT.check("POST", QUIZZES, 201, "application/json", Map.of(),
                mapper.writeValueAsString(list.get(0)))).anySatisfy(v -> assertThat(v).contains("Location"));
        assertThat(CONTRACT.checkRequestBody("POST", IMPORT, "text/xml", "<quiz/>"))
                .anySatisfy(v -> assertThat(v).contains("text/xml"));
    }
}
