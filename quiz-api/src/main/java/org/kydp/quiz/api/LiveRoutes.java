package org.kydp.quiz.api;

import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.error.UnauthorizedException;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.live.JoinedPlayer;
import org.kydp.quiz.live.LiveSessions;
import org.kydp.quiz.live.Viewer;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LiveSettings;
import org.kydp.quiz.model.Player;

/**
 * Live sessions over HTTP: the host creates and moves a session (admin token to create, then the session's host
 * token), players join with its code and answer, and everyone follows it as a {@code text/event-stream}. A token
 * that is not taken counts against the request's address ({@link FailedAuthentications}).
 */
final class LiveRoutes {

    private static final String BASE = "/api/v1/live-sessions";

    private final QuizEngine engine;
    private final LiveSessions live;
    private final Requests requests;
    private final RateLimiter limiter;
    private final AdminAuth admin;
    private final FailedAuthentications failures;
    private final LiveEventStreams streams;

    LiveRoutes(QuizEngine engine, Requests requests, RateLimiter limiter, AdminAuth admin,
               FailedAuthentications failures, LiveEventStreams streams) {
        this.engine = engine;
        this.live = engine.live();
        this.requests = requests;
        this.limiter = limiter;
        this.admin = admin;
        this.failures = failures;
        this.streams = streams;
    }

    void register(RoutesConfig routes) {
        routes.post(BASE, this::create);
        routes.post(BASE + "/join", this::join);
        routes.get(BASE + "/{id}", this::session);
        routes.post(BASE + "/{id}/advance", ctx -> ctx.json(LiveRepresentations.session(live.advance(host(ctx)))));
        routes.post(BASE + "/{id}/close", ctx -> ctx.json(LiveRepresentations.session(live.close(host(ctx)))));
        routes.post(BASE + "/{id}/end", ctx -> ctx.json(LiveRepresentations.session(live.end(host(ctx)))));
        routes.delete(BASE + "/{id}/players/{playerId}", this::remove);
        routes.get(BASE + "/{id}/results", this::results);
        routes.put(BASE + "/{id}/answers/{questionId}", this::answer);
        routes.get(BASE + "/{id}/state", this::state);
        routes.get(BASE + "/{id}/events", this::events);
    }

    private void create(Context ctx) {
        admin.require(ctx);
        JsonNode body = requests.objectBody(ctx);
        String quizId = text(body, "quizId", true);
        String language = text(body, "language", false);
        LiveSettings settings = settings(body.get("settings"));
        ctx.status(201).json(LiveRepresentations.created(live.create(quizId, language, settings)));
    }

    private static LiveSettings settings(JsonNode node) {
        if (node == null || node.isNull()) {
            return LiveSettings.defaults();
        }
        if (!node.isObject()) {
            throw ValidationException.of("settings", "must be an object");
        }
        JsonNode lateJoin = node.get("lateJoin");
        if (lateJoin != null && !lateJoin.isNull() && !lateJoin.isBoolean()) {
            throw ValidationException.of("settings.lateJoin", "must be true or false");
        }
        return new LiveSettings(millis(node, "questionTimeLimitMs"),
                millis(node, "readingTimeMs").orElse(Duration.ZERO),
                lateJoin == null || lateJoin.isNull() || lateJoin.booleanValue(), millis(node, "autoAdvanceMs"));
    }

