package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kydp.quiz.api.OpenApiConformanceTest.RIGHT;
import static org.kydp.quiz.api.OpenApiConformanceTest.WRONG;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.ManualScheduler;
import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.api.OpenApiConformanceTest.Contract;
import org.kydp.quiz.api.OpenApiConformanceTest.Exchange;
import org.kydp.quiz.api.OpenApiConformanceTest.Exchanges;
import org.kydp.quiz.live.LiveOptions;

/**
 * Live sessions' real responses, checked against the served OpenAPI document the way {@link OpenApiConformanceTest}
 * checks the players' API: every success and the main refusals of each live endpoint (status, Content-Type,
 * required headers, body with objects closed, and each request body the server accepted). The event streams are
 * checked in {@link LiveEventsConformanceTest}.
 */
class LiveOpenApiConformanceTest {

    private static final String ADMIN = "test-admin-token-0123456789";
    private static final String LIVE = "/api/v1/live-sessions";
    private static final Contract CONTRACT = OpenApiConformanceTest.CONTRACT;

    private final MutableClock clock = MutableClock.at("2026-12-03T10:00:00Z");
    private final ManualScheduler timers = new ManualScheduler(clock);
    private final QuizEngine engine = QuizEngine.builder().clock(clock).liveScheduler(timers).build();
    private final ApiServer server = ApiServer.start(engine, ApiConfig.defaults().withAdminToken(ADMIN)
            .withRateLimitPerMinute(0));
    private final Exchanges http = new Exchanges(CONTRACT);

