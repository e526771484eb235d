package org.kydp.quiz.api;

import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.store.jdbc.JdbcConfig;
import org.kydp.quiz.store.jdbc.JdbcStore;
import org.kydp.quiz.store.jdbc.TestDatabases;

/**
 * A PostgreSQL server stopped under a running API: 503 while it is away, 200 again when it is back. A request held up
 * past the statement timeout by a lock held elsewhere: 503 too, and the next request is served.
 */
class DatabaseOutageTest {

    private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "off").start();
    }

    @Test
    void a_request_whose_statement_waits_past_the_statement_timeout_gets_503_and_the_next_one_is_served()
            throws Exception {
        JdbcConfig config = TestDatabases.newH2().withStatementTimeout(Duration.ofSeconds(1));
        try (JdbcStore store = JdbcStore.open(config);
             ApiServer server = ApiServer.start(QuizEngine.builder().store(store).build())) {
            store.quizzes().save(SampleQuizzes.helplines());
            store.quizzes().setPublished("helplines", true);
            String token = server.register("Asha");
            String attempt = server.as(token).post("/api/v1/quizzes/helplines/attempts").then().statusCode(201)
                    .extract().path("id");

            try (Connection other = DriverManager.getConnection(config.effectiveUrl(), config.user(),
                    config.password())) {
                other.setAutoCommit(false);
                try (Statement statement = other.createStatement()) {
                    statement.executeUpdate("UPDATE attempts SET seed = seed WHERE attempt_id = '" + attempt + "'");
                }
                server.as(token).get("/api/v1/attempts/" + attempt + "/question").then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "5")
                        .body("type", equalTo(Problem.TYPE_BASE + "unavailable"))
                        .body("detail", equalTo("The database did not answer in time. Try again shortly."));
                other.rollback();
            }
            server.as(token).get("/api/v1/attempts/" + attempt + "/question").then().statusCode(200);
        }
    }

    @Test
    void health_follows_the_database_down_and_back_up_and_requests_meanwhile_get_503() throws Exception {
        Path data = Files.createTempDirectory("quiz-pg-outage-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres database = postgres(data, port);
        try (JdbcStore store = JdbcStore.open(JdbcConfig.of(database.getJdbcUrl("postgres", "postgres"), "postgres", null));
             ApiServer server = ApiServer.start(QuizEngine.builder().store(store).build())) {
            store.quizzes().save(SampleQuizzes.helplines());
            store.quizzes().setPublished("helplines", true);
            server.request().get("/health").then().statusCode(200).body("checks.database", equalTo("UP"));

            database.close();
            server.request().get("/health").then().statusCode(503).body("checks.database", equalTo("DOWN"));
            server.request().body("{\"name\": \"Asha\"}").post("/api/v1/players").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo(Problem.TYPE_BASE + "unavailable"));

            database = postgres(data, port);
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (server.request().get("/health").statusCode() != 200 && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            server.request().get("/health").then().statusCode(200).body("checks.database", equalTo("UP"));
            server.request().body("{\"name\": \"Asha\"}").post("/api/v1/players").then().statusCode(201);
            server.request().get("/api/v1/quizzes/helplines").then().statusCode(200);
        } finally {
            database.close();
        }
    }
}
