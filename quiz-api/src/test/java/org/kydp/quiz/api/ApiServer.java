package org.kydp.quiz.api;

import static io.restassured.RestAssured.given;

import io.javalin.Javalin;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;

import org.kydp.quiz.QuizEngine;

/** A real API server on a free port, for one test. */
final class ApiServer implements AutoCloseable {

    private final Javalin app;

    private ApiServer(Javalin app) {
        this.app = app;
    }

    static ApiServer start(QuizEngine engine) {
        return start(engine, ApiConfig.defaults().withAdminToken("test-admin-token-0123456789"));
    }

    static ApiServer start(QuizEngine engine, ApiConfig config) {
        return new ApiServer(QuizApi.create(engine, config.withPort(0)).start());
    }

    static ApiServer start(QuizEngine engine, ApiConfig config, QuizMetrics metrics) {
        return new ApiServer(QuizApi.create(engine, config.withPort(0), metrics, javalin -> { }).start());
    }

    int port() {
        return app.port();
    }

    RequestSpecification request() {
        return given().baseUri("http://localhost").port(app.port()).contentType(ContentType.JSON);
    }

    RequestSpecification as(String token) {
        return request().header("Authorization", "Bearer " + token);
    }

    /** Registers a player and returns their token. */
    String register(String name) {
        return request().body("{\"name\": \"" + name + "\"}").post("/api/v1/players")
                .then().statusCode(201).extract().path("token");
    }

    @Override
    public void close() {
        stopNow(app);
    }

    /**
     * Stops the app without the server's grace for idle keep-alive connections ({@code HttpConnections}, 100 ms: the
     * test's HTTP client keeps its connections open, and a stop would wait for them to time out, in every test);
     * requests in flight still finish.
     */
    static void stopNow(Javalin app) {
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector abstractConnector) {
                abstractConnector.setShutdownIdleTimeout(1);
            }
        }
        app.stop();
    }
}
