package org.kydp.quiz.demo;

import java.util.Map;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/**
 * The web player: plain HTML, CSS and ES modules from {@code web/} on the class path, served at {@code /}. The
 * page talks to the public REST API only. Every file carries a Content-Security-Policy that forbids inline
 * script and style, and headers that stop content sniffing and referrer leaks.
 */
final class WebPlayer {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'");

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-cache");

    private WebPlayer() {
    }

    static void configure(JavalinConfig javalin) {
        javalin.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
            files.headers = HEADERS;
        });
    }
}
