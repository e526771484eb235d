package org.kydp.quiz.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import io.javalin.config.RoutesConfig;

/** {@code /health} and {@code /openapi.json}. */
final class OperationsRoutes {

    private final byte[] openApi;

    OperationsRoutes() {
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
        routes.get("/health", ctx -> ctx.json(Map.of("status", "UP", "checks", Map.of("store", "UP"))));
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }
}
