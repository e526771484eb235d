package org.kydp.quiz.api;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every response gets: a request id, security headers, CORS for the configured origins only; and a
 * log line per request (method, path, status, duration, request id — never a token or a body).
 */
final class HttpHygiene {

    static final String REQUEST_ID = "X-Request-Id";

    private static final Logger LOG = LoggerFactory.getLogger("org.kydp.quiz.api.requests");
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Set<String> corsOrigins;

    HttpHygiene(List<String> corsOrigins) {
        this.corsOrigins = Set.copyOf(corsOrigins);
    }

    void register(RoutesConfig routes) {
        routes.before(this::headers);
    }

    /** A random UUID: unique, not secret, so from a fast generator rather than the secure one tokens need. */
    /** The client's request id when it is a safe one, else a new one. */
    static String requestId(String incoming) {
        return incoming != null && SAFE_ID.matcher(incoming).matches() ? incoming : newRequestId();
    }

    private static String newRequestId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L).toString();
    }

    private void headers(Context ctx) {
        ctx.header(REQUEST_ID, requestId(ctx.header(REQUEST_ID)));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/health") || ctx.path().equals("/openapi.json")) {
            ctx.header("Content-Security-Policy", API_CSP);
            ctx.header("Cache-Control", "no-store");
        }
        String origin = ctx.header("Origin");
        if (origin != null && corsOrigins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Expose-Headers", "Location, Retry-After, Content-Language, " + REQUEST_ID);
        }
        ctx.header("Vary", "Origin");
        if (ctx.method().name().equals("OPTIONS") && ctx.header("Access-Control-Request-Method") != null) {
            preflight(ctx);
            ctx.skipRemainingHandlers();
        }
    }

    private void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !corsOrigins.contains(origin)) {
            throw new ForbiddenResponse("The origin " + (origin == null ? "(none)" : origin)
                    + " may not call this API from a browser: it is not among the server's CORS origins"
                    + " (QUIZ_CORS_ORIGINS).");
        }
        ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept-Language, " + REQUEST_ID);
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(204);
    }

    static void log(Context ctx, Float millis) {
        LOG.info("{} {} {} {}ms id={}", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(millis),
                ctx.res().getHeader(REQUEST_ID));
    }
}
