package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kydp.quiz.api.OpenApiConformanceTest.RIGHT;
import static org.kydp.quiz.api.OpenApiConformanceTest.WRONG;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.ManualScheduler;
import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.api.OpenApiConformanceTest.Contract;

/**
 * Real event streams of a whole live session, checked against the served OpenAPI document: every event's frame
 * must match the stream's {@code x-itemSchema} and its {@code data} the schema the document gives the event's name
 * (objects closed, so a field the document does not name fails), every stream's status, Content-Type and headers
 * must be the ones declared, and every event the document names must have been seen. The host and players of
 * several kinds follow the session from the lobby through one question of each type to the end, with a player
 * removed, one who leaves, two who join late (one while a question is open, one after a question closed) and
 * streams that resume after their last event id.
 */
class LiveEventsConformanceTest {

    private static final String ADMIN = "test-admin-token-0123456789";
    private static final String LIVE = "/api/v1/live-sessions";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Contract CONTRACT = OpenApiConformanceTest.CONTRACT;
    private static final Set<String> HOST_ONLY = Set.of("player-joined", "answers");

    private final MutableClock clock = MutableClock.at("2026-12-03T10:00:00Z");
    private final ManualScheduler timers = new ManualScheduler(clock);
    private final QuizEngine engine = QuizEngine.builder().clock(clock).liveScheduler(timers).build();
    private final ApiServer server = ApiServer.start(engine, ApiConfig.defaults().withAdminToken(ADMIN)
            .withRateLimitPerMinute(0));
    /** Every stream opened, by a name for messages: player streams and the host's. */
    private final Map<String, EventStreamClient> streams = new LinkedHashMap<>();
    private String events;

    LiveEventsConformanceTest() {
        engine.publish(SampleQuizzes.catalogue());
    }

    @AfterEach
    void stop() throws Exception {
        for (EventStreamClient stream : streams.values()) {
            stream.close();
        }
        server.close();
    }

    private EventStreamClient follow(String name, String pathAndQuery, Map<String, String> headers) throws Exception {
        EventStreamClient stream = EventStreamClient.open(server.port(), pathAndQuery, headers);
        assertThat(stream.status()).as("%s's stream", name).isEqualTo(200);
        streams.put(name, stream);
        return stream;
    }

    private EventStreamClient follow(String name, String token) throws Exception {
        return follow(name, events, Map.of("Authorization", "Bearer " + token));
    }

    private Response join(String code, String name) {
        return server.request().body(Map.of("code", code, "name", name)).post(LIVE + "/join");
    }

