package org.kydp.quiz.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.api.ApiConfig;
import org.kydp.quiz.api.StorageConfig;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.store.jdbc.JdbcStore;

class DemoServerTest {

    private final StorageConfig storage = tempStorage();
    private DemoServer server = DemoServer.start(ApiConfig.defaults().withPort(0), storage);

    /** An H2 database in a new temporary directory. */
    static StorageConfig tempStorage() {
        try {
            return StorageConfig.defaults().withDataDirectory(Files.createTempDirectory("quiz-demo-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RequestSpecification request() {
        return given().baseUri("http://localhost").port(server.port()).contentType(ContentType.JSON);
    }

    @Test
    void lists_the_four_quizzes_in_hindi_when_asked() {
        request().queryParam("lang", "hi").get("/api/v1/quizzes").then().statusCode(200)
                .header("Content-Language", "hi")
                .body("items", hasSize(4))
                .body("items.find { it.id == 'know-your-delhi-police' }.title", equalTo("अपनी दिल्ली पुलिस को जानो"));
    }

    @Test
    void a_whole_quiz_can_be_played_in_hindi() {
        String token = request().body("{\"name\": \"आशा\"}").post("/api/v1/players").then().statusCode(201)
                .extract().path("token");
        String attempt = request().header("Authorization", "Bearer " + token)
                .post("/api/v1/quizzes/emergency-helplines/attempts").then().statusCode(201).extract().path("id");
        int answered = 0;
        while (true) {
            Response question = request().header("Authorization", "Bearer " + token).queryParam("lang", "hi")
                    .get("/api/v1/attempts/" + attempt + "/question");
            if (question.statusCode() == 204) {
                break;
            }
            question.then().statusCode(200).header("Content-Language", "hi");
            String body = RestPlayer.anyAnswer(question);
            request().header("Authorization", "Bearer " + token).queryParam("lang", "hi").body(body)
                    .put("/api/v1/attempts/" + attempt + "/answers/" + question.path("id"))
                    .then().statusCode(200).body("explanation", notNullValue());
            answered++;
        }
        Assertions.assertThat(answered).isGreaterThanOrEqualTo(12);
        request().header("Authorization", "Bearer " + token).post("/api/v1/attempts/" + attempt + "/finish")
                .then().statusCode(200)
                .body("answered", equalTo(answered))
                .body("rank", equalTo(1));
        request().get("/api/v1/quizzes/emergency-helplines/leaderboard").then().statusCode(200)
                .body("entries[0].name", equalTo("आशा"))
                .body("total", greaterThanOrEqualTo(1));
    }

    @Test
    void serves_the_web_player_at_the_root_with_a_content_security_policy() {
        request().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", WebPlayer.CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("<meta charset=\"utf-8\">"), containsString("हिन्दी"));
        request().get("/js/main.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void unknown_api_paths_are_still_answered_with_problem_json() {
        request().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/not-found"));
    }

    @Test
    void a_restart_on_the_same_data_keeps_players_and_finished_attempts_and_adds_no_quiz_versions() {
        String token = request().body("{\"name\": \"Ravi\"}").post("/api/v1/players").then().statusCode(201)
                .extract().path("token");
        String attempt = request().header("Authorization", "Bearer " + token)
                .post("/api/v1/quizzes/road-safety/attempts").then().statusCode(201).extract().path("id");
        request().header("Authorization", "Bearer " + token).post("/api/v1/attempts/" + attempt + "/finish")
                .then().statusCode(200);

        for (int restart = 0; restart < 2; restart++) {
            server.close();
            server = DemoServer.start(ApiConfig.defaults().withPort(0), storage);
        }

        request().get("/api/v1/quizzes").then().statusCode(200).body("items", hasSize(4));
        request().header("Authorization", "Bearer " + token).get("/api/v1/attempts/" + attempt).then()
                .statusCode(200).body("status", equalTo("FINISHED"));
        request().get("/api/v1/quizzes/road-safety/leaderboard").then().statusCode(200)
                .body("entries[0].name", equalTo("Ravi"));
        server.close();
        try (JdbcStore store = JdbcStore.open(storage.jdbc())) {
            for (Quiz quiz : DemoContent.load()) {
                Assertions.assertThat(store.quizzes().latest(quiz.id())).contains(quiz);
            }
        } finally {
            server = DemoServer.start(ApiConfig.defaults().withPort(0), storage);
        }
    }

    @Test
    void serves_the_live_pages_the_statistics_page_and_the_qr_code_of_a_join_address_with_a_content_security_policy() {
        for (String path : new String[] {"/live", "/live/host", "/stats"}) {
            given().baseUri("http://localhost").port(server.port()).get(path).then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Content-Security-Policy", equalTo(WebPlayer.CONTENT_SECURITY_POLICY))
                    .header("X-Content-Type-Options", "nosniff")
                    .body(containsString("<meta charset=\"utf-8\">"));
        }
        given().baseUri("http://localhost").port(server.port()).queryParam("code", "123456").queryParam("lang", "hi")
                .get("/live/qr").then().statusCode(200)
                .contentType(containsString("image/svg+xml"))
                .header("Content-Security-Policy", equalTo(WebPlayer.CONTENT_SECURITY_POLICY))
                .body(containsString("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        for (String code : new String[] {"12345", "abcdef", "1234567"}) {
            given().baseUri("http://localhost").port(server.port()).queryParam("code", code).get("/live/qr").then()
                    .statusCode(400);
        }
        given().baseUri("http://localhost").port(server.port()).queryParam("code", "123456").queryParam("lang", "<x>")
                .get("/live/qr").then().statusCode(400);
    }

    @Test
    void says_where_it_runs_and_the_admin_token() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ApiConfig config = ApiConfig.from(Map.of("QUIZ_ADMIN_TOKEN", "admin-token-from-env-123"), new java.util.Properties());
        DemoServer.printWelcome(new PrintStream(bytes, true, StandardCharsets.UTF_8), 7070, config, storage);
        String printed = bytes.toString(StandardCharsets.UTF_8);

        Assertions.assertThat(printed.lines().limit(2)).containsExactly(
                "Play in a browser: http://localhost:7070/",
                "kydp-quiz demo is running: http://localhost:7070/api/v1/quizzes");
        Assertions.assertThat(printed).contains("http://localhost:7070/api/v1/quizzes")
                .contains("Host a live quiz: http://localhost:7070/live/host")
                .contains("Join a live quiz: http://localhost:7070/live" + System.lineSeparator())
                .contains("Quiz statistics: http://localhost:7070/stats")
                .contains("Data: H2 file " + storage.dataDirectory().toAbsolutePath().normalize().resolve("quiz.mv.db"))
                .contains("taken from QUIZ_ADMIN_TOKEN")
                .doesNotContain("admin-token-from-env-123");
        bytes.reset();
        ApiConfig generated = ApiConfig.defaults();
        DemoServer.printWelcome(new PrintStream(bytes, true, StandardCharsets.UTF_8), 7070, generated, storage);
        Assertions.assertThat(bytes.toString(StandardCharsets.UTF_8)).contains(generated.adminToken());
    }

    @Test
    void the_start_up_log_line_names_the_version_the_storage_and_the_zone() {
        ApiConfig config = ApiConfig.from(Map.of("QUIZ_ZONE", "Europe/London"), new java.util.Properties());
        StorageConfig postgres = StorageConfig.from(Map.of("QUIZ_DB_URL",
                "jdbc:postgresql://db:5432/quiz?password=s3cret", "QUIZ_DB_PASSWORD", "s3cret"),
                new java.util.Properties());

        Assertions.assertThat(DemoServer.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        Assertions.assertThat(DemoServer.startupLine(7070, ApiConfig.defaults(), storage)).isEqualTo(
                "kydp-quiz " + DemoServer.version() + " started on port 7070: storage H2 file "
                        + storage.dataDirectory().toAbsolutePath().normalize().resolve("quiz.mv.db")
                        + ", zone Asia/Kolkata");
        Assertions.assertThat(DemoServer.startupLine(8080, config, postgres)).isEqualTo(
                "kydp-quiz " + DemoServer.version() + " started on port 8080: storage "
                        + "jdbc:postgresql://db:5432/quiz?password=***, zone Europe/London");
    }
}
