package org.kydp.quiz.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain {@code text/event-stream} client for tests: one socket, the request written by hand, the response parsed
 * line by line as the Server-Sent Events specification says, on a thread of its own. What a browser's EventSource
 * does, minus reconnecting (tests reconnect by hand, with the last id).
 */
final class EventStreamClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event: its id, name and data (as JSON), or a comment. */
    record Event(String id, String name, String data, String comment) {
        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + data, e);
            }
        }
    }

    private final Socket socket;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<Event> seen = new ArrayList<>();
    private final StringBuffer text = new StringBuffer();
    private final Thread reader;
    private volatile int status;
    private volatile boolean ended;

    private EventStreamClient(int port, String path, Map<String, String> requestHeaders) throws IOException {
        socket = new Socket("127.0.0.1", port);
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAccept: text/event-stream\r\n");
        requestHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        String statusLine = line(in);
        status = statusLine == null ? -1 : Integer.parseInt(statusLine.split(" ")[1]);
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).toLowerCase(java.util.Locale.ROOT), line.substring(colon + 1).strip());
        }
        InputStream body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? new Dechunked(in) : in;
        reader = new Thread(() -> read(body), "event-stream-client");
        reader.setDaemon(true);
        reader.start();
    }

    static EventStreamClient open(int port, String path, Map<String, String> headers) throws IOException {
        return new EventStreamClient(port, path, headers);
    }

    static EventStreamClient open(int port, String path, String token) throws IOException {
        return open(port, path, Map.of("Authorization", "Bearer " + token));
    }

    int status() {
        return status;
    }

    String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The response's headers, by lower-case name. */
    Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    /** The body received so far, as text (line ends as LF). */
    String text() {
        return text.toString();
    }

    /** Parses the body into events, as the Server-Sent Events specification says. */
    private void read(InputStream body) {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line = line(body); line != null; line = line(body)) {
                text.append(line).append('\n');
                if (line.isEmpty()) {
                    if (data.length() > 0 || name != null) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString(), null));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, line.substring(1).strip()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data.append(data.length() > 0 ? "\n" : "").append(value);
                        default -> { }
                    }
                }
            }
        } catch (IOException e) {
            // the connection closed
        } finally {
            ended = true;
        }
    }

    /** One line of UTF-8 text without its CR LF or LF; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            bytes.write(b);
            b = in.read();
        }
        String line = bytes.toString(StandardCharsets.UTF_8);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** A chunked body as the bytes it carries (Jetty sends a stream of unknown length in chunks). */
    private static final class Dechunked extends InputStream {
        private final InputStream in;
        private int left;
        private boolean done;

        Dechunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                while (size != null && size.isBlank()) {
                    size = line(in);
                }
                if (size == null) {
                    done = true;
                    return -1;
                }
                left = Integer.parseInt(size.strip().split(";")[0], 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int b = in.read();
            if (b < 0) {
                done = true;
                return -1;
            }
            left--;
            return b;
        }
    }

    /** The next event (comments skipped) within the time, or null. */
    Event next(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                return null;
            }
            if (event.comment() == null) {
                seen.add(event);
                return event;
            }
        }
    }

    /** The next comment (a heartbeat), skipping events, within the time; null if there is none. */
    String nextComment(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                return null;
            }
            if (event.comment() != null) {
                return event.comment();
            }
            seen.add(event);
        }
    }

    /** The next event of this name, skipping others, within the time; fails if there is none. */
    Event next(String name, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = next(Duration.ofNanos(deadline - System.nanoTime()));
            if (event != null && event.name().equals(name)) {
                return event;
            }
        }
        throw new AssertionError("no '" + name + "' event within " + within + "; saw " + seen);
    }

    /** Every event received so far, without waiting. */
    List<Event> drain() {
        List<Event> drained = new ArrayList<>();
        events.drainTo(drained);
        drained.removeIf(event -> event.comment() != null);
        seen.addAll(drained);
        return drained;
    }

    /** Every event received so far, in order, those already returned by {@link #next} included; without waiting. */
    List<Event> received() {
        drain();
        return List.copyOf(seen);
    }

    boolean ended(Duration within) throws InterruptedException {
        reader.join(within.toMillis());
        return ended;
    }

    /** Drops the connection, as a phone losing its network does. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
