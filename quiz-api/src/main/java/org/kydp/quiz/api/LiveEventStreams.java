package org.kydp.quiz.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;

import org.kydp.quiz.live.LiveEvent;
import org.kydp.quiz.live.LiveSessions;
import org.kydp.quiz.live.LiveState;
import org.kydp.quiz.live.Standing;
import org.kydp.quiz.live.Viewer;

/**
 * The open event streams of live sessions on this server: opens them, writes a comment to each every
 * {@link #HEARTBEAT} so that proxies keep them open (and so that a client gone away is noticed), and closes them all
 * when the server stops. An event is turned into JSON once per language however many streams it goes to; a player's
 * own standing is added to that text.
 */
final class LiveEventStreams {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int MAX_CACHED = 64;

    private final LiveSessions live;
    private final ObjectMapper json;
    private final Duration heartbeat;
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private final Map<Shared, String> shared = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService heartbeats;

    LiveEventStreams(LiveSessions live, ObjectMapper json) {
        this(live, json, HEARTBEAT);
    }

    /** With another interval between heartbeats (tests). */
    LiveEventStreams(LiveSessions live, ObjectMapper json, Duration heartbeat) {
        this.live = live;
        this.json = json;
        this.heartbeat = heartbeat;
    }

    /** An event's JSON in one language, by the event itself (not by its value: events are compared by identity). */
    private record Shared(LiveEvent event, String language) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Shared that && that.event == event && that.language.equals(language);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(event) * 31 + language.hashCode();
        }
    }

    /** Answers the request with an event stream of the session as the viewer sees it; holds no thread. */
    void open(Context ctx, Viewer viewer, Long lastEventId, String language) throws IOException {
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType("text/event-stream;charset=utf-8");
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Connection", "close"); // a stream that ends frees its connection; clients reconnect
        AsyncContext async = ctx.req().startAsync();
        async.setTimeout(0);
        EventStream stream = new EventStream(this, frames(language), async);
        open.add(stream);
        startHeartbeats();
        ctx.future(stream::done);
        stream.subscribed(live.subscribe(viewer, lastEventId, stream));
    }

    void closed(EventStream stream) {
        open.remove(stream);
    }

    int openStreams() {
        return open.size();
    }

    /** Ends every stream (the server stops): clients reconnect to another server, or to this one once it is back. */
    void closeAll() {
        ScheduledExecutorService running = heartbeats;
        if (running != null) {
            running.shutdownNow();
        }
        open.forEach(EventStream::close);
    }

    private synchronized void startHeartbeats() {
        if (heartbeats == null) {
            heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "kydp-quiz-event-heartbeats");
                thread.setDaemon(true);
                return thread;
            });
            heartbeats.scheduleAtFixedRate(() -> open.forEach(EventStream::heartbeat), heartbeat.toMillis(),
                    heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private EventStream.Frames frames(String language) {
        return new EventStream.Frames() {
            @Override
            public byte[] state(LiveState state) {
                return frame("state", state.lastEventId(), write(LiveRepresentations.state(state, language)));
            }

            @Override
            public byte[] event(LiveEvent event, Standing you) {
                String data = sharedJson(event, language);
                Object own = you instanceof Standing.AfterQuestion after ? LiveRepresentations.afterQuestion(after)
                        : you instanceof Standing.Final last ? LiveRepresentations.finalStanding(last) : null;
                if (own != null) {
                    data = data.substring(0, data.length() - 1) + ",\"you\":" + write(own) + "}";
                }
                return frame(LiveRepresentations.eventName(event), event.id(), data);
            }
        };
    }

    private String sharedJson(LiveEvent event, String language) {
        Shared key = new Shared(event, language);
        String known = shared.get(key);
        if (known != null) {
            return known;
        }
        if (shared.size() >= MAX_CACHED) {
            shared.clear();
        }
        String rendered = write(LiveRepresentations.event(event, null, language));
        shared.put(key, rendered);
        return rendered;
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("an event body always serialises", e);
        }
    }

    /** One event of a {@code text/event-stream}: its id, name and one line of JSON data. */
    static byte[] frame(String name, long id, String data) {
        return ("id: " + id + "\nevent: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