    private static Optional<Duration> millis(JsonNode settings, String field) {
        JsonNode value = settings.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw ValidationException.of("settings." + field, "must be a whole number of milliseconds");
        }
        return Optional.of(Duration.ofMillis(value.longValue()));
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ValidationException.of(field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw ValidationException.of(field, "must be a string");
        }
        return value.asText();
    }

    /**
     * Joins by code and name; with a registered player's bearer token, as that player (their name unless the body
     * gives another). A failed attempt counts against the address's rate limit, so that codes cannot be guessed; a
     * successful one gives its token back, so that a hall of players behind one address can all join.
     */
    private void join(Context ctx) {
        JsonNode body = requests.objectBody(ctx);
        limiter.take(ctx);
        String code = text(body, "code", true);
        String name = text(body, "name", false);
        String header = ctx.header("Authorization");
        JoinedPlayer joined;
        if (header != null && !header.isBlank()) {
            Player player = failures.attempt(ctx, () -> engine.authenticate(bearer(ctx)));
            joined = live.join(code, player, bearer(ctx), name);
        } else {
            if (name == null) {
                throw ValidationException.of("name", "is required");
            }
            joined = live.join(code, name);
        }
        limiter.refund(ctx);
        ctx.status(joined.rejoined() ? 200 : 201).json(LiveRepresentations.joined(joined));
    }

    private void session(Context ctx) {
        ctx.json(LiveRepresentations.session(live.session(host(ctx))));
    }

    private void remove(Context ctx) {
        String sessionId = ctx.pathParam("id");
        String playerId = ctx.pathParam("playerId");
        Viewer viewer = viewer(ctx, false);
        if (viewer instanceof Viewer.Participant participant) {
            if (!participant.playerId().equals(playerId)) {
                throw new UnauthorizedException("a player may only remove themselves; the host removes others");
            }
            live.leave(sessionId, playerId);
        } else {
            live.remove(sessionId, playerId);
        }
        ctx.status(204);
    }

    private void results(Context ctx) {
        String sessionId = host(ctx);
        ctx.json(LiveRepresentations.resultsPage(live.results(sessionId), language(ctx, sessionId)));
    }

    private void answer(Context ctx) {
        Viewer viewer = viewer(ctx, false);
        if (!(viewer instanceof Viewer.Participant participant)) {
            throw new UnauthorizedException("the host does not answer: send a player's token");
        }
        Answer answer = AnswerBodies.parse(requests.objectBody(ctx));
        ctx.json(LiveRepresentations.accepted(live.answer(participant.sessionId(), participant.playerId(),
                ctx.pathParam("questionId"), answer)));
    }

    private void state(Context ctx) {
        Viewer viewer = viewer(ctx, true);
        String language = language(ctx, viewer.sessionId());
        ctx.json(LiveRepresentations.state(live.state(viewer), language));
    }

    /** {@code text/event-stream}; the token may come as {@code ?token=}, since EventSource sends no headers. */
    private void events(Context ctx) throws java.io.IOException {
        Viewer viewer = viewer(ctx, true);
        streams.open(ctx, viewer, lastEventId(ctx), language(ctx, viewer.sessionId()));
    }

    private static Long lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        String raw = header != null ? header : ctx.queryParam("lastEventId");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(raw.strip());
            return id >= 0 ? id : null;
        } catch (NumberFormatException e) {
            return null; // not one of ours: start with the state
        }
    }

    /** The language asked for, else the session's, else the quiz's default; said in {@code Content-Language}. */
    private String language(Context ctx, String sessionId) {
        String chosen = live.language(sessionId, Requests.requestedLanguage(ctx));
        ctx.header("Content-Language", chosen);
        return chosen;
    }

    /** The session of the path, when the request carries its host token or the admin token. */
    private String host(Context ctx) {
        return failures.attempt(ctx, () -> hostSession(ctx));
    }

    private String hostSession(Context ctx) {
        String sessionId = ctx.pathParam("id");
        String token = bearer(ctx);
        if (token == null) {
            throw new UnauthorizedException("Send 'Authorization: Bearer <host token>' with the token from creating "
                    + "the session.");
        }
        if (admin.matches(token)) {
            live.session(sessionId); // 404 for an unknown session
            return sessionId;
        }
        if (!(live.authenticate(sessionId, token) instanceof Viewer.Host)) {
            throw new UnauthorizedException("this needs the session's host token");
        }
        return sessionId;
    }

    /**
     * Who the request's token is in the session of the path. Reads may send it as {@code ?token=}, since
     * EventSource sends no headers; a change needs the header, so that no link or log line can make one.
     */
    private Viewer viewer(Context ctx, boolean read) {
        return failures.attempt(ctx, () -> authenticate(ctx, read));
    }

    private Viewer authenticate(Context ctx, boolean read) {
        String sessionId = ctx.pathParam("id");
        String token = bearer(ctx);
        if (token == null && read) {
            token = ctx.queryParam("token");
        }
        if (token == null || token.isBlank()) {
            throw new UnauthorizedException(read
                    ? "Send 'Authorization: Bearer <token>' (or ?token=) with a player's or the host's token."
                    : "Send 'Authorization: Bearer <token>' with a player's or the host's token (?token= is only "
                    + "for reading the state and the event stream).");
        }
        if (admin.matches(token)) {
            live.session(sessionId);
            return new Viewer.Host(sessionId);
        }
        return live.authenticate(sessionId, token);
    }

    /** The bearer token of the request, or null when it sends none. */
    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            return null;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthorizedException("The Authorization header must use the Bearer scheme.");
        }
        return header.substring(7).strip();
    }
}
