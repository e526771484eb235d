package org.kydp.quiz.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.function.Consumer;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.handler.GracefulHandler;

import org.kydp.quiz.QuizEngine;

/**
 * The REST API over a {@link QuizEngine}, as a Javalin app. No static state: every call builds a new app. It listens
 * on {@link ApiConfig#port()} through its own connector ({@link HttpConnections}), so set the port there: Javalin's
 * {@code start(port)} does not change it.
 *
 * <pre>{@code
 * Javalin app = QuizApi.create(engine, ApiConfig.defaults().withPort(0)).start();
 * }</pre>
 */
public final class QuizApi {

    /** How long stopping waits for requests in flight to finish. */
    public static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(10);

    static final int RESPONSE_COPY_BUFFER_BYTES = 4096;

    private QuizApi() {
    }

    /** Builds the app, not yet started; {@code start()} listens on the configured port. */
    public static Javalin create(QuizEngine engine, ApiConfig config) {
        return create(engine, config, javalin -> { });
    }

    /**
     * Builds the app with extra configuration applied after the API's own, for example static files or more
     * routes of the embedding application.
     */
    public static Javalin create(QuizEngine engine, ApiConfig config, Consumer<JavalinConfig> extras) {
        QuizMetrics own = QuizMetrics.prometheus();
        return create(engine, config, own, javalin -> {
            javalin.events.serverStopped(own::close); // its listener on the collectors would outlive the app
            extras.accept(javalin);
        });
    }

    /**
     * Builds the app with its metrics kept in {@code metrics} and served by {@code GET /metrics}. The API's own
     * (requests, refusals, leaderboards, live sessions) are always counted there; the engine's only when the engine
     * was built with {@link QuizMetrics#engine()}. The other methods give each app a Prometheus registry of its own,
     * closed when the app stops; {@code metrics} given here is the caller's to close.
     */
    public static Javalin create(QuizEngine engine, ApiConfig config, QuizMetrics metrics,
                                 Consumer<JavalinConfig> extras) {
        ObjectMapper json = objectMapper();
        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            new HttpConnections(config.port(), config.limits()).configure(javalin);
            javalin.http.maxRequestSize = Math.max(config.maxBodyBytes(), ApiConfig.MAX_IMPORT_BYTES);
            javalin.http.prefer405over404 = true;
            // Javalin copies each response into Jetty's output buffer through a buffer of this size, allocated per
            // response (32 KiB unless set): 4 KiB copies our responses (1-8 KiB) in one or two writes and makes
            // a third of the garbage a play request made.
            javalin.http.responseBufferSize = RESPONSE_COPY_BUFFER_BYTES;
            javalin.jsonMapper(new JavalinJackson(json, false));
            javalin.jetty.modifyServer(server -> {
                server.setErrorHandler(new ProblemErrorHandler(json));
                // Past the limit of requests handled at once, queue them, and refuse them with 503 past the queue's.
                RequestQueue queue = new RequestQueue(config.limits());
                queue.setHandler(server.getHandler());
                // On stop, refuse new requests and let those in flight finish, for up to the stop timeout.
                GracefulHandler graceful = new GracefulHandler();
                graceful.setHandler(queue);
                server.setHandler(graceful);
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
            });
            new Problems(json).register(javalin.routes);
            new HttpHygiene(config.corsOrigins()).register(javalin.routes);
            javalin.requestLogger.http((ctx, millis) -> {
                HttpHygiene.log(ctx, millis);
                metrics.request(ctx, millis);
            });
            ClientAddresses addresses = new ClientAddresses(TrustedProxies.of(config.trustedProxies()));
            RateLimiter limiter = new RateLimiter(config.rateLimitPerMinute(), engine.clock(), addresses,
                    () -> metrics.refused("requests"));
            FailedAuthentications failures = new FailedAuthentications(config.authFailuresPerMinute(), engine.clock(),
                    addresses, () -> metrics.refused("authentications"));
            Requests requests = new Requests(json, engine, config.maxBodyBytes(), failures);
            javalin.routes.before("/api/*", requests::limitBodySize);
            new PlayerRoutes(engine, requests, limiter).register(javalin.routes);
            new QuizRoutes(engine).register(javalin.routes);
            new AttemptRoutes(engine, requests, limiter).register(javalin.routes);
            new LeaderboardRoutes(engine, requests).register(javalin.routes);
            AdminAuth admin = new AdminAuth(config.adminToken(), failures);
            new AdminRoutes(engine, admin, json).register(javalin.routes);
            new StatisticsRoutes(engine).register(javalin.routes);
            LiveEventStreams streams = new LiveEventStreams(engine.live(), json);
            new LiveRoutes(engine, requests, limiter, admin, failures, streams).register(javalin.routes);
            // open event streams would hold a graceful stop for its whole timeout: end them first
            javalin.events.serverStopping(streams::closeAll);
            new OperationsRoutes(engine).register(javalin.routes);
            metrics.bindEngine(engine);
            metrics.bindEventStreams(streams);
            new MetricsRoutes(metrics, config.metricsToken(), failures).register(javalin.routes);
            extras.accept(javalin);
        });
    }

    static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
