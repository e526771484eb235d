package org.kydp.quiz.demo.load;

import java.util.Map;

import io.javalin.Javalin;

/**
 * The framework's own ceiling: a bare Javalin server (the version the API uses) with one JSON endpoint,
 * {@code GET /bare}, serialised by Javalin's default Jackson mapper. Started by {@link PlayThroughBenchmark} in a
 * child JVM with the demo's JVM settings; prints the same ready line as the demo. Arguments: the port, and a header
 * cache size per connection ({@code default}, or none: Jetty's, 1,024; 0: no cache).
 */
public final class BareJavalinServer {

    private BareJavalinServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Integer headerCacheSize = args.length > 1 && !args[1].equals("default") ? Integer.valueOf(args[1]) : null;
        Javalin app = Javalin.create(config -> {
            if (headerCacheSize != null) {
                config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(headerCacheSize));
            }
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.port = port;
            config.routes.get("/bare", ctx -> ctx.json(Map.of("status", "UP", "server", "bare javalin")));
        }).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        System.out.println("kydp-quiz demo is running: bare Javalin on port " + app.port());
    }
}
