package org.kydp.quiz.api;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.leaderboard.Page;
import org.kydp.quiz.leaderboard.Window;
import org.kydp.quiz.metrics.EngineMetrics;
import org.kydp.quiz.model.QuestionType;
import org.kydp.quiz.store.jdbc.CacheStatistics;
import org.kydp.quiz.store.jdbc.JdbcStore;

/**
 * The server's metrics, in a Micrometer registry, served by {@code GET /metrics} in the Prometheus text format. It
 * counts HTTP requests (by method, route template and status, with latency buckets), what the engine does when the
 * engine is built with {@link #engine()} (players registered, attempts started and finished, answers to attempts
 * and in live sessions by question type and outcome), rate-limit refusals, the leaderboards' sizes, live sessions open and event streams connected,
 * what {@link #bindStore} adds for a JDBC store (group commits, the connection pool, the caches), and the JVM
 * (memory, GC, threads). The engine's own meters are named {@code kydp_quiz_…}.
 *
 * <pre>{@code
 * QuizMetrics metrics = QuizMetrics.prometheus();
 * QuizEngine engine = QuizEngine.builder().store(store).metrics(metrics.engine()).build();
 * metrics.bindStore(store);
 * Javalin app = QuizApi.create(engine, config, metrics, javalin -> { }).start();
 * }</pre>
 *
 * An embedder that keeps its own registry passes it to {@link #of(MeterRegistry)}; {@code /metrics} then serves
 * what the registry holds only if it is a Prometheus registry, and answers 404 otherwise.
 */
public final class QuizMetrics implements AutoCloseable {

    /** The content type of the Prometheus text exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * The latency buckets of {@code http_server_requests_seconds}: from a cached read to a request that waited for a
     * slow database; a few fixed ones rather than Micrometer's 70-odd, so that each route costs the scrape little.
     */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    private final MeterRegistry registry;
    private final AutoCloseable jvm;
    private final Counter playersRegistered;
    private final Counter attemptsStarted;
    private final Counter attemptsFinished;
    private final Map<String, Counter> answers = new ConcurrentHashMap<>();
    private final Map<String, Timer> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();
    private final Set<String> boards = ConcurrentHashMap.newKeySet();

