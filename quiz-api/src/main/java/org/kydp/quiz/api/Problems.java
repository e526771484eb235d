package org.kydp.quiz.api;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kydp.quiz.error.ErrorCode;
import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.error.QuizException;
import org.kydp.quiz.store.StoreTimeoutException;

/**
 * The one place where errors become HTTP: every engine error code, every framework error and every
 * unexpected failure is answered with {@code application/problem+json}. No stack trace, SQL or class
 * name ever reaches a client.
 */
final class Problems {

    static final String CONTENT_TYPE = "application/problem+json";

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.exception(QuizException.class, (e, ctx) -> {
            if (e.code() == ErrorCode.STORAGE) {
                storageFailed(ctx, e);
                return;
            }
            send(ctx, fromEngine(e));
        });
        routes.exception(MalformedBodyException.class, (e, ctx) ->
                send(ctx, Problem.of(400, "malformed-json", "Malformed JSON", e.getMessage())));
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, fromStatus(e.getStatus(), e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            if (isDatabaseUnreachable(e) || isStoreTimeout(e)) {
                storageFailed(ctx, e);
                return;
            }
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            send(ctx, Problem.of(500, "internal", "Internal error", "The server failed unexpectedly."));
        });
        for (int status : List.of(404, 405, 413, 415)) {
            routes.error(status, ctx -> {
                if (!isProblem(ctx)) {
                    send(ctx, fromStatus(status, null));
                }
            });
        }
    }

    /** 503 with Retry-After for a store that failed: the request may succeed a moment later, and changed nothing. */
    private void storageFailed(Context ctx, Exception e) {
        ctx.header("Retry-After", "5");
        if (isStoreTimeout(e)) {
            LOG.warn("Database too slow on {} {}: {}", ctx.method(), ctx.path(), e.toString());
            send(ctx, Problem.of(503, "unavailable", "Service unavailable",
                    "The database did not answer in time. Try again shortly."));
        } else {
            LOG.warn("Database unreachable on {} {}: {}", ctx.method(), ctx.path(), e.toString());
            send(ctx, Problem.of(503, "unavailable", "Service unavailable",
                    "The database cannot be reached; nothing was changed. Try again shortly."));
        }
    }

    /**
     * Whether a failure comes from a database that cannot be reached (no connection in time, a connection
     * refused or lost, the server shutting down), which is 503, not a bug.
     */
    static boolean isDatabaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof java.net.ConnectException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Whether a failure is a statement the store cancelled at its statement timeout: 503, not a bug. */
    static boolean isStoreTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static Problem fromEngine(QuizException e) {
        ErrorCode code = e.code();
        return switch (code) {
            case VALIDATION -> Problem.of(422, "validation", "Invalid input", e.getMessage(), e.errors());
            case NOT_FOUND -> Problem.of(404, "not-found", "Not found", e.getMessage());
            case UNAUTHORIZED -> Problem.of(401, "unauthorized", "Unauthorized", e.getMessage());
            case ALREADY_ANSWERED -> Problem.of(409, "already-answered", "Already answered", e.getMessage());
            case NOT_SERVED -> Problem.of(409, "not-served", "Question not served yet", e.getMessage());
            case DEADLINE_PASSED -> Problem.of(422, "deadline-passed", "Deadline passed", e.getMessage());
            case ATTEMPT_FINISHED -> Problem.of(409, "attempt-finished", "Attempt finished", e.getMessage());
            case ATTEMPTS_EXHAUSTED -> Problem.of(409, "attempts-exhausted", "No attempts left", e.getMessage());
            case CONFLICT -> Problem.of(409, "conflict", "Conflict", e.getMessage());
            case LIVE_SESSION_NOT_FOUND -> Problem.of(404, "live-session-not-found", "Live session not found",
                    e.getMessage());
            case INVALID_PHASE -> Problem.of(409, "invalid-phase", "Not allowed in this phase", e.getMessage());
            case QUESTION_CLOSED -> Problem.of(409, "question-closed", "Question not open", e.getMessage());
            case NAME_TAKEN -> Problem.of(409, "name-taken", "Name taken", e.getMessage());
            case LIVE_SESSION_STARTED -> Problem.of(409, "live-session-started", "Live session started",
                    e.getMessage());
            case LIVE_SESSION_LIMIT -> Problem.of(409, "live-session-limit", "Too many live sessions", e.getMessage());
            case STORAGE -> Problem.of(503, "unavailable", "Service unavailable",
                    "The database cannot be reached; nothing was changed. Try again shortly.");
        };
    }

    static Problem fromStatus(int status, String detail) {
        return switch (status) {
            case 400 -> Problem.of(400, "bad-request", "Bad request", orDefault(detail, "The request is malformed."));
            case 401 -> Problem.of(401, "unauthorized", "Unauthorized", orDefault(detail, "A bearer token is required."));
            case 403 -> Problem.of(403, "forbidden", "Forbidden", orDefault(detail, "This request is not allowed."));
            case 404 -> Problem.of(404, "not-found", "Not found", "No resource at this path.");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
                    "This path does not support this method.");
            case 413 -> Problem.of(413, "payload-too-large", "Payload too large", "The request body is too large.");
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json.");
            case 429 -> Problem.of(429, "rate-limited", "Too many requests", orDefault(detail, "Slow down."));
            case 503 -> Problem.of(503, "unavailable", "Service unavailable", orDefault(detail,
                    "The server cannot take this request now; nothing was changed. Try again after Retry-After."));
            default -> status >= 500
                    ? Problem.of(status, "internal", "Internal error", "The server failed unexpectedly.")
                    : Problem.of(status, "http-" + status, "HTTP " + status, detail);
        };
    }

    static FieldError field(String field, String message) {
        return new FieldError(field, message);
    }

    private void send(Context ctx, Problem problem) {
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        try {
            ctx.status(problem.status()).contentType(CONTENT_TYPE).result(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document always serialises", e);
        }
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(CONTENT_TYPE);
    }

    private static String orDefault(String detail, String fallback) {
        return detail == null || detail.isBlank() ? fallback : detail;
    }
}
