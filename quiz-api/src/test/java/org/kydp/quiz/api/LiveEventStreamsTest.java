package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.live.CreatedSession;
import org.kydp.quiz.live.Viewer;

/** The event streams themselves: heartbeats, and ending every stream when the server stops. */
class LiveEventStreamsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final QuizEngine engine = QuizEngine.builder().build();
    private final LiveEventStreams streams = new LiveEventStreams(engine.live(), QuizApi.objectMapper(),
            Duration.ofMillis(100));
    private final CreatedSession session;
    private final Javalin app;

    LiveEventStreamsTest() {
        engine.publish(SampleQuizzes.helplines());
        session = engine.live().create("helplines", null, null);
        app = Javalin.create(config -> {
            config.routes.get("/events", ctx -> streams.open(ctx, new Viewer.Host(session.session().id()), null,
                    "en"));
            config.events.serverStopping(streams::closeAll);
        }).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
        engine.close();
    }

    @Test
    void a_held_stream_gets_a_comment_at_every_heartbeat() throws Exception {
        try (EventStreamClient client = EventStreamClient.open(app.port(), "/events", java.util.Map.of())) {
            assertThat(client.next("state", WAIT)).isNotNull();

            assertThat(client.nextComment(WAIT)).isEqualTo("keep-alive");
            assertThat(client.nextComment(WAIT)).isEqualTo("keep-alive");
        }
    }

    @Test
    void stopping_the_api_server_ends_every_stream_instead_of_waiting_for_them() throws Exception {
        ApiServer server = ApiServer.start(engine);
        String path = "/api/v1/live-sessions/" + session.session().id() + "/events";
        EventStreamClient first = EventStreamClient.open(server.port(), path, session.hostToken());
        EventStreamClient second = EventStreamClient.open(server.port(), path, session.hostToken());
        first.next("state", WAIT);
        second.next("state", WAIT);

        long started = System.nanoTime();
        server.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("not held for the graceful stop's whole timeout").isLessThan(QuizApi.STOP_TIMEOUT);
        assertThat(first.ended(WAIT)).isTrue();
        assertThat(second.ended(WAIT)).isTrue();
    }
}
