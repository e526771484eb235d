package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.javalin.Javalin;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Index;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;

/** What a keep-alive connection keeps on the server, and how long it is kept idle. */
class ConnectionsTest {

    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) {
            ApiServer.stopNow(app);
        }
    }

    private void start(ApiConfig config) {
        app = QuizApi.create(QuizEngine.builder().build(), config.withPort(0)).start();
    }

    @Test
    void a_keep_alive_connection_keeps_no_cache_of_its_request_headers_by_default() throws IOException {
        start(ApiConfig.defaults());
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            play(socket, 3);

            assertThat(headerCacheOfTheOnlyConnection().keySet()).isEmpty();
        }
    }

    @Test
    void a_configured_header_cache_keeps_the_repeated_header_lines() throws IOException {
        start(ApiConfig.defaults().withHeaderCacheSize(256));
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            play(socket, 3);

            assertThat(headerCacheOfTheOnlyConnection().keySet())
                    .anySatisfy(line -> assertThat(line).startsWithIgnoringCase("Accept: application/json"));
        }
    }

    @Test
    void the_server_closes_a_connection_idle_for_longer_than_the_idle_timeout() throws IOException {
        start(ApiConfig.defaults().withIdleTimeout(Duration.ofSeconds(2)));
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            play(socket, 1);
            socket.setSoTimeout(25_000); // far past the idle timeout, short of the default: a read that times out fails

            assertThat(socket.getInputStream().read()).as("end of stream: the server closed it").isEqualTo(-1);
        }
    }

    @Test
    void an_idle_connection_is_kept_open_and_still_answers_within_the_idle_timeout() throws IOException {
        start(ApiConfig.defaults().withIdleTimeout(Duration.ofMinutes(5)));
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            play(socket, 1);
            assertThat(app.jettyServer().server().getBean(ServerConnector.class).getIdleTimeout())
                    .isEqualTo(Duration.ofMinutes(5).toMillis());

            play(socket, 1);
        }
    }

    @Test
    void a_stop_closes_an_idle_keep_alive_connection_without_waiting_jettys_second_for_it() throws IOException {
        start(ApiConfig.defaults());
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            play(socket, 1);
            long started = System.nanoTime();
            app.stop();
            Duration stopping = Duration.ofNanos(System.nanoTime() - started);
            app = null;

            assertThat(socket.getInputStream().read()).as("end of stream: the server closed it").isEqualTo(-1);
            assertThat(stopping).as("Jetty's default grace alone is 1 s").isLessThan(Duration.ofMillis(900));
        }
    }

    /** Sends requests with the headers a client sends every time, and reads each whole response. */
    private void play(Socket socket, int requests) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        for (int i = 0; i < requests; i++) {
            out.write(("GET /api/v1/quizzes HTTP/1.1\r\nHost: 127.0.0.1:" + app.port() + "\r\n"
                    + "Accept: application/json\r\nUser-Agent: connections-test\r\n"
                    + "Authorization: Bearer not-a-token-but-a-repeated-line\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200");
            int length = head.lines().filter(line -> line.regionMatches(true, 0, "Content-Length:", 0, 15))
                    .map(line -> Integer.parseInt(line.substring(15).strip())).findFirst().orElseThrow();
            assertThat(in.readNBytes(length)).hasSize(length);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private Index<HttpField> headerCacheOfTheOnlyConnection() {
        ServerConnector connector = app.jettyServer().server().getBean(ServerConnector.class);
        List<HttpConnection> connections = connector.getConnectedEndPoints().stream().map(EndPoint::getConnection)
                .filter(HttpConnection.class::isInstance).map(HttpConnection.class::cast).toList();
        assertThat(connections).hasSize(1);
        return connections.get(0).getParser().getFieldCache();
    }
}
