package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.ReviewPolicy;

/**
 * What a review policy keeps back is in the JSON as {@code null}, field for field as clients have always had it,
 * although the engine's results carry it as empty optionals and empty texts.
 */
class HiddenReviewJsonTest {

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final QuizEngine engine = QuizEngine.builder().clock(clock).build();
    private final ApiServer server = ApiServer.start(engine);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void after_finish_hides_everything_of_an_answer_as_nulls_and_shows_it_in_the_review() {
        engine.publish(SampleQuizzes.helplines(QuizRules.defaults().withReview(ReviewPolicy.AFTER_FINISH)));
        String token = server.register("Asha");
        String attempt = server.as(token).post("/api/v1/quizzes/helplines/attempts").path("id");

        assertThat(server.as(token).get("/api/v1/attempts/" + attempt).asString()).isEqualTo("{\"id\":\"" + attempt
                + "\",\"quizId\":\"helplines\",\"quizVersion\":1,\"status\":\"IN_PROGRESS\",\"answered\":0,"
                + "\"questionCount\":2,\"score\":null,\"maxScore\":20,\"startedAt\":\"2026-02-16T04:30:00Z\","
                + "\"deadline\":null,\"finishedAt\":null}");
        assertThat(server.as(token).get("/api/v1/attempts/" + attempt + "/question").asString()).isEqualTo(
                "{\"id\":\"emergency\",\"index\":0,\"count\":2,\"type\":\"single_choice\","
                        + "\"text\":\"Which number is India's single emergency number?\",\"options\":["
                        + "{\"id\":\"a\",\"text\":\"1098\"},{\"id\":\"b\",\"text\":\"112\"},"
                        + "{\"id\":\"c\",\"text\":\"1930\"}],\"points\":10,\"timeLimitMs\":null,\"deadline\":null}");
        clock.advance(Duration.ofSeconds(4));
        assertThat(server.as(token).body("{\"choice\": \"b\"}").put("/api/v1/attempts/" + attempt
                + "/answers/emergency").asString()).isEqualTo("{\"questionId\":\"emergency\",\"correct\":null,"
                + "\"points\":null,\"streakBonus\":null,\"score\":null,\"answered\":1,\"questionCount\":2,"
                + "\"feedback\":null,\"explanation\":null,\"correctAnswer\":null}");

        assertThat(server.as(token).post("/api/v1/attempts/" + attempt + "/finish").asString()).isEqualTo(
                "{\"id\":\"" + attempt + "\",\"quizId\":\"helplines\",\"status\":\"FINISHED\",\"score\":10,"
                        + "\"maxScore\":20,\"correct\":1,\"answered\":1,\"questionCount\":2,\"durationMs\":4000,"
                        + "\"rank\":1,\"feedback\":null,\"review\":["
                        + "{\"questionId\":\"emergency\",\"index\":0,\"type\":\"single_choice\","
                        + "\"text\":\"Which number is India's single emergency number?\","
                        + "\"answer\":{\"choice\":\"b\"},\"correct\":true,\"points\":10,\"maxPoints\":10,"
                        + "\"feedback\":\"Right: 112.\",\"explanation\":\"112 is the single emergency number.\","
                        + "\"source\":\"India Today (25 Sep 2019)\",\"correctAnswer\":{\"choice\":\"b\"}},"
                        + "{\"questionId\":\"mha\",\"index\":1,\"type\":\"true_false\","
                        + "\"text\":\"Delhi Police reports to the Union Ministry of Home Affairs.\","
                        + "\"answer\":null,\"correct\":false,\"points\":0,\"maxPoints\":10,\"feedback\":null,"
                        + "\"explanation\":\"It does, not to the Delhi government.\",\"source\":\"NDTV, 16 Feb 2020\","
                        + "\"correctAnswer\":{\"value\":true}}]}");
    }

    @Test
    void never_shows_no_correctness_and_no_review() {
        engine.publish(SampleQuizzes.helplines(QuizRules.defaults().withReview(ReviewPolicy.NEVER)));
        String token = server.register("Asha");
        String attempt = server.as(token).post("/api/v1/quizzes/helplines/attempts").path("id");
        server.as(token).get("/api/v1/attempts/" + attempt + "/question").then().statusCode(200);

        server.as(token).body("{\"choice\": \"a\"}").put("/api/v1/attempts/" + attempt + "/answers/emergency")
                .then().statusCode(200);

        assertThat(server.as(token).post("/api/v1/attempts/" + attempt + "/finish").asString()).isEqualTo(
                "{\"id\":\"" + attempt + "\",\"quizId\":\"helplines\",\"status\":\"FINISHED\",\"score\":0,"
                        + "\"maxScore\":20,\"correct\":null,\"answered\":1,\"questionCount\":2,\"durationMs\":0,"
                        + "\"rank\":1,\"feedback\":null,\"review\":[]}");
        assertThat(server.as(token).get("/api/v1/attempts/" + attempt).asString()).contains(
                "\"score\":0,", "\"deadline\":null,", "\"finishedAt\":\"2026-02-16T04:30:00Z\"");
    }
}
