package org.kydp.quiz.demo.load;

import java.util.Map;

import io.javalin.Javalin;

/**
 * The framework's own ceiling: a bare Javalin server (the version the API uses) with one JSON endpoint,
 * {@code GET /bare}, serialised by Javalin's default Jackson mapper. Started by {@link PlayThroughBenchmark} in a
 * child JVM with the demo's JVM settings; prints the same ready line as the demo.
 */
public final class BareJavalinServer {

    private BareJavalinServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.port = port;
            config.routes.get("/bare", ctx -> ctx.json(Map.of("status", "UP", "server", "bare javalin")));
        }).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        System.out.println("kydp-quiz demo is running: bare Javalin on port " + app.port());
    }
}