    private QuizMetrics(MeterRegistry registry, AutoCloseable jvm) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.jvm = jvm;
        this.playersRegistered = Counter.builder("kydp.quiz.players.registered")
                .description("Players registered").register(registry);
        this.attemptsStarted = Counter.builder("kydp.quiz.attempts.started")
                .description("Attempts started").register(registry);
        this.attemptsFinished = Counter.builder("kydp.quiz.attempts.finished")
                .description("Attempts finished by this server").register(registry);
    }

    /** A new Prometheus registry with the JVM's memory, GC, threads, class loading, processor and uptime. */
    public static QuizMetrics prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // two of ProcessorMetrics' meters break Prometheus's naming rules (promtool check metrics refuses them):
        // a CPU time in nanoseconds, and a gauge named ..._count; the processor's usage and load stay
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")
                || id.getName().equals("system.cpu.count")));
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics(); // listens to the collectors' notifications until closed
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return new QuizMetrics(registry, gc);
    }

    /**
     * Metrics that record nothing, at next to no cost (Micrometer's no-op meters): {@code /metrics} answers 404. For a
     * server that is not to be measured, or to measure what measuring costs.
     */
    public static QuizMetrics none() {
        return new QuizMetrics(new CompositeMeterRegistry(), null);
    }

    /** The server's metrics in the embedder's own registry; the JVM's are the embedder's to bind. */
    public static QuizMetrics of(MeterRegistry registry) {
        return new QuizMetrics(registry, null);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** What to build the engine with ({@code QuizEngine.builder().metrics(…)}) so that its work is counted here. */
    public EngineMetrics engine() {
        return new EngineMetrics() {
            @Override
            public void playerRegistered() {
                playersRegistered.increment();
            }

            @Override
            public void attemptStarted() {
                attemptsStarted.increment();
            }

            @Override
            public void attemptFinished() {
                attemptsFinished.increment();
            }

            @Override
            public void answerRecorded(QuestionType type, Boolean correct) {
                answerCounter("kydp.quiz.answers", "Answers to attempts' questions recorded in time", type, correct)
                        .increment();
            }

            @Override
            public void liveAnswerRecorded(QuestionType type, Boolean correct) {
                answerCounter("kydp.quiz.live.answers", "Answers in live sessions recorded in time", type, correct)
                        .increment();
            }
        };
    }

    private Counter answerCounter(String name, String description, QuestionType type, Boolean correct) {
        String outcome = correct == null ? "none" : correct ? "correct" : "wrong";
        return answers.computeIfAbsent(name + ' ' + type.wireName() + ' ' + outcome, key -> Counter.builder(name)
                .description(description + ", by question type and outcome (none for a poll)")
                .tag("type", type.wireName()).tag("outcome", outcome).register(registry));
    }

    /**
     * Adds a JDBC store's meters: its group commits ({@code kydp_quiz_group_commit_writes}, the writes per commit, and
     * {@code kydp_quiz_group_commit_seconds}), its connection pool (HikariCP's {@code hikaricp_connections_…}) and
     * its caches ({@code kydp_quiz_cache_hits_total}, {@code …_misses_total}, {@code kydp_quiz_cache_entries}, by
     * cache). Once per store.
     */
    public QuizMetrics bindStore(JdbcStore store) {
        DistributionSummary writes = DistributionSummary.builder("kydp.quiz.group.commit.writes")
                .description("Writes committed together in one transaction").register(registry);
        Timer commits = Timer.builder("kydp.quiz.group.commit")
                .description("How long a group commit took").register(registry);
        store.onGroupCommit((count, nanos) -> {
            writes.record(count);
            commits.record(nanos, TimeUnit.NANOSECONDS);
        });
        store.reportPoolMetrics(new MicrometerMetricsTrackerFactory(registry));
        for (String cache : store.cacheStatistics().keySet()) {
            FunctionCounter.builder("kydp.quiz.cache.hits", store, s -> statistics(s, cache).hits())
                    .description("Reads the store's cache answered").tag("cache", cache).register(registry);
            FunctionCounter.builder("kydp.quiz.cache.misses", store, s -> statistics(s, cache).misses())
                    .description("Reads the store's cache did not answer").tag("cache", cache).register(registry);
            Gauge.builder("kydp.quiz.cache.entries", store, s -> statistics(s, cache).size())
                    .description("Entries the store's cache keeps").tag("cache", cache).register(registry);
        }
        return this;
    }

    private static CacheStatistics statistics(JdbcStore store, String cache) {
        return store.cacheStatistics().getOrDefault(cache, new CacheStatistics(0, 0, 0, 0));
    }

    /** The leaderboards' sizes (every quiz's, and each quiz's as it is finished) and the live sessions open. */
    void bindEngine(QuizEngine engine) {
        engine.quizzes().forEach(quiz -> leaderboard(engine, quiz.id()));
        engine.onAttemptFinished(attempt -> leaderboard(engine, attempt.quizId()));
        Gauge.builder("kydp.quiz.live.sessions.open", engine, e -> e.live().countOpen())
                .description("Live sessions open (not ended), on every server of the database").register(registry);
    }

    private void leaderboard(QuizEngine engine, String quizId) {
        if (boards.add(quizId)) {
            Gauge.builder("kydp.quiz.leaderboard.entries", engine,
                            e -> e.leaderboard(quizId, Window.ALL, Page.first(0)).total())
                    .description("Players on the quiz's all-time leaderboard").tag("quiz", quizId)
                    .register(registry);
        }
    }

    /** The live event streams open on this server: the players, hosts and screens connected to live sessions. */
    void bindEventStreams(LiveEventStreams streams) {
        Gauge.builder("kydp.quiz.live.streams.open", streams, LiveEventStreams::openStreams)
                .description("Live event streams open on this server").register(registry);
    }

    /** A request refused by a rate limit: {@code requests} (registrations and starts) or {@code authentications}. */
    void refused(String limit) {
        refusals.computeIfAbsent(limit, key -> Counter.builder("kydp.quiz.rate.limit.refusals")
                .description("Requests refused by a rate limit").tag("limit", key).register(registry)).increment();
    }

    /**
     * Times a request under its route template ({@code /api/v1/attempts/{attemptId}}, never the path with its ids);
     * a request no route matched is {@code NOT_FOUND} (404) or {@code UNMATCHED} (static files, preflights).
     */
    void request(Context ctx, float millis) {
        String method = ctx.method().name();
        String uri = routeOf(ctx);
        String status = Integer.toString(ctx.statusCode());
        requests.computeIfAbsent(method + ' ' + uri + ' ' + status, key -> Timer.builder("http.server.requests")
                .description("HTTP requests, by method, route template and status")
                .tag("method", method).tag("uri", uri).tag("status", status)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)).record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    private static String routeOf(Context ctx) {
        Endpoint endpoint;
        try {
            endpoint = ctx.endpoints().matchedHttpEndpoint();
        } catch (RuntimeException noneMatched) {
            endpoint = null;
        }
        if (endpoint != null && !endpoint.path.contains("*")) {
            return endpoint.path;
        }
        return ctx.statusCode() == 404 ? "NOT_FOUND" : "UNMATCHED";
    }

    /**
     * Stops listening to the garbage collectors (a registry of {@link #prometheus()} does until then) and closes the
     * registry, which then records nothing. An embedder's own registry ({@link #of}) is the embedder's to close.
     */
    @Override
    public void close() {
        if (jvm != null) {
            try {
                jvm.close();
            } catch (Exception e) {
                throw new IllegalStateException("the JVM's meters could not be closed", e);
            }
            registry.close();
        }
    }

    /** The exposition of {@code GET /metrics}, or null when the registry is not a Prometheus one. */
    String scrape() {
        return registry instanceof PrometheusMeterRegistry prometheus ? prometheus.scrape() : null;
    }
}
