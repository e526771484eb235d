package org.kydp.quiz.demo;

import java.io.PrintStream;

import io.javalin.Javalin;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.api.ApiConfig;
import org.kydp.quiz.api.QuizApi;
import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.error.ValidationException;

/**
 * The demo: a quiz server seeded with the Know Your Delhi Police quizzes, with the web player at {@code /}.
 * Configured by the {@code QUIZ_*} environment variables; stops cleanly on SIGTERM or Ctrl-C.
 */
public final class DemoServer implements AutoCloseable {

    private final Javalin app;
    private final ApiConfig config;

    private DemoServer(Javalin app, ApiConfig config) {
        this.app = app;
        this.config = config;
    }

    /** Seeds the demo quizzes and starts serving; fails with a {@link ValidationException} on invalid content. */
    public static DemoServer start(ApiConfig config) {
        QuizEngine engine = QuizEngine.builder().zone(config.zone()).build();
        DemoContent.seed(engine);
        return new DemoServer(QuizApi.create(engine, config, WebPlayer::configure).start(), config);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    public static void main(String[] args) {
        ApiConfig config;
        DemoServer server;
        try {
            config = ApiConfig.fromEnvironment();
            server = start(config);
        } catch (ValidationException e) {
            System.err.println("kydp-quiz demo: the quiz content is invalid, not starting:");
            e.errors().stream().map(FieldError::toString).forEach(line -> System.err.println("  " + line));
            System.exit(2);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("kydp-quiz demo: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("kydp-quiz demo stopped.");
        }, "shutdown"));
        printWelcome(System.out, server.port(), config);
    }

    static void printWelcome(PrintStream out, int port, ApiConfig config) {
        String base = "http://localhost:" + port;
        out.println("Play in a browser: " + base + "/");
        out.println("kydp-quiz demo is running: " + base + "/api/v1/quizzes");
        out.println("  API description: " + base + "/openapi.json");
        if (config.adminTokenGenerated()) {
            out.println("  Admin token (generated for this run; set QUIZ_ADMIN_TOKEN to choose one): "
                    + config.adminToken());
        } else {
            out.println("  Admin token: taken from QUIZ_ADMIN_TOKEN");
        }
        out.println("Stop with Ctrl-C.");
    }
}
