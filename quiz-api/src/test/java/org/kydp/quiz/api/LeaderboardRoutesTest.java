package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;

/** The leaderboard routes over the day and week windows, in the default zone (Asia/Kolkata). */
class LeaderboardRoutesTest {

    /** Sunday 15 February 2026, 23:59:00 IST. */
    private final MutableClock clock = MutableClock.at("2026-02-15T18:29:00Z");
    private final QuizEngine engine = QuizEngine.builder().clock(clock).build();
    private final ApiServer server = ApiServer.start(engine);
    private final String sunday = server.register("Sunday");
    private final String monday = server.register("Monday");

    LeaderboardRoutesTest() {
        engine.publish(SampleQuizzes.helplines());
        String sundayAttempt = start(sunday);
        String mondayAttempt = start(monday);
        advanceTo("2026-02-15T18:29:59.999Z"); // Sunday 23:59:59.999 IST
        finish(sunday, sundayAttempt);
        advanceTo("2026-02-15T18:30:00Z"); // Monday 00:00 IST
        finish(monday, mondayAttempt);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String start(String token) {
        return server.as(token).post("/api/v1/quizzes/helplines/attempts").then().statusCode(201).extract().path("id");
    }

    private void finish(String token, String attempt) {
        server.as(token).post("/api/v1/attempts/" + attempt + "/finish").then().statusCode(200);
    }

    private void advanceTo(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    @Test
    void the_day_and_week_windows_start_at_midnight_and_on_monday_in_ist() {
        Map<String, Object> day = server.request().queryParam("window", "day")
                .get("/api/v1/quizzes/helplines/leaderboard").then().statusCode(200).extract().jsonPath().getMap("$");
        assertThat(day).containsOnlyKeys("quizId", "window", "total", "limit", "offset", "entries");
        assertThat(day).containsEntry("window", "day").containsEntry("total", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) day.get("entries");
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry).containsOnlyKeys("rank", "playerId", "name", "score", "durationMs");
            assertThat(entry).containsEntry("name", "Monday").containsEntry("rank", 1)
                    .containsEntry("durationMs", 60_000);
        });

        server.request().queryParam("window", "week").get("/api/v1/quizzes/helplines/leaderboard").then()
                .statusCode(200).body("window", equalTo("week")).body("entries.name", equalTo(List.of("Monday")));
        server.request().queryParam("window", "all").get("/api/v1/quizzes/helplines/leaderboard").then()
                .statusCode(200).body("total", equalTo(2))
                .body("entries.name", equalTo(List.of("Sunday", "Monday")))
                .body("entries.rank", equalTo(List.of(1, 2)));
    }

    @Test
    void leaderboard_me_answers_per_window_and_is_404_where_the_player_is_not_ranked() {
        Map<String, Object> me = server.as(monday).queryParam("window", "day")
                .get("/api/v1/quizzes/helplines/leaderboard/me").then().statusCode(200).extract().jsonPath()
                .getMap("$");
        assertThat(me).containsOnlyKeys("quizId", "window", "rank", "total", "percentile", "entries");
        assertThat(me).containsEntry("rank", 1).containsEntry("total", 1).containsEntry("percentile", 100.0f);

        server.as(monday).queryParam("around", 0).get("/api/v1/quizzes/helplines/leaderboard/me").then()
                .statusCode(200).body("rank", equalTo(2)).body("total", equalTo(2))
                .body("percentile", equalTo(50.0f)).body("entries.name", equalTo(List.of("Monday")));
        server.as(monday).queryParam("around", 1).get("/api/v1/quizzes/helplines/leaderboard/me").then()
                .statusCode(200).body("entries.name", equalTo(List.of("Sunday", "Monday")));

        server.as(sunday).queryParam("window", "day").get("/api/v1/quizzes/helplines/leaderboard/me").then()
                .statusCode(404).body("type", equalTo("https://kydp-quiz.org/problems/not-found"));
        server.as(sunday).queryParam("window", "week").get("/api/v1/quizzes/helplines/leaderboard/me").then()
                .statusCode(404);
        server.as(monday).queryParam("around", 51).get("/api/v1/quizzes/helplines/leaderboard/me").then()
                .statusCode(422);
    }

    @Test
    void an_offset_past_the_end_gives_no_entries_but_the_total() {
        server.request().queryParam("offset", 5).queryParam("limit", 100)
                .get("/api/v1/quizzes/helplines/leaderboard").then().statusCode(200)
                .body("total", equalTo(2)).body("limit", equalTo(100)).body("offset", equalTo(5))
                .body("entries", equalTo(List.of()));
        server.request().queryParam("limit", 1).queryParam("offset", 1)
                .get("/api/v1/quizzes/helplines/leaderboard").then().statusCode(200)
                .body("entries.name", equalTo(List.of("Monday")));
    }
}
