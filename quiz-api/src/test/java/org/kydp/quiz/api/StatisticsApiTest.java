package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.api.OpenApiConformanceTest.Exchange;
import org.kydp.quiz.api.OpenApiConformanceTest.Exchanges;
import org.kydp.quiz.stats.StatisticsFixture;

/**
 * A quiz's statistics over HTTP, as JSON and as CSV, checked against the served contract: the figures of the
 * hand-worked fixture (see {@code QuizStatisticsTest} in quiz-core), the admin token, and every refusal.
 */
class StatisticsApiTest {

    private static final String ADMIN = "test-admin-token-0123456789";
    private static final String STATS = "/api/v1/admin/quizzes/" + StatisticsFixture.QUIZ + "/stats";

    private final MutableClock clock = MutableClock.at("2026-12-03T04:00:00Z");
    private final QuizEngine engine = QuizEngine.builder().clock(clock).zone(ZoneId.of("Asia/Kolkata")).build();
    private final ApiServer server = ApiServer.start(engine);
    private final Exchanges http = new Exchanges(OpenApiConformanceTest.CONTRACT);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_figures_come_as_json_and_conform_to_the_contract() {
        StatisticsFixture.play(engine, clock);

        Exchange stats = http.send(server.as(ADMIN), "GET", STATS).expect(200);
        http.send(server.as(ADMIN), "GET", STATS + "?from=2026-12-01&to=2026-12-03&version=1").expect(200);
        http.assertConformant();

        assertThat(stats.<Integer>path("attempts.finished")).isEqualTo(5);
        assertThat(stats.<Integer>path("players")).isEqualTo(6);
        assertThat(stats.<Float>path("score.median")).isEqualTo(2.0f);
        assertThat(stats.<List<String>>path("questions.questionId")).containsExactly("q1", "q2", "q3", "q4");
        assertThat(stats.<Float>path("questions[2].facility")).isCloseTo(0.2f, within(1e-6f));
        assertThat(stats.<Float>path("questions[2].discrimination")).isCloseTo(-7f / 12, within(1e-6f));
        assertThat(stats.<List<String>>path("questions[2].flags")).containsExactly("low_facility");
        assertThat(stats.<List<Map<String, Object>>>path("questions[2].topWrongAnswers"))
                .containsExactly(Map.of("text", "112", "count", 2), Map.of("text", "cyber cell", "count", 2));
        assertThat(stats.<List<Map<String, Object>>>path("perDay"))
                .containsExactly(Map.of("date", "2026-12-03", "started", 6, "finished", 5));
    }

    @Test
    void the_figures_come_as_csv_with_a_byte_order_mark_one_row_per_question() {
        StatisticsFixture.play(engine, clock);

        Exchange csv = http.send(server.as(ADMIN), "GET", STATS + "?format=csv").expect(200);
        http.send(server.as(ADMIN).header("Accept", "text/csv"), "GET", STATS).expect(200);
        http.assertConformant();

        assertThat(csv.response().getContentType()).isEqualTo("text/csv; charset=utf-8");
        byte[] bytes = csv.response().asByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("question_id,type,text,attempts,served,answered,skipped,timed_out,"
                + "facility,discrimination");
        assertThat(lines.get(1)).startsWith("q1,single_choice,").contains(",0.6000,0.6455,2000,0.6000,")
                .contains("a*: 3; b: 2; c: 0; d: 0");
        assertThat(lines.get(3)).contains("-0.5833").contains("112: 2; cyber cell: 2").endsWith("low_facility");
        assertThat(csv.response().header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"" + StatisticsFixture.QUIZ + "-stats.csv\"");
    }

    @Test
    void bad_queries_unknown_quizzes_and_players_are_refused() {
        StatisticsFixture.play(engine, clock);
        String player = server.register("Asha");

        http.send(server.request(), "GET", STATS).expect(401);
        http.send(server.as(player), "GET", STATS).expect(401);
        http.send(server.as(ADMIN), "GET", "/api/v1/admin/quizzes/no-such-quiz/stats").expect(404);
        http.send(server.as(ADMIN), "GET", STATS + "?version=9").expect(404);
        http.send(server.as(ADMIN), "GET", STATS + "?from=2026-12-03&to=2026-12-01").expect(422);
        http.send(server.as(ADMIN), "GET", STATS + "?from=2026-01-01&to=2027-01-02").expect(422);
        http.send(server.as(ADMIN), "GET", STATS + "?from=yesterday").expect(422);
        http.send(server.as(ADMIN), "GET", STATS + "?version=first").expect(422);
        http.send(server.as(ADMIN), "GET", STATS + "?format=xml").expect(422);
        http.send(server.as(ADMIN), "GET", "/api/v1/admin/live-sessions/no-such-session/stats").expect(404);
        http.assertConformant();
    }
}
