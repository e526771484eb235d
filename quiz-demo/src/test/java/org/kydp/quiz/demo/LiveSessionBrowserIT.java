package org.kydp.quiz.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.kydp.quiz.api.ApiConfig;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionType;

/**
 * A whole live quiz in real headless Chromium: the host's page in one browser, a player's page on a phone in
 * another, and a second player over the REST API.
 */
class LiveSessionBrowserIT {

    private static final String ADMIN_TOKEN = "browser-test-admin-token";
    private static final String LIVE = "/api/v1/live-sessions";

    private final DemoServer server = DemoServer.start(ApiConfig.defaults().withPort(0).withAdminToken(ADMIN_TOKEN)
            .withRateLimitPerMinute(0), DemoServerTest.tempStorage());

    @RegisterExtension
    final Chromium hostBrowser = new Chromium();

    @RegisterExtension
    final Chromium playerBrowser = new Chromium();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_host_runs_a_quiz_of_every_type_that_a_phone_and_a_rest_player_join_by_code() {
        AnswerKey key = AnswerKey.of("emergency-helplines");
        assertThat(key.types()).as("a quiz with every type").containsExactlyInAnyOrder(QuestionType.values());
        LiveHostPage host = new LiveHostPage(hostBrowser.driver(), server.port());
        hostBrowser.viewport(1280, 900);
        host.open();
        hostBrowser.screenshot("host-en-setup");
        String code = host.create(ADMIN_TOKEN, key.quiz().id(), "en", 60, 0);
        assertThat(code).matches("[0-9]{6}");
        assertThat(host.text(By.id("join-code"))).isEqualTo(code.substring(0, 3) + " " + code.substring(3));
        assertThat(host.qrCodeLoaded()).as("the QR code of the join address").isTrue();

        LivePlayerPage player = new LivePlayerPage(playerBrowser.driver(), server.port());
        playerBrowser.viewport(360, 800);
        player.open("?code=" + code);
        player.awaitJoinForm();
        assertThat(player.codeShown()).as("the code from the address").isEqualTo(code);
        playerBrowser.screenshot("player-en-join");
        player.joinAs("Asha");
        assertThat(player.text(By.id("lobby-title"))).isEqualTo("You’re in!");
        assertThat(player.text(By.id("player-name"))).isEqualTo("Playing as Asha");
        Live ravi = Live.join(server.port(), code, "Ravi");
        Live spoiler = Live.join(server.port(), code, "Spoiler");
        assertThat(host.awaitPlayers(3)).containsExactly("Asha", "Ravi", "Spoiler");
        hostBrowser.screenshot("host-en-lobby");
        playerBrowser.screenshot("player-en-lobby");

        host.remove("Spoiler");
        assertThat(host.awaitPlayers(2)).containsExactly("Asha", "Ravi");
        spoiler.request().get(LIVE + "/" + spoiler.sessionId() + "/state").then().statusCode(401);
        assertThat(host.text(By.id("players-title"))).isEqualTo("Players (2)");

        host.click("start");
        int expected = 0;
        String questionId = null;
        List<Question> questions = key.quiz().questions();
        for (int index = 0; index < questions.size(); index++) {
            questionId = player.awaitQuestionAfter(questionId);
            Question question = key.question(questionId);
            assertThat(player.text(LivePlayerPage.QUESTION)).isEqualTo(question.text().in("en", "en"));
            assertThat(player.text(By.id("progress-text"))).isEqualTo("Question " + (index + 1) + " of " + questions.size());
            host.awaitAnswered(questionId, 0, 2);
            player.awaitAnswerControls();
            player.controls().assertNoHorizontalScroll();
            if (index < 3 || question.type() == QuestionType.ORDERING || question.type() == QuestionType.MATCHING) {
                playerBrowser.screenshot("player-en-" + index + "-" + question.type().wireName());
            }

            Answer answer = key.chosenAnswer(index, questionId);
            player.answer(answer);
            assertThat(player.text(LivePlayerPage.LOCKED_IN)).isEqualTo("Answer locked in");
            assertThat(playerBrowser.driver().findElements(By.cssSelector(".verdict-box, .right-answer")))
                    .as("nothing tells whether it is right before the question closes").isEmpty();
            ravi.answer(questionId, key.worthless(questionId));
            host.awaitAnswered(questionId, 2, 2);
            if (index == 0) {
                hostBrowser.screenshot("host-en-question");
                playerBrowser.screenshot("player-en-locked-in");
            }
            host.click("close-now");

            String verdict = player.awaitResults(questionId);
            int points = key.points(questionId, answer);
            expected += points;
            assertThat(verdict).isEqualTo(question.type() == QuestionType.POLL ? "recorded"
                    : key.isRight(questionId, answer) ? "correct" : "wrong");
            assertThat(player.text(By.cssSelector(".score-line"))).isEqualTo("Your score: " + expected);
            assertThat(player.text(By.cssSelector(".rank-line"))).as("Ravi earns nothing").isEqualTo("Your rank: 1 of 2");
            if (question.type() != QuestionType.POLL) {
                assertThat(player.text(By.cssSelector(".live-results .right-answer"))).startsWith("Right answer:");
            }
            assertThat(playerBrowser.driver().findElements(By.cssSelector("#top tbody tr.me"))).singleElement()
                    .extracting(WebElement::getText).asString().contains("Asha", "(you)");
            player.controls().assertNoHorizontalScroll();
            host.awaitResults(questionId);
            assertThat(host.text(By.cssSelector(".host-results .answered-count"))).startsWith("2 of 2 answered");
            if (index < 3 || question.type() == QuestionType.POLL) {
                playerBrowser.screenshot("player-en-" + index + "-results");
                hostBrowser.screenshot("host-en-" + index + "-results");
            }
            host.click("next");
        }

        assertThat(player.text(LivePlayerPage.FINAL)).isEqualTo("Final results");
        assertThat(player.text(By.id("final-score")))
                .isEqualTo("You finished 1st of 2 with " + expected + " points.");
        assertThat(player.text(By.cssSelector(".podium .place-1"))).contains("1st place", "Asha", "(you)");
        assertThat(host.text(By.id("final-title"))).isEqualTo("Final results");
        assertThat(host.text(By.cssSelector(".podium .place-1"))).contains("Asha", expected + " points");
        assertThat(host.text(By.cssSelector("#ranking tbody"))).contains("Asha", "Ravi");
        playerBrowser.screenshot("player-en-podium");
        hostBrowser.screenshot("host-en-podium");
        assertThat(hostBrowser.contentSecurityViolations()).isEmpty();
        assertThat(playerBrowser.contentSecurityViolations()).isEmpty();
    }

    /** A player of a live session over the REST API. */
    record Live(int port, String sessionId, String token) {

        static Live join(int port, String code, String name) {
            var joined = given().baseUri("http://localhost").port(port).contentType(ContentType.JSON)
                    .body(Map.of("code", code, "name", name)).post(LIVE + "/join").then().statusCode(201).extract();
            return new Live(port, joined.path("sessionId"), joined.path("token"));
        }

        RequestSpecification request() {
            return given().baseUri("http://localhost").port(port).contentType(ContentType.JSON)
                    .header("Authorization", "Bearer " + token);
        }

        void answer(String questionId, Answer answer) {
            request().body(RestPlayer.json(answer)).put(LIVE + "/" + sessionId + "/answers/" + questionId)
                    .then().statusCode(200);
        }
    }
}
