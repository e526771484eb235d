package org.kydp.quiz.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.error.UnauthorizedException;

/**
 * {@code GET /metrics}: the server's metrics in the Prometheus text format ({@link QuizMetrics}). With a metrics
 * token configured it asks for that bearer token, checked as the admin token is (in constant time, a failure counting
 * against the address); the admin token does not open it, so that a scraper holds no more than it needs.
 */
final class MetricsRoutes {

    private final QuizMetrics metrics;
    private final AdminAuth token;
    private final FailedAuthentications failures;

    /** {@code metricsToken} null: the metrics are served to anyone. */
    MetricsRoutes(QuizMetrics metrics, String metricsToken, FailedAuthentications failures) {
        this.metrics = metrics;
        this.token = metricsToken == null ? null : new AdminAuth(metricsToken, failures);
        this.failures = failures;
    }

    void register(RoutesConfig routes) {
        routes.get("/metrics", this::metrics);
    }

    private void metrics(Context ctx) {
        if (token != null) {
            failures.attempt(ctx, () -> verify(ctx));
        }
        String exposition = metrics.scrape();
        if (exposition == null) {
            throw new NotFoundException("the metrics are kept in a registry this server does not expose");
        }
        ctx.contentType(QuizMetrics.CONTENT_TYPE).result(exposition);
    }

    private void verify(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthorizedException("The metrics need 'Authorization: Bearer <metrics token>'.");
        }
        if (!token.matches(header.substring(7))) {
            throw new UnauthorizedException("That is not the metrics token.");
        }
    }
}