    @Test
    void every_event_of_a_whole_session_matches_the_schema_the_document_gives_its_name() throws Exception {
        Response created = server.as(ADMIN).body("{\"quizId\": \"catalogue\", \"settings\": "
                + "{\"questionTimeLimitMs\": 30000}}").post(LIVE);
        created.then().statusCode(201);
        timers.runDue();
        String base = LIVE + "/" + created.path("id");
        String code = created.path("code");
        String host = created.path("hostToken");
        events = base + "/events";

        EventStreamClient hostEvents = follow("host", host);
        hostEvents.next("state", WAIT);
        Response asha = join(code, "Asha");
        String ashaToken = asha.path("token");
        EventStreamClient ashaEvents = follow("Asha (?token=, in Hindi)", events + "?token=" + ashaToken + "&lang=hi",
                Map.of());
        Response ravi = join(code, "Ravi");
        EventStreamClient raviEvents = follow("Ravi", ravi.path("token"));
        String meera = server.register("Meera");
        server.as(meera).body(Map.of("code", code)).post(LIVE + "/join").then().statusCode(201);
        EventStreamClient meeraEvents = follow("Meera (registered)", meera);
        Response kiran = join(code, "Kiran");
        EventStreamClient kiranEvents = follow("Kiran", kiran.path("token"));
        kiranEvents.next("state", WAIT);
        server.as(kiran.<String>path("token")).delete(base + "/players/" + kiran.path("playerId")).then()
                .statusCode(204);
        assertThat(kiranEvents.next("player-left", WAIT).json().get("removed").asBoolean()).isFalse();
        assertThat(hostEvents.next("player-left", WAIT).json().get("players").asInt()).isEqualTo(3);

        List<EventStreamClient> players = new ArrayList<>(List.of(ashaEvents, raviEvents, meeraEvents));
        String lastSeenByAsha = null;
        Set<String> types = new TreeSet<>();
        for (int i = 0; i < 8; i++) {
            server.as(host).post(base + "/advance").then().statusCode(200);
            String question = hostEvents.next("question", WAIT).json().get("question").get("id").asText();
            for (EventStreamClient player : players) {
                types.add(player.next("question", WAIT).json().get("question").get("type").asText());
            }
            if (i == 3) {
                lastSeenByAsha = ashaEvents.received().get(ashaEvents.received().size() - 1).id();
                ashaEvents.close(); // the phone loses its network; it comes back after question 4's results
                players.remove(ashaEvents);
            } else {
                server.as(ashaToken).body(RIGHT.get(question)).put(base + "/answers/" + question).then()
                        .statusCode(200);
            }
            if (i != 2) {
                server.as(meera).body(WRONG.get(question)).put(base + "/answers/" + question).then().statusCode(200);
            }
            if (i == 0) {
                Response dev = join(code, "Dev");
                dev.then().statusCode(201);
                EventStreamClient devEvents = follow("Dev (joined late)", dev.path("token"));
                assertThat(devEvents.next("state", WAIT).json().get("phase").asText()).isEqualTo("question");
                players.add(devEvents);
            }
            timers.advance(Duration.ofMillis(500)); // a count comes within 250 ms, or 250 ms after a lease renewal
            hostEvents.next("answers", WAIT);
            if (i % 2 == 0) {
                server.as(host).post(base + "/close").then().statusCode(200);
            } else {
                timers.advance(Duration.ofSeconds(30)); // the deadline closes it
            }
            hostEvents.next("results", WAIT);
            for (EventStreamClient player : players) {
                player.next("results", WAIT);
            }
            if (i == 0) {
                server.as(host).delete(base + "/players/" + ravi.path("playerId")).then().statusCode(204);
                assertThat(raviEvents.next("player-left", WAIT).json().get("removed").asBoolean()).isTrue();
                assertThat(raviEvents.ended(WAIT)).as("a removed player's stream ends").isTrue();
                players.remove(raviEvents);
            }
            if (i == 2) {
                Response kavya = join(code, "Kavya");
                kavya.then().statusCode(201);
                EventStreamClient kavyaEvents = follow("Kavya (joined after a question closed)", kavya.path("token"));
                EventStreamClient.Event first = kavyaEvents.next("state", WAIT);
                assertThat(first.json().get("phase").asText()).isEqualTo("results");
                assertThat(first.json().get("you").get("rank").isNull()).as("not ranked by a question yet").isTrue();
                players.add(kavyaEvents);
            }
            if (i == 4) {
                EventStreamClient resumed = follow("Asha (resumed)", events,
                        Map.of("Authorization", "Bearer " + ashaToken, "Last-Event-ID", lastSeenByAsha));
                EventStreamClient.Event missed = resumed.next(WAIT);
                assertThat(missed.name()).as("the first event missed, not a state").isEqualTo("results");
                assertThat(Long.parseLong(missed.id())).isGreaterThan(Long.parseLong(lastSeenByAsha));
                resumed.next("question", WAIT);
                resumed.next("results", WAIT);
                players.add(resumed);
            }
        }
        server.as(host).post(base + "/advance").then().statusCode(200);
        hostEvents.next("ended", WAIT);
        for (EventStreamClient player : players) {
            player.next("ended", WAIT);
        }
        EventStreamClient late = follow("Meera (resuming after an id the server does not know)", events
                + "?lastEventId=999999", Map.of("Authorization", "Bearer " + meera));
        assertThat(late.next("state", WAIT).json().get("phase").asText()).isEqualTo("ended");
        EventStreamClient hostAgain = follow("host (?lastEventId= of the end)", events + "?token=" + host
                + "&lastEventId=" + hostEvents.received().get(hostEvents.received().size() - 1).id(), Map.of());
        assertThat(hostAgain.next(Duration.ofMillis(200))).as("nothing happened after the end").isNull();

        List<String> violations = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        streams.forEach((who, stream) -> {
            violations.addAll(CONTRACT.check("GET", events, stream.status(), stream.header("Content-Type"),
                    stream.headers(), stream.text()).stream().map(v -> who + ": " + v).toList());
            for (EventStreamClient.Event event : stream.received()) {
                names.add(event.name());
                CONTRACT.checkEvent("GET", events, event.name(), event.id(), event.data())
                        .forEach(v -> violations.add(who + ": " + v + "\n    data: " + event.data()));
                if (stream != hostEvents && stream != hostAgain) {
                    assertThat(HOST_ONLY).as("%s got %s", who, event.name()).doesNotContain(event.name());
                }
            }
        });
        assertThat(violations).as("events that do not match the OpenAPI document").isEmpty();
        assertThat(names).as("every event the document names was seen, and no other")
                .isEqualTo(new TreeSet<>(CONTRACT.eventSchemas("GET", events).keySet()));
        assertThat(types).as("question types seen").contains("single_choice", "multiple_response", "true_false",
                "short_text", "numeric", "ordering", "matching", "poll");
    }

    @Test
    void the_documents_example_of_a_stream_matches_its_own_schemas() {
        String path = LIVE + "/some-session/events";
        String example = CONTRACT.example("GET", path, 200, "text/event-stream");
        assertThat(example).startsWith("retry: ");

        List<String> violations = new ArrayList<>();
        int count = 0;
        for (String frame : example.split("\n\n")) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : frame.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    fields.put(line.substring(0, colon), line.substring(colon + 1).replaceFirst("^ ", ""));
                }
            }
            if (fields.containsKey("event")) {
                violations.addAll(CONTRACT.checkEvent("GET", path, fields.get("event"), fields.get("id"),
                        fields.get("data")));
                count++;
            }
        }
        assertThat(count).isPositive();
        assertThat(violations).isEmpty();
    }
}
