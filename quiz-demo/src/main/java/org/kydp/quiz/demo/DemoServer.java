package org.kydp.quiz.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.api.ApiConfig;
import org.kydp.quiz.api.QuizApi;
import org.kydp.quiz.api.QuizMetrics;
import org.kydp.quiz.api.StorageConfig;
import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.store.jdbc.JdbcStore;

/**
 * The demo: a quiz server seeded with the Know Your Delhi Police quizzes, with the web player at {@code /},
 * keeping its data in an H2 database under {@code QUIZ_DATA_DIR} (default {@code ./data}) or in the PostgreSQL
 * database of {@code QUIZ_DB_URL}. Configured by the {@code QUIZ_*} environment variables; stops cleanly on
 * SIGTERM or Ctrl-C, and loses nothing it acknowledged when killed.
 */
public final class DemoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);

    private final Javalin app;
    private final QuizEngine engine;
    private final JdbcStore store;
    private final QuizMetrics metrics;

    private DemoServer(Javalin app, QuizEngine engine, JdbcStore store, QuizMetrics metrics) {
        this.app = app;
        this.engine = engine;
        this.store = store;
        this.metrics = metrics;
    }

    /**
     * Opens the database, seeds the demo quizzes (a quiz whose content is unchanged since the last start keeps
     * its version) and starts serving; fails with a {@link ValidationException} on invalid content.
     */
    public static DemoServer start(ApiConfig config, StorageConfig storage) {
        return start(config, storage, QuizMetrics.prometheus());
    }

    /**
     * As {@link #start(ApiConfig, StorageConfig)}, keeping the metrics of {@code GET /metrics} in {@code metrics}
     * ({@link QuizMetrics#none()} for none, as {@code QUIZ_METRICS=off} does).
     */
    public static DemoServer start(ApiConfig config, StorageConfig storage, QuizMetrics metrics) {
        JdbcStore store = JdbcStore.open(storage.jdbc());
        try {
            metrics.bindStore(store);
            QuizEngine engine = QuizEngine.builder().store(store).zone(config.zone()).metrics(metrics.engine())
                    .build();
            DemoContent.seed(engine);
            DemoServer server = new DemoServer(QuizApi.create(engine, config, metrics, WebPlayer::configure).start(),
                    engine, store, metrics);
            LOG.info("{}", startupLine(server.port(), config, storage));
            return server;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public int port() {
        return app.port();
    }

    /**
     * Stops serving, then the engine's timers (giving up its live sessions' leases), then the database, then the
     * metrics.
     */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            try {
                engine.close();
            } finally {
                try {
                    store.close();
                } finally {
                    metrics.close();
                }
            }
        }
    }

    public static void main(String[] args) {
        ApiConfig config;
        StorageConfig storage;
        DemoServer server;
        try {
            config = ApiConfig.fromEnvironment();
            storage = StorageConfig.fromEnvironment();
            server = start(config, storage, metricsFromEnvironment());
        } catch (ValidationException e) {
            printInvalidContent(System.err, e);
            System.exit(2);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("kydp-quiz demo: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("kydp-quiz demo: could not start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("kydp-quiz demo stopped.");
        }, "shutdown"));
        printWelcome(System.out, server.port(), config, storage);
    }

    /**
     * The demo's metrics: on unless {@code QUIZ_METRICS} (or the system property {@code quiz.metrics}) is
     * {@code off}.
     */
    static QuizMetrics metricsFromEnvironment() {
        String setting = System.getProperty("quiz.metrics", System.getenv("QUIZ_METRICS"));
        if (setting == null || setting.isBlank() || setting.strip().equalsIgnoreCase("on")) {
            return QuizMetrics.prometheus();
        }
        if (setting.strip().equalsIgnoreCase("off")) {
            return QuizMetrics.none();
        }
        throw new IllegalArgumentException("QUIZ_METRICS must be on or off, got '" + setting + "'");
    }

    /**
     * The log line of a start, for whoever reads the logs later: which build runs, where its data is (the H2 file,
     * or the database URL without a password) and the zone of its day and week leaderboards.
     */
    static String startupLine(int port, ApiConfig config, StorageConfig storage) {
        return "kydp-quiz " + version() + " started on port " + port + ": storage " + storage.describe() + ", zone "
                + config.zone();
    }

    /** The version this build was made as ({@code version.properties}, filled in by Maven). */
    static String version() {
        try (InputStream in = DemoServer.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the quiz-demo jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void printInvalidContent(PrintStream out, ValidationException invalid) {
        out.println("kydp-quiz demo: the quiz content is invalid, not starting:");
        invalid.errors().stream().map(FieldError::toString).forEach(line -> out.println("  " + line));
    }

    static void printWelcome(PrintStream out, int port, ApiConfig config, StorageConfig storage) {
        String base = "http://localhost:" + port;
        out.println("Play in a browser: " + base + "/");
        out.println("kydp-quiz demo is running: " + base + "/api/v1/quizzes");
        out.println("  API description: " + base + "/openapi.json");
        out.println("  Metrics (Prometheus): " + base + "/metrics"
                + (config.metricsToken() != null ? " (with the token of QUIZ_METRICS_TOKEN)" : ""));
        out.println("  Host a live quiz: " + base + "/live/host (it asks for the admin token below)");
        out.println("  Join a live quiz: " + base + "/live");
        out.println("  Quiz statistics: " + base + "/stats (it asks for the admin token below)");
        out.println("  Data: " + storage.describe());
        if (config.adminTokenGenerated()) {
            out.println("  Admin token (generated for this run; set QUIZ_ADMIN_TOKEN to choose one): "
                    + config.adminToken());
        } else {
            out.println("  Admin token: taken from QUIZ_ADMIN_TOKEN");
        }
        out.println("Stop with Ctrl-C.");
    }
}
