package org.kydp.quiz.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.player.Registration;

/** {@code POST /api/v1/players}: registration. */
final class PlayerRoutes {

    private final QuizEngine engine;
    private final Requests requests;
    private final RateLimiter limiter;

    PlayerRoutes(QuizEngine engine, Requests requests, RateLimiter limiter) {
        this.engine = engine;
        this.requests = requests;
        this.limiter = limiter;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/players", this::register);
    }

    private void register(Context ctx) {
        JsonNode body = requests.objectBody(ctx);
        limiter.take(ctx);
        JsonNode name = body.get("name");
        if (name == null || name.isNull()) {
            throw ValidationException.of("name", "is required");
        }
        if (!name.isTextual()) {
            throw ValidationException.of("name", "must be a string");
        }
        Registration registration = engine.registerPlayer(name.asText());
        ctx.status(201).json(Representations.playerCreated(registration.player(), registration.token()));
    }
}
