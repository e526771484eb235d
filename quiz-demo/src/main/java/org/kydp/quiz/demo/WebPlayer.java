package org.kydp.quiz.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;

/**
 * The web player: plain HTML, CSS and ES modules from {@code web/} on the class path, served at {@code /}; the pages
 * of live sessions: {@code /live} where players join by code, {@code /live/host} where a host runs one, and
 * {@code /live/qr?code=} the QR code of a session's join address; and {@code /stats}, where a quiz's owner reads its
 * statistics with the admin token. The pages talk to the public REST API and its event streams only. Every file
 * carries a Content-Security-Policy that forbids inline script and style, and headers that stop content sniffing
 * and referrer leaks.
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
        byte[] join = page("/web/live.html");
        byte[] host = page("/web/live-host.html");
        byte[] stats = page("/web/stats.html");
        javalin.routes.get("/live", ctx -> html(ctx, join));
        javalin.routes.get("/live/host", ctx -> html(ctx, host));
        javalin.routes.get("/stats", ctx -> html(ctx, stats));
        javalin.routes.get("/live/qr", WebPlayer::joinQrCode);
    }

    private static byte[] page(String resource) {
        try (InputStream in = WebPlayer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void html(Context ctx, byte[] page) {
        HEADERS.forEach(ctx::header);
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    /** The QR code of {@code /live?code=…} on this server, as the host's browser reached it; 400 for a bad code. */
    private static void joinQrCode(Context ctx) {
        HEADERS.forEach(ctx::header);
        String url;
        try {
            url = JoinQrCode.joinUrl(ctx.scheme(), ctx.host(), ctx.queryParam("code"), ctx.queryParam("lang"));
        } catch (IllegalArgumentException e) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result(e.getMessage());
            return;
        }
        ctx.contentType("image/svg+xml; charset=utf-8").result(JoinQrCode.svg(url));
    }
}
