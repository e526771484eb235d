package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.ManualScheduler;
import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.QuizRules;

/** Live sessions over HTTP on a real server: REST to move and answer, Server-Sent Events to follow. */
class LiveSessionsApiTest {

    private static final String ADMIN = "test-admin-token-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String LIVE = "/api/v1/live-sessions";

    private final MutableClock clock = MutableClock.at("2026-12-03T10:00:00Z");
    private final ManualScheduler timers = new ManualScheduler(clock);
    private final QuizEngine engine = QuizEngine.builder().clock(clock).liveScheduler(timers).build();
    private final ApiServer server = ApiServer.start(engine, ApiConfig.defaults().withAdminToken(ADMIN)
            .withRateLimitPerMinute(0));

    LiveSessionsApiTest() {
        engine.publish(SampleQuizzes.helplines(QuizRules.defaults().withQuestionTimeLimit(Duration.ofSeconds(20))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private record Session(String id, String code, String hostToken) {
    }

    private Session create(String body) {
        Response created = server.as(ADMIN).body(body).post(LIVE);
        created.then().statusCode(201);
        timers.runDue();
        return new Session(created.path("id"), created.path("code"), created.path("hostToken"));
    }

    private Session create() {
        return create("{\"quizId\": \"helplines\"}");
    }

    private Response join(Session session, String name) {
        return server.request().body(Map.of("code", session.code(), "name", name)).post(LIVE + "/join");
    }

    private String joinToken(Session session, String name) {
        return join(session, name).then().statusCode(201).extract().path("token");
    }

    private EventStreamClient stream(Session session, String token) throws Exception {
        EventStreamClient client = EventStreamClient.open(server.port(), LIVE + "/" + session.id() + "/events",
                token);
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.header("Content-Type")).startsWith("text/event-stream");
        return client;
    }

    @Test
    void a_host_runs_a_session_that_players_follow_as_events() throws Exception {
        Response created = server.as(ADMIN).body("{\"quizId\": \"helplines\", \"settings\": "
                + "{\"readingTimeMs\": 0, \"lateJoin\": true}}").post(LIVE);
        created.then().statusCode(201)
                .body("code", matchesPattern("[0-9]{6}"))
                .body("hostToken", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("quizId", equalTo("helplines"))
                .body("phase", equalTo("lobby"))
                .body("joinUrl", startsWith("/live?code="));
        timers.runDue();
        Session session = new Session(created.path("id"), created.path("code"), created.path("hostToken"));
        EventStreamClient host = stream(session, session.hostToken());
        assertThat(host.next("state", WAIT).json().get("phase").asText()).isEqualTo("lobby");

        Response asha = join(session, "Asha");
        asha.then().statusCode(201).body("sessionId", equalTo(session.id())).body("name", equalTo("Asha"));
        String ashaToken = asha.path("token");
        String ashaId = asha.path("playerId");
        EventStreamClient ashaEvents = stream(session, ashaToken);
        JsonNode state = ashaEvents.next("state", WAIT).json();
        assertThat(state.get("you").get("name").asText()).isEqualTo("Asha");
        assertThat(state.has("code")).as("the join code is for the host").isFalse();
        JsonNode joined = host.next("player-joined", WAIT).json();
        assertThat(joined.get("name").asText()).isEqualTo("Asha");
        assertThat(joined.get("players").asInt()).isEqualTo(1);

        server.as(session.hostToken()).post(LIVE + "/" + session.id() + "/advance").then().statusCode(200)
                .body("phase", equalTo("question")).body("questionIndex", equalTo(0));
        EventStreamClient.Event question = ashaEvents.next("question", WAIT);
        JsonNode questionData = question.json();
        assertThat(questionData.get("question").get("id").asText()).isEqualTo("emergency");
        assertThat(questionData.get("question").get("options").findValues("correct")).isEmpty();
        assertThat(questionData.get("deadline").asText()).isEqualTo("2026-12-03T10:00:20Z");

        server.as(ashaToken).body("{\"choice\": \"b\"}").put(LIVE + "/" + session.id() + "/answers/emergency")
                .then().statusCode(200)
                .body("questionId", equalTo("emergency"))
                .body("accepted", equalTo(true))
                .body("answeredAt", equalTo("2026-12-03T10:00:00Z"))
                .body("correct", org.hamcrest.Matchers.nullValue());
        timers.advance(Duration.ofMillis(250));
        assertThat(host.next("answers", WAIT).json().get("answered").asInt()).isEqualTo(1);
        server.as(session.hostToken()).post(LIVE + "/" + session.id() + "/close").then().statusCode(200)
                .body("phase", equalTo("results"));

        EventStreamClient.Event results = ashaEvents.next("results", WAIT);
        assertThat(Long.parseLong(results.id())).isGreaterThan(Long.parseLong(question.id()));
        JsonNode resultsData = results.json();
        assertThat(resultsData.get("correctAnswer").get("choice").asText()).isEqualTo("b");
        assertThat(resultsData.get("distribution").get("answered").asInt()).isEqualTo(1);
        assertThat(resultsData.get("top").get(0).get("name").asText()).isEqualTo("Asha");
        assertThat(resultsData.get("you").get("points").asInt()).isEqualTo(10);
        assertThat(resultsData.get("you").get("rank").asInt()).isEqualTo(1);
        assertThat(host.next("results", WAIT).json().has("you")).as("the host is not a player").isFalse();

        server.as(session.hostToken()).post(LIVE + "/" + session.id() + "/advance").then().statusCode(200);
        server.as(session.hostToken()).post(LIVE + "/" + session.id() + "/end").then().statusCode(200)
                .body("phase", equalTo("ended"));
        JsonNode ended = ashaEvents.next("ended", WAIT).json();
        assertThat(ended.get("podium").get(0).get("playerId").asText()).isEqualTo(ashaId);
        assertThat(ended.get("you").get("score").asInt()).isEqualTo(10);
        server.as(session.hostToken()).get(LIVE + "/" + session.id() + "/results").then().statusCode(200)
                .body("ranking[0].name", equalTo("Asha"))
                .body("questions[0].distribution.choices.find { it.value == 'b' }.count", equalTo(1));
        host.close();
        ashaEvents.close();
    }

    @Test
    void an_eventsource_sends_its_token_as_a_query_parameter_and_resumes_after_its_last_event_id() throws Exception {
        Session session = create();
        String token = joinToken(session, "Asha");
        EventStreamClient first = EventStreamClient.open(server.port(), LIVE + "/" + session.id() + "/events?token="
                + token, Map.of());
        String lastId = first.next("state", WAIT).id();
        first.close();
        server.as(session.hostToken()).post(LIVE + "/" + session.id() + "/advance").then().statusCode(200);

        EventStreamClient resumed = EventStreamClient.open(server.port(), LIVE + "/" + session.id()
                + "/events?token=" + token, Map.of("Last-Event-ID", lastId));

        EventStreamClient.Event next = resumed.next(WAIT);
        assertThat(next.name()).as("the missed event, not a state").isEqualTo("question");
        assertThat(Long.parseLong(next.id())).isEqualTo(Long.parseLong(lastId) + 1);
        resumed.close();
    }

    @Test
    void a_player_whose_connection_drops_mid_question_reconnects_and_still_answers_before_the_deadline()
            throws Exception {
        Session session = create("{\"quizId\": \"helplines\", \"settings\": {\"questionTimeLimitMs\": 30000}}");
        String token = joinToken(session, "Asha");
        EventStreamClient phone = stream(session, token);
        phone.next("state", WAIT);
        server.as(session.hostToken()).post(LIVE + "/" + session.id() + "/advance");
        phone.next("question", WAIT);
        server.as(token).body("{\"choice\": \"b\"}").put(LIVE + "/" + session.id() + "/answers/emergency")
                .then().statusCode(200);
        server.as(session.hostToken()).post(LIVE + "/" + session.id() + "/close");
        server.as(session.hostToken()).post(LIVE + "/" + session.id() + "/advance");
        String seen = phone.next("question", WAIT).id();
        phone.close(); // the page reloads
        clock.advance(Duration.ofSeconds(10));

        server.as(token).get(LIVE + "/" + session.id() + "/state").then().statusCode(200)
                .body("phase", equalTo("question"))
                .body("question.question.id", equalTo("mha"))
                .body("you.score", equalTo(10))
                .body("you.streak", equalTo(1))
                .body("you.answered", equalTo(false));
        EventStreamClient reloaded = stream(session, token);
        assertThat(reloaded.next("state", WAIT).json().get("question").get("deadline").asText())
                .isEqualTo("2026-12-03T10:00:30Z");
        server.as(token).body("{\"value\": true}").put(LIVE + "/" + session.id() + "/answers/mha")
                .then().statusCode(200);
        timers.advance(Duration.ofSeconds(20));

        JsonNode results = reloaded.next("results", WAIT).json();
        assertThat(results.get("you").get("score").asInt()).isEqualTo(20);
        assertThat(results.get("you").get("streak").asInt()).isEqualTo(2);
        reloaded.close();
        assertThat(seen).isNotNull();
    }

    @Test
    void refusals_are_problem_documents_with_stable_slugs_and_change_nothing() {
        Session session = create();
        String asha = joinToken(session, "Asha");
        String base = LIVE + "/" + session.id();

        server.request().body(Map.of("code", "000000".equals(session.code()) ? "000001" : "000000", "name", "Ravi"))
                .post(LIVE + "/join").then().statusCode(404).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/live-session-not-found"));
        join(session, "ASHA").then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("/name-taken"));
        server.as(session.hostToken()).post(base + "/close").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/invalid-phase"));
        server.as(asha).body("{\"choice\": \"b\"}").put(base + "/answers/emergency").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/question-closed"));
        server.as(asha).post(base + "/advance").then().statusCode(401);
        server.request().post(base + "/advance").then().statusCode(401);
        server.as(ADMIN).body("{\"quizId\": \"helplines\", \"settings\": {\"questionTimeLimitMs\": 10}}").post(LIVE)
                .then().statusCode(422).body("errors[0].field", equalTo("settings.questionTimeLimitMs"));
        server.as(ADMIN).body("{\"quizId\": 5}").post(LIVE).then().statusCode(422)
                .body("errors[0].field", equalTo("quizId"));
        server.as(ADMIN).contentType("text/plain").body("quizId=helplines").post(LIVE).then().statusCode(415);
        server.as(ADMIN).body("{\"quizId\": ").post(LIVE).then().statusCode(400);
        server.as(asha).post(LIVE).then().statusCode(401);
        server.as(session.hostToken()).get(LIVE + "/no-such-session").then().statusCode(404);
        server.as(ADMIN).get(LIVE + "/no-such-session").then().statusCode(404)
                .body("type", org.hamcrest.Matchers.endsWith("/live-session-not-found"));

        server.as(session.hostToken()).get(base).then().statusCode(200)
                .body("phase", equalTo("lobby")).body("players", equalTo(1)).body("lastEventId", equalTo(1));
    }

    @Test
    void one_answer_per_question_and_answers_after_the_close_are_refused() {
        Session session = create();
        String asha = joinToken(session, "Asha");
        String base = LIVE + "/" + session.id();
        server.as(session.hostToken()).post(base + "/advance");

        String first = server.as(asha).body("{\"choice\": \"b\"}").put(base + "/answers/emergency").then()
                .statusCode(200).extract().asString();
        server.as(asha).body("{\"choice\": \"b\"}").put(base + "/answers/emergency").then().statusCode(200)
                .body(equalTo(first));
        server.as(asha).body("{\"choice\": \"a\"}").put(base + "/answers/emergency").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/already-answered"));
        server.as(asha).body("{\"value\": \"yes\"}").put(base + "/answers/emergency").then().statusCode(422);
        timers.advance(Duration.ofSeconds(20));
        String ravi = joinToken(session, "Ravi");
        server.as(ravi).body("{\"choice\": \"b\"}").put(base + "/answers/emergency").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/question-closed"));
    }

    @Test
    void a_removed_players_token_stops_working_and_their_stream_ends() throws Exception {
        Session session = create();
        Response joined = join(session, "Ravi");
        String ravi = joined.path("token");
        EventStreamClient raviEvents = stream(session, ravi);
        raviEvents.next("state", WAIT);

        server.as(session.hostToken()).delete(LIVE + "/" + session.id() + "/players/" + joined.path("playerId"))
                .then().statusCode(204);

        assertThat(raviEvents.next("player-left", WAIT).json().get("removed").asBoolean()).isTrue();
        assertThat(raviEvents.ended(WAIT)).isTrue();
        server.as(ravi).get(LIVE + "/" + session.id() + "/state").then().statusCode(401);
    }

    @Test
    void a_registered_player_joins_with_their_own_token_and_joins_again_as_the_same_player() {
        Session session = create();
        String token = server.register("Meera");

        Response first = server.as(token).body(Map.of("code", session.code())).post(LIVE + "/join");
        first.then().statusCode(201).body("name", equalTo("Meera")).body("token", equalTo(token))
                .body("rejoined", equalTo(false));
        server.as(token).body(Map.of("code", session.code())).post(LIVE + "/join").then().statusCode(200)
                .body("playerId", equalTo(first.<String>path("playerId"))).body("rejoined", equalTo(true));
        server.as(token).get(LIVE + "/" + session.id() + "/state").then().statusCode(200)
                .body("you.name", equalTo("Meera"));
    }

    @Test
    void failed_join_attempts_count_against_the_addresss_rate_limit_and_successful_ones_do_not() {
        QuizEngine limited = QuizEngine.builder().clock(clock).liveScheduler(timers).build();
        limited.publish(SampleQuizzes.helplines());
        try (ApiServer strict = ApiServer.start(limited, ApiConfig.defaults().withAdminToken(ADMIN)
                .withRateLimitPerMinute(3))) {
            Response created = strict.as(ADMIN).body("{\"quizId\": \"helplines\"}").post(LIVE);
            String code = created.then().statusCode(201).extract().path("code");
            for (int i = 0; i < 10; i++) {
                strict.request().body(Map.of("code", code, "name", "Pupil " + i)).post(LIVE + "/join")
                        .then().statusCode(201);
            }
            String wrong = code.equals("123456") ? "654321" : "123456";
            for (int i = 0; i < 3; i++) {
                strict.request().body(Map.of("code", wrong, "name", "Guess" + i)).post(LIVE + "/join")
                        .then().statusCode(404);
            }
            strict.request().body(Map.of("code", code, "name", "Guess")).post(LIVE + "/join").then()
                    .statusCode(429).header("Retry-After", notNullValue());
        }
    }

    @Test
    void a_token_in_the_query_reads_but_does_not_change_anything() {
        Session session = create();
        String token = joinToken(session, "Asha");
        server.as(session.hostToken()).post(LIVE + "/" + session.id() + "/advance").then().statusCode(200);
        String player = server.request().get(LIVE + "/" + session.id() + "/state?token=" + token).then()
                .statusCode(200).extract().path("you.playerId");

        server.request().body(Map.of("choice", "b"))
                .put(LIVE + "/" + session.id() + "/answers/emergency?token=" + token)
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        server.request().delete(LIVE + "/" + session.id() + "/players/" + player + "?token=" + token)
                .then().statusCode(401);

        server.as(session.hostToken()).get(LIVE + "/" + session.id()).then().statusCode(200)
                .body("answered", equalTo(0)).body("players", equalTo(1));
    }

    @Test
    void a_held_event_stream_holds_no_thread() throws Exception {
        Session session = create();
        String token = joinToken(session, "Asha");
        int before = Thread.activeCount();
        java.util.List<EventStreamClient> clients = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            EventStreamClient client = stream(session, token);
            client.next("state", WAIT);
            clients.add(client);
        }
        int serverThreads = Thread.activeCount() - before - clients.size(); // each client has a reader thread

        assertThat(serverThreads).as("threads the server started for 100 held streams").isLessThan(20);
        server.as(session.hostToken()).post(LIVE + "/" + session.id() + "/advance");
        for (EventStreamClient client : clients) {
            assertThat(client.next("question", WAIT)).isNotNull();
            client.close();
        }
    }
}
