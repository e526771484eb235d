package org.kydp.quiz.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A live session's {@code text/event-stream}, read with the JDK's HTTP client the way a browser's EventSource reads
 * it (without reconnecting): each event's id, name and data, in order, parsed on a thread of its own.
 */
final class LiveEventStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event of the stream. */
    record Event(String id, String name, String data) {
        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + data, e);
            }
        }
    }

    private final Stream<String> lines;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private LiveEventStream(HttpResponse<Stream<String>> response) {
        this.lines = response.body();
        Thread reader = new Thread(this::read, "live-event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream of a path (with its query, the token in {@code ?token=}, as EventSource sends it). */
    static LiveEventStream open(int port, String pathAndQuery) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Accept", "text/event-stream").build();
        try {
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                String body = String.join("\n", response.body().toList());
                throw new AssertionError("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + body);
            }
            return new LiveEventStream(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (name != null || data.length() > 0) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    name = null;
                    data.setLength(0);
                } else if (!line.startsWith(":")) {
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
        } catch (UncheckedIOException e) {
            // the connection closed
        }
    }

    /**
     * The events received from now up to and including the first one of this name, waiting for it; fails if it
     * does not come in time.
     */
    List<Event> takeUntil(String name, Duration within) throws InterruptedException {
        List<Event> taken = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Event next = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no '" + name + "' event within " + within + "; got " + taken);
            }
            taken.add(next);
            if (next.name().equals(name)) {
                return taken;
            }
        }
    }

    @Override
    public void close() {
        lines.close();
    }
}