    LiveOpenApiConformanceTest() {
        engine.publish(SampleQuizzes.catalogue());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A session as its host knows it. */
    record Session(String id, String code, String hostToken) {
        String path() {
            return LIVE + "/" + id;
        }
    }

    private Session create(String body) {
        Exchange created = http.send(server.as(ADMIN), "POST", LIVE, body).expect(201);
        timers.runDue();
        return new Session(created.path("id"), created.path("code"), created.path("hostToken"));
    }

    private Exchange join(RequestSpecification request, Session session, String name) {
        String body = name == null ? "{\"code\": \"" + session.code() + "\"}"
                : "{\"code\": \"" + session.code() + "\", \"name\": \"" + name + "\"}";
        return http.send(request, "POST", LIVE + "/join", body);
    }

    @Test
    void a_whole_session_with_every_question_type_conforms_in_hindi() {
        Session session = create("""
                {"quizId": "catalogue", "language": "hi",
                 "settings": {"questionTimeLimitMs": 30000, "readingTimeMs": 0, "lateJoin": true,
                              "autoAdvanceMs": null}}
                """);
        String base = session.path();
        String host = session.hostToken();
        String asha = join(server.request(), session, "आशा").expect(201).path("token");
        String meera = server.register("Meera");
        join(server.as(meera), session, null).expect(201);
        join(server.as(meera), session, "Meera").expect(200);
        Exchange ravi = join(server.request(), session, "Ravi").expect(201);
        Exchange kiran = join(server.request(), session, "Kiran").expect(201);

        http.send(server.as(host), "GET", base).expect(200);
        http.send(server.as(ADMIN), "GET", base).expect(200);
        http.send(server.as(asha), "GET", base + "/state").expect(200);
        http.send(server.as(host), "GET", base + "/state?lang=en").expect(200);
        http.send(server.request(), "GET", base + "/state?token=" + asha).expect(200);
        http.send(server.as(host), "GET", base + "/results").expect(200);
        http.send(server.as(host), "DELETE", base + "/players/" + ravi.path("playerId")).expect(204);
        http.send(server.as(kiran.path("token")), "DELETE", base + "/players/" + kiran.path("playerId"))
                .expect(204);

        Set<String> types = new TreeSet<>();
        for (int i = 0; i < 8; i++) {
            http.send(server.as(host), "POST", base + "/advance").expect(200);
            Exchange state = http.send(server.as(asha), "GET", base + "/state?lang=hi").expect(200);
            String question = state.path("question.question.id");
            types.add(state.path("question.question.type"));
            String answers = base + "/answers/" + question;
            http.send(server.as(asha), "PUT", answers, RIGHT.get(question)).expect(200);
            http.send(server.as(asha), "PUT", answers, RIGHT.get(question)).expect(200);
            http.send(server.as(meera), "PUT", answers, WRONG.get(question)).expect(200);
            timers.advance(Duration.ofMillis(250));
            http.send(server.as(host), "GET", base).expect(200);
            http.send(server.as(meera), "GET", base + "/state").expect(200);
            if (i % 2 == 0) {
                http.send(server.as(host), "POST", base + "/close").expect(200);
            } else {
                timers.advance(Duration.ofSeconds(30)); // the deadline closes it
            }
            http.send(server.as(asha), "GET", base + "/state").expect(200);
            http.send(server.as(host), "GET", base + "/state").expect(200);
            http.send(server.as(host), "GET", base + "/results?lang=hi").expect(200);
        }
        assertThat(types).as("question types played").hasSize(8);
        http.send(server.as(host), "POST", base + "/advance").expect(200); // after the last results: the end
        http.send(server.as(asha), "GET", base + "/state").expect(200);
        http.send(server.as(meera), "GET", base + "/state").expect(200);
        http.send(server.as(host), "GET", base + "/state").expect(200);
        http.send(server.as(host), "GET", base + "/results").expect(200);
        http.send(server.as(host), "GET", base).expect(200);

        Session lobby = create("{\"quizId\": \"catalogue\"}");
        http.send(server.as(lobby.hostToken()), "POST", lobby.path() + "/end").expect(200);
        http.send(server.as(lobby.hostToken()), "GET", lobby.path() + "/state").expect(200);
        Session open = create("{\"quizId\": \"catalogue\", \"settings\": null}");
        String dev = join(server.request(), open, "Dev").expect(201).path("token");
        http.send(server.as(open.hostToken()), "POST", open.path() + "/advance").expect(200);
        http.send(server.as(dev), "PUT", open.path() + "/answers/emergency", RIGHT.get("emergency")).expect(200);
        http.send(server.as(open.hostToken()), "POST", open.path() + "/end").expect(200);
        http.send(server.as(dev), "GET", open.path() + "/state").expect(200);
        http.send(server.as(open.hostToken()), "GET", open.path() + "/results").expect(200);

        http.assertConformant();
        assertThat(http.covered()).as("operations and statuses exercised").contains(
                "createLiveSession 201", "joinLiveSession 201", "joinLiveSession 200", "getLiveSession 200",
                "getLiveState 200", "getLiveResults 200", "removeLivePlayer 204", "advanceLiveSession 200",
                "answerLiveQuestion 200", "closeLiveQuestion 200", "endLiveSession 200");
    }

    @Test
    void refusals_of_the_live_endpoints_conform() {
        Session session = create("{\"quizId\": \"catalogue\", \"settings\": {\"lateJoin\": false, "
                + "\"readingTimeMs\": 5000}}");
        String base = session.path();
        String host = session.hostToken();
        Exchange joined = join(server.request(), session, "Asha").expect(201);
        String asha = joined.path("token");
        String ravi = join(server.request(), session, "Ravi").expect(201).path("playerId");
        String nowhere = LIVE + "/no-such-session";

        // 400
        http.send(server.as(ADMIN), "POST", LIVE, "{\"quizId\": ").expect(400);
        http.send(server.request(), "POST", LIVE + "/join", "{\"code\": ").expect(400);
        http.send(server.as(asha), "PUT", base + "/answers/emergency", "{\"choice\": ").expect(400);
        // 401
        http.send(server.request(), "POST", LIVE, "{\"quizId\": \"catalogue\"}").expect(401);
        http.send(server.as(asha), "POST", LIVE, "{\"quizId\": \"catalogue\"}").expect(401);
        http.send(server.as("nope"), "POST", LIVE + "/join", "{\"code\": \"" + session.code() + "\"}").expect(401);
        http.send(server.request(), "GET", base).expect(401);
        http.send(server.as(asha), "GET", base).expect(401);
        http.send(server.request().header("Authorization", "Basic YTpi"), "POST", base + "/advance").expect(401);
        http.send(server.as(asha), "POST", base + "/close").expect(401);
        http.send(server.request(), "POST", base + "/end").expect(401);
        http.send(server.as(asha), "GET", base + "/results").expect(401);
        http.send(server.as(asha), "DELETE", base + "/players/" + ravi).expect(401);
        http.send(server.as(host), "PUT", base + "/answers/emergency", RIGHT.get("emergency")).expect(401);
        http.send(server.request(), "PUT", base + "/answers/emergency", RIGHT.get("emergency")).expect(401);
        http.send(server.request(), "GET", base + "/state").expect(401);
        http.send(server.request(), "GET", base + "/state?token=nope").expect(401);
        http.send(server.request().accept("text/event-stream"), "GET", base + "/events").expect(401);
        // 404
        http.send(server.as(ADMIN), "POST", LIVE, "{\"quizId\": \"no-such-quiz\"}").expect(404);
        String unknownCode = "000000".equals(session.code()) ? "000001" : "000000";
        http.send(server.request(), "POST", LIVE + "/join", "{\"code\": \"" + unknownCode + "\", \"name\": \"Ravi\"}")
                .expect(404);
        http.send(server.as(host), "GET", nowhere).expect(404);
        http.send(server.as(ADMIN), "POST", nowhere + "/advance").expect(404);
        http.send(server.as(host), "POST", nowhere + "/close").expect(404);
        http.send(server.as(host), "POST", nowhere + "/end").expect(404);
        http.send(server.as(host), "GET", nowhere + "/results").expect(404);
        http.send(server.as(host), "DELETE", nowhere + "/players/" + ravi).expect(404);
        http.send(server.as(host), "DELETE", base + "/players/no-such-player").expect(404);
        http.send(server.as(asha), "PUT", nowhere + "/answers/emergency", RIGHT.get("emergency")).expect(404);
        http.send(server.as(asha), "GET", nowhere + "/state").expect(404);
        http.send(server.as(asha).accept("text/event-stream"), "GET", nowhere + "/events").expect(404);
        // 405
        http.send(server.request(), "GET", LIVE).expect(405);
        http.send(server.as(host), "DELETE", base).expect(405);
        http.send(server.as(host), "GET", base + "/advance").expect(405);
        http.send(server.as(asha), "POST", base + "/state").expect(405);
        // 409 in the lobby
        http.send(server.as(host), "POST", base + "/close").expect(409);
        http.send(server.as(asha), "PUT", base + "/answers/emergency", RIGHT.get("emergency")).expect(409);
        join(server.request(), session, "ASHA").expect(409);
        // 413, 415, 422
        http.send(server.as(ADMIN), "POST", LIVE, "{\"quizId\": \"" + "q".repeat(70_000) + "\"}").expect(413);
        http.send(server.request(), "POST", LIVE + "/join", "{\"name\": \"" + "a".repeat(70_000) + "\"}")
                .expect(413);
        http.send(server.as(asha), "PUT", base + "/answers/emergency", "{\"text\": \"" + "x".repeat(70_000) + "\"}")
                .expect(413);
        http.send(server.as(ADMIN).contentType("text/plain"), "POST", LIVE, "quizId=catalogue").expect(415);
        http.send(server.request().contentType("text/plain"), "POST", LIVE + "/join", "code=123456").expect(415);
        http.send(server.as(asha).contentType("text/plain"), "PUT", base + "/answers/emergency", "b").expect(415);
        http.send(server.as(ADMIN), "POST", LIVE, "{\"quizId\": 5}").expect(422);
        http.send(server.as(ADMIN), "POST", LIVE, "[\"catalogue\"]").expect(422);
        http.send(server.as(ADMIN), "POST", LIVE, "{\"quizId\": \"catalogue\", \"language\": \"fr\"}").expect(422);
        http.send(server.as(ADMIN), "POST", LIVE, "{\"quizId\": \"catalogue\", \"settings\": "
                + "{\"readingTimeMs\": 90000, \"autoAdvanceMs\": 1.5, \"lateJoin\": \"yes\"}}").expect(422);
        http.send(server.request(), "POST", LIVE + "/join", "{\"code\": \"12ab\", \"name\": \"Ravi\"}").expect(422);
        http.send(server.request(), "POST", LIVE + "/join", "{\"code\": \"" + session.code() + "\"}").expect(422);
        http.send(server.request(), "POST", LIVE + "/join", "{\"code\": \"" + session.code() + "\", \"name\": "
                + "\"<b>\"}").expect(422);

        // the session starts: no late joining, a reading time, one answer per question
        http.send(server.as(host), "POST", base + "/advance").expect(200);
        http.send(server.as(host), "POST", base + "/advance").expect(409);
        join(server.request(), session, "Late").expect(409);
        http.send(server.as(asha), "PUT", base + "/answers/emergency", RIGHT.get("emergency")).expect(409);
        timers.advance(Duration.ofSeconds(5));
        http.send(server.as(asha), "PUT", base + "/answers/emergency", "{\"value\": true}").expect(422);
        http.send(server.as(asha), "PUT", base + "/answers/emergency", "{\"choice\": \"z\"}").expect(422);
        http.send(server.as(asha), "PUT", base + "/answers/mha", RIGHT.get("mha")).expect(409);
        http.send(server.as(asha), "PUT", base + "/answers/emergency", RIGHT.get("emergency")).expect(200);
        http.send(server.as(asha), "PUT", base + "/answers/emergency", WRONG.get("emergency")).expect(409);
        http.send(server.as(host), "POST", base + "/end").expect(200);
        http.send(server.as(host), "POST", base + "/end").expect(409);
        http.send(server.as(host), "POST", base + "/advance").expect(409);
        http.send(server.as(host), "DELETE", base + "/players/" + ravi).expect(409);
        http.send(server.as(asha), "DELETE", base + "/players/" + joined.<String>path("playerId")).expect(409);
        http.send(server.request(), "POST", LIVE + "/join", "{\"code\": \"" + session.code() + "\", \"name\": "
                + "\"Late\"}").expect(404);

        http.assertConformant();
        assertThat(http.covered()).as("operations and statuses exercised").contains(
                "createLiveSession 400", "createLiveSession 401", "createLiveSession 404", "createLiveSession 413",
                "createLiveSession 415", "createLiveSession 422",
                "joinLiveSession 400", "joinLiveSession 401", "joinLiveSession 404", "joinLiveSession 409",
                "joinLiveSession 413", "joinLiveSession 415", "joinLiveSession 422",
                "getLiveSession 401", "getLiveSession 404", "advanceLiveSession 401", "advanceLiveSession 404",
                "advanceLiveSession 409", "closeLiveQuestion 401", "closeLiveQuestion 404", "closeLiveQuestion 409",
                "endLiveSession 401", "endLiveSession 404", "endLiveSession 409",
                "removeLivePlayer 401", "removeLivePlayer 404", "removeLivePlayer 409",
                "getLiveResults 401", "getLiveResults 404",
                "answerLiveQuestion 400", "answerLiveQuestion 401", "answerLiveQuestion 404",
                "answerLiveQuestion 409", "answerLiveQuestion 413", "answerLiveQuestion 415",
                "answerLiveQuestion 422", "getLiveState 401", "getLiveState 404", "followLiveEvents 401",
                "followLiveEvents 404", "GET /api/v1/live-sessions 405", "DELETE /api/v1/live-sessions/{id} 405",
                "GET /api/v1/live-sessions/{id}/advance 405", "POST /api/v1/live-sessions/{id}/state 405");
    }

    @Test
    void the_limits_on_sessions_and_on_joins_conform() {
        QuizEngine limited = QuizEngine.builder().clock(clock).liveScheduler(timers)
                .liveOptions(LiveOptions.defaults().withMaxOpenSessions(1)).build();
        limited.publish(SampleQuizzes.catalogue());
        try (ApiServer strict = ApiServer.start(limited, ApiConfig.defaults().withAdminToken(ADMIN)
                .withRateLimitPerMinute(2))) {
            String code = http.send(strict.as(ADMIN), "POST", LIVE, "{\"quizId\": \"catalogue\"}").expect(201)
                    .path("code");
            http.send(strict.as(ADMIN), "POST", LIVE, "{\"quizId\": \"catalogue\"}").expect(409);
            http.send(strict.request(), "POST", LIVE + "/join", "{\"code\": \"" + code + "\", \"name\": \"Asha\"}")
                    .expect(201);
            for (int i = 0; i < 2; i++) { // failed joins count; the successful one gave its count back
                http.send(strict.request(), "POST", LIVE + "/join", "{\"code\": \"" + code + "\", \"name\": \"Asha\"}")
                        .expect(409);
            }
            http.send(strict.request(), "POST", LIVE + "/join", "{\"code\": \"" + code + "\", \"name\": \"Ravi\"}")
                    .expect(429);
        }

        http.assertConformant();
        assertThat(http.covered()).contains("createLiveSession 409", "joinLiveSession 409", "joinLiveSession 429");
    }

    @Test
    void too_many_failed_authentications_conform() {
        try (ApiServer strict = ApiServer.start(engine, ApiConfig.defaults().withAdminToken(ADMIN)
                .withRateLimitPerMinute(0).withAuthFailuresPerMinute(1))) {
            Exchange created = http.send(strict.as(ADMIN), "POST", LIVE, "{\"quizId\": \"catalogue\"}").expect(201);
            timers.runDue();
            Session session = new Session(created.path("id"), created.path("code"), created.path("hostToken"));
            String player = strict.register("Asha");
            Exchange joined = http.send(strict.as(player), "POST", LIVE + "/join",
                    "{\"code\": \"" + session.code() + "\"}").expect(201);

            http.send(strict.as("not-the-host-token"), "GET", session.path()).expect(401);
            http.send(strict.as(ADMIN), "POST", LIVE, "{\"quizId\": \"catalogue\"}").expect(429);
            http.send(strict.as(player), "POST", LIVE + "/join", "{\"code\": \"" + session.code() + "\"}")
                    .expect(429);
            http.send(strict.as(session.hostToken()), "GET", session.path()).expect(429);
            http.send(strict.as(session.hostToken()), "POST", session.path() + "/advance").expect(429);
            http.send(strict.as(session.hostToken()), "POST", session.path() + "/close").expect(429);
            http.send(strict.as(session.hostToken()), "POST", session.path() + "/end").expect(429);
            http.send(strict.as(session.hostToken()), "DELETE",
                    session.path() + "/players/" + joined.<String>path("playerId")).expect(429);
            http.send(strict.as(session.hostToken()), "GET", session.path() + "/results").expect(429);
            http.send(strict.as(player), "PUT", session.path() + "/answers/emergency", "{\"choice\": \"b\"}")
                    .expect(429);
            http.send(strict.as(player), "GET", session.path() + "/state").expect(429);
            http.send(strict.request(), "GET", session.path() + "/events?token=" + player).expect(429);
            clock.advance(Duration.ofMinutes(1));
            http.send(strict.as(session.hostToken()), "GET", session.path()).expect(200);
        }

        http.assertConformant();
        assertThat(http.covered()).contains("createLiveSession 429", "joinLiveSession 429", "getLiveSession 429",
                "advanceLiveSession 429", "closeLiveQuestion 429", "endLiveSession 429", "removeLivePlayer 429",
                "getLiveResults 429", "answerLiveQuestion 429", "getLiveState 429", "followLiveEvents 429");
    }

    /**
     * A player who joins after a question closed has not been ranked by any question yet: their {@code rank} is
     * null, as before the first question closes (the engine's {@code LiveState.You} says so too), not 0.
     */
    @Test
    void a_player_who_joins_after_a_question_closed_is_not_ranked_yet() {
        Session session = create("{\"quizId\": \"catalogue\"}");
        join(server.request(), session, "Asha").expect(201);
        http.send(server.as(session.hostToken()), "POST", session.path() + "/advance").expect(200);
        http.send(server.as(session.hostToken()), "POST", session.path() + "/close").expect(200);
        String dev = join(server.request(), session, "Dev").expect(201).path("token");

        Exchange state = http.send(server.as(dev), "GET", session.path() + "/state").expect(200);

        assertThat(state.<Object>path("you.rank")).as("the rank of a player no question has ranked").isNull();
        http.assertConformant();
    }

    /** The check is not vacuous for live bodies either: a field the document does not name fails. */
    @Test
    void the_check_reports_a_field_the_document_does_not_name() {
        Session session = create("{\"quizId\": \"catalogue\"}");
        String body = server.as(session.hostToken()).get(session.path() + "/state").asString();

        assertThat(CONTRACT.check("GET", session.path() + "/state", 200, "application/json",
                Map.of("content-language", "en"), body)).isEmpty();
        assertThat(CONTRACT.check("GET", session.path() + "/state", 200, "application/json",
                Map.of("content-language", "en"), body.replace("\"phase\"", "\"stage\"")))
                .anySatisfy(v -> assertThat(v).contains("stage"))
                .anySatisfy(v -> assertThat(v).contains("phase"));
        List<String> leaky = CONTRACT.check("GET", session.path() + "/state", 200, "application/json",
                Map.of("content-language", "en"), body.replace("\"lastEventId\"", "\"correct\":true,\"lastEventId\""));
        assertThat(leaky).anySatisfy(v -> assertThat(v).contains("correct"));
    }
}
