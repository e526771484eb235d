package org.kydp.quiz.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kydp.quiz.QuizEngine;

/** {@code /health} and {@code /openapi.json}. */
final class OperationsRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsRoutes.class);

    private final QuizEngine engine;
    private final byte[] openApi;

    OperationsRoutes(QuizEngine engine) {
        this.engine = engine;
        try (InputStream in = OperationsRoutes.class.getResourceAsStream("/org/kydp/quiz/api/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the quiz-api jar");
            }
            openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    /**
     * {@code {"status": "UP", "checks": {"database": "UP"}}}, or, when the database cannot be reached, 503 with a
     * problem document that also carries the checks ({@code "database": "DOWN"}).
     */
    private void health(Context ctx) {
        try {
            engine.checkStore();
        } catch (RuntimeException e) {
            LOG.warn("health check: {}", e.getMessage());
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", Problem.TYPE_BASE + "unavailable");
            problem.put("title", "Service unavailable");
            problem.put("status", 503);
            problem.put("detail", "The database cannot be reached.");
            problem.put("checks", Map.of("database", "DOWN"));
            ctx.status(503).json(problem).contentType(Problems.CONTENT_TYPE);
            return;
        }
        ctx.json(Map.of("status", "UP", "checks", Map.of("database", "UP")));
    }
}
