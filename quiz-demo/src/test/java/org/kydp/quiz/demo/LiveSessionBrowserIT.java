package org.kydp.quiz.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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
 * A whole live quiz in real headless Chromium: the host's big screen in one browser (English and Hindi, one under
 * the other, at 1280×720 and 1920×1080, moved on by its keys; every screen fits without scrolling, and every text
 * the hall reads is in both languages), and three phones at 360 pixels: Asha opens the join link the lobby shows and
 * reloads her page in the middle of a question, Meera plays in Hindi by keyboard, and Kabir joins late. Each screen
 * is checked against what the REST API says.
 */
class LiveSessionBrowserIT {

    private static final String ADMIN_TOKEN = "browser-test-admin-token";
    private static final String LIVE = "/api/v1/live-sessions";
    /** Kabir joins while this question is open; Asha reloads her page while this one is. */
    private static final int LATE_JOIN_AT = 1;
    private static final int RELOAD_AT = 3;

    private final DemoServer server = DemoServer.start(ApiConfig.defaults().withPort(0).withAdminToken(ADMIN_TOKEN)
            .withRateLimitPerMinute(0), DemoServerTest.tempStorage());

    @RegisterExtension
    final Chromium hostBrowser = new Chromium();

    @RegisterExtension
    final Chromium ashaBrowser = new Chromium();

    @RegisterExtension
    final Chromium meeraBrowser = new Chromium();

    @RegisterExtension
    final Chromium kabirBrowser = new Chromium();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_host_and_three_phones_play_a_quiz_of_every_type_to_the_podium() {
        AnswerKey key = AnswerKey.of("emergency-helplines");
        assertThat(key.types()).as("a quiz with every type").containsExactlyInAnyOrder(QuestionType.values());
        String base = "http://localhost:" + server.port();
        LiveHostPage host = new LiveHostPage(hostBrowser.driver(), server.port());
        hostBrowser.viewport(1280, 720);
        host.open("/#/host");
        assertThat(hostBrowser.driver().getCurrentUrl()).as("#/host leads to the host's page").isEqualTo(base + "/live/host");
        String code = host.create(ADMIN_TOKEN, key.quiz().id(), "both", 60, 0);
        assertThat(code).matches("[0-9]{6}");
        assertThat(host.text(By.id("join-code"))).isEqualTo(code.substring(0, 3) + " " + code.substring(3));
        assertThat(host.qrCodeLoaded()).as("the QR code of the join address").isTrue();
        String joinLink = hostBrowser.driver().findElement(By.id("join-link")).getDomAttribute("href");
        assertThat(joinLink).as("the link the QR code says").isEqualTo(base + "/live?code=" + code);
        assertThat(host.firstLanguage(By.cssSelector(".join-code-label"))).isEqualTo("Code");
        assertThat(host.secondLanguage(By.cssSelector(".join-code-label"))).isEqualTo("कोड");
        assertThat(host.secondLanguage(By.id("lobby-title"))).isEqualTo(key.quiz().title().in("hi", "en"));

        LivePlayerPage asha = new LivePlayerPage(ashaBrowser.driver(), server.port());
        ashaBrowser.viewport(360, 800);
        asha.openAddress(joinLink.substring(base.length()));
        asha.awaitJoinForm();
        assertThat(asha.codeShown()).as("the code from the link").isEqualTo(code);
        asha.joinAs("Asha");
        assertThat(asha.text(By.id("lobby-title"))).isEqualTo("You’re in!");

        LivePlayerPage meera = new LivePlayerPage(meeraBrowser.driver(), server.port());
        meeraBrowser.viewport(360, 800);
        meera.openAddress("/#/join/" + code);
        meera.awaitJoinForm();
        assertThat(meeraBrowser.driver().getCurrentUrl()).as("#/join/<code> leads to the join page")
                .isEqualTo(base + "/live?code=" + code);
        meera.chooseLanguageByKeyboard("hi");
        assertThat(meera.text(By.id("join-title"))).isEqualTo("लाइव क्विज में शामिल हों");
        assertThat(meera.codeShown()).isEqualTo(code);
        meeraBrowser.screenshot("player-hi-join");
        meera.joinAs("मीरा");
        assertThat(meera.text(By.id("lobby-title"))).isEqualTo("आप शामिल हो गए!");

        Live spoiler = Live.join(server.port(), code, "Spoiler");
        String sessionId = spoiler.sessionId();
        assertThat(host.awaitPlayers(3)).containsExactly("Asha", "मीरा", "Spoiler");
        assertThat(host.firstLanguage(By.id("players-title"))).isEqualTo("Players (3)");
        assertThat(host.secondLanguage(By.id("players-title"))).isEqualTo("खिलाड़ी (3)");
        hostBrowser.screenshot("host-lobby");
        host.assertFitsViewport("the lobby at 1280×720");
        hostBrowser.viewport(1920, 1080);
        hostBrowser.screenshot("host-lobby");
        host.assertFitsViewport("the lobby at 1920×1080");
        hostBrowser.viewport(1280, 720);
        host.remove("Spoiler");
        assertThat(host.awaitPlayers(2)).containsExactly("Asha", "मीरा");
        spoiler.request().get(LIVE + "/" + sessionId + "/state").then().statusCode(401);
        assertThat(hostState(sessionId).getInt("players")).isEqualTo(2);
        assertThat(host.text(By.id("shortcuts"))).contains("N Start the quiz", "F Full screen");

        host.press("n", "start");
        LivePlayerPage kabir = new LivePlayerPage(kabirBrowser.driver(), server.port());
        kabirBrowser.viewport(360, 800);
        List<LivePlayerPage> phones = List.of(asha, meera);
        List<Question> questions = key.quiz().questions();
        String questionId = null;
        for (int index = 0; index < questions.size(); index++) {
            String previous = questionId;
            questionId = asha.awaitQuestionAfter(previous);
            for (LivePlayerPage phone : phones) {
                assertThat(phone.awaitQuestionAfter(previous)).as("the same question on every phone").isEqualTo(questionId);
            }
            if (index == LATE_JOIN_AT) {
                kabir.openAddress("/#/join");
                kabir.awaitJoinForm();
                assertThat(kabirBrowser.driver().getCurrentUrl()).isEqualTo(base + "/live");
                kabir.joinWithCode(code, "Kabir");
                assertThat(kabir.awaitQuestionAfter(null)).as("a late player lands on the open question").isEqualTo(questionId);
                phones = List.of(asha, meera, kabir);
            }
            Question question = key.question(questionId);
            int players = phones.size();
            JsonPath state = hostState(sessionId);
            assertThat(state.getString("phase")).isEqualTo("question");
            assertThat(state.getInt("questionIndex")).isEqualTo(index);
            assertThat(state.getString("question.question.id")).isEqualTo(questionId);
            host.awaitAnswered(questionId, 0, players);
            assertThat(host.firstLanguage(LivePlayerPage.QUESTION)).isEqualTo(question.text().in("en", "en"));
            assertThat(host.secondLanguage(LivePlayerPage.QUESTION)).isEqualTo(question.text().in("hi", "en"));
            assertThat(host.firstLanguage(By.id("progress-text")))
                    .isEqualTo("Question " + (index + 1) + " of " + questions.size());
            assertThat(host.secondLanguage(By.id("progress-text"))).isEqualTo("प्रश्न " + (index + 1) + " / " + questions.size());
            assertThat(host.firstLanguage(By.cssSelector(".live-timer .timer-label"))).isEqualTo("Time left");
            assertThat(host.secondLanguage(By.cssSelector(".live-timer .timer-label"))).isEqualTo("शेष समय");
            assertThat(host.secondLanguage(By.id("answered-count"))).isEqualTo(players + " में से 0 ने उत्तर दिया");
            host.assertFitsViewport("question " + index + " (" + question.type().wireName() + ") at 1280×720");
            Instant deadline = Instant.parse(state.getString("question.deadline"));
            long before = secondsUntil(deadline);
            int shown = host.secondsLeft();
            assertThat(shown).as("the countdown to the server's deadline").isBetween(
                    (int) secondsUntil(deadline) - 1, (int) before + 1);
            assertThat(meera.text(LivePlayerPage.QUESTION)).isEqualTo(question.text().in("hi", "en"));
            assertThat(meera.text(By.id("progress-text"))).isEqualTo("प्रश्न " + (index + 1) + " / " + questions.size());
            meera.awaitAnnouncement("प्रश्न " + (index + 1) + " / " + questions.size() + ": " + question.text().in("hi", "en"));

            Answer meeraAnswer = question.type() == QuestionType.POLL
                    ? key.chosenAnswer(index, questionId) : question.correctAnswer().orElseThrow();
            if (index == 0 || index == 4) {
                meera.awaitAnswerControls();
                meeraBrowser.screenshot("player-hi-question-" + index + "-" + question.type().wireName());
            }
            meera.answerByKeyboard(meeraAnswer);
            assertThat(meera.text(LivePlayerPage.LOCKED_IN)).isEqualTo("उत्तर लॉक हो गया");
            Answer ashaAnswer = key.chosenAnswer(index, questionId);
            if (index == RELOAD_AT) {
                asha.awaitAnswerControls();
                asha.reload();
                assertThat(asha.awaitQuestionAfter(null)).as("the same question after a reload").isEqualTo(questionId);
                assertThat(ashaBrowser.driver().findElements(By.id("join-title"))).isEmpty();
            }
            asha.answer(ashaAnswer);
            assertThat(ashaBrowser.driver().findElements(By.cssSelector(".verdict-box, .right-answer")))
                    .as("nothing tells whether it is right before the question closes").isEmpty();
            Answer kabirAnswer = key.worthless(questionId);
            if (phones.contains(kabir)) {
                kabir.answer(kabirAnswer);
            }
            host.awaitAnswered(questionId, players, players);
            if (index == 0) {
                hostBrowser.screenshot("host-question");
                hostBrowser.viewport(1920, 1080);
                hostBrowser.screenshot("host-question");
                host.assertFitsViewport("question 0 at 1920×1080");
                hostBrowser.viewport(1280, 720);
                meeraBrowser.screenshot("player-hi-locked-in");
            }
            host.press("c", "close-now");

            host.awaitResults(questionId);
            JsonPath results = hostState(sessionId);
            assertThat(results.getString("phase")).isEqualTo("results");
            assertThat(host.text(By.cssSelector(".host-results .answered-count")))
                    .startsWith(players + " of " + players + " answered");
            assertThat(hostBrowser.driver().findElements(By.cssSelector(".host-results .distribution .bar")))
                    .as("a bar chart of how the crowd answered a %s question", question.type()).isNotEmpty();
            assertThat(host.text(By.cssSelector("#top tbody"))).isEqualTo(topRows(results.getList("results.top")));
            assertThat(host.text(By.id("source"))).startsWith("Source").endsWith(": " + key.source(questionId));
            assertThat(host.firstLanguage(By.cssSelector("#source .source-label"))).isEqualTo("Source");
            assertThat(host.secondLanguage(By.cssSelector("#source .source-label"))).isEqualTo("स्रोत");
            if (question.type() != QuestionType.POLL) {
                assertThat(host.text(By.cssSelector(".host-results .right-answer"))).startsWith("Right answer");
                assertThat(host.secondLanguage(By.cssSelector(".host-results .right-answer"))).startsWith("सही उत्तर:")
                        .doesNotContain("undefined");
            }
            assertThat(host.secondLanguage(By.cssSelector(".host-results .explanation")))
                    .isEqualTo(question.explanation().in("hi", "en"));
            assertThat(host.secondLanguage(By.cssSelector(".host-results .answered-count")))
                    .startsWith(players + " में से " + players + " ने उत्तर दिया");
            String type = question.type().wireName();
            host.assertFitsViewport("the results of question " + index + " (" + type + ") at 1280×720");
            if (index == 0 || List.of("numeric", "ordering", "matching", "short_text", "poll").contains(type)) {
                hostBrowser.screenshot("host-results-" + index + "-" + type);
            }
            if (index == 0) {
                hostBrowser.viewport(1920, 1080);
                hostBrowser.screenshot("host-results-" + index + "-" + type);
                host.assertFitsViewport("the results of question 0 at 1920×1080");
                hostBrowser.viewport(1280, 720);
            }

            assertThat(meera.awaitResults(questionId)).isEqualTo(question.type() == QuestionType.POLL ? "recorded" : "correct");
            assertThat(asha.awaitResults(questionId)).isEqualTo(question.type() == QuestionType.POLL ? "recorded"
                    : key.isRight(questionId, ashaAnswer) ? "correct" : "wrong");
            for (LivePlayerPage phone : phones) {
                phone.awaitResults(questionId);
                JsonPath you = playerState(sessionId, phone.token());
                String rankLine = phone.text(By.cssSelector(".rank-line"));
                String scoreLine = phone.text(By.cssSelector(".score-line"));
                int rank = you.getInt("results.you.rank");
                int score = you.getInt("results.you.score");
                if (phone == meera) {
                    assertThat(rankLine).isEqualTo("आपका स्थान: " + players + " में से " + rank);
                    assertThat(scoreLine).isEqualTo("आपके अंक: " + score);
                } else {
                    assertThat(rankLine).isEqualTo("Your rank: " + rank + " of " + players);
                    assertThat(scoreLine).isEqualTo("Your score: " + score);
                }
                phone.controls().assertNoHorizontalScroll();
            }
            if (index == 0 || type.equals("matching")) {
                meeraBrowser.screenshot("player-hi-results-" + index + "-" + type);
                ashaBrowser.screenshot("player-en-results-" + index + "-" + type);
            }
            if (index == RELOAD_AT) {
                ashaBrowser.screenshot("player-en-results-after-reload");
            }
            host.press("n", "next");
        }

        JsonPath ranking = given().baseUri(base).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .get(LIVE + "/" + sessionId + "/results").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> everyone = ranking.getList("ranking");
        assertThat(host.text(By.id("final-title"))).startsWith("Final results");
        List<String> podium = hostBrowser.driver().findElements(By.cssSelector(".podium .place")).stream()
                .map(WebElement::getText).toList();
        assertThat(podium).hasSize(3);
        for (int place = 0; place < 3; place++) {
            Map<String, Object> entry = everyone.get(place);
            assertThat(podium.get(place)).contains((String) entry.get("name"), entry.get("score") + " points");
        }
        assertThat(host.secondLanguage(By.cssSelector(".podium .place-1 .place-rank"))).isEqualTo("पहला स्थान");
        assertThat(host.secondLanguage(By.cssSelector("#ranking caption"))).isEqualTo("सभी खिलाड़ी");
        hostBrowser.screenshot("host-podium");
        host.assertFitsViewport("the podium at 1280×720");
        hostBrowser.viewport(1920, 1080);
        hostBrowser.screenshot("host-podium");
        host.assertFitsViewport("the podium at 1920×1080");
        assertThat(meera.text(LivePlayerPage.FINAL)).isEqualTo("अंतिम परिणाम");
        Map<String, Object> meeraRanked = everyone.stream().filter(entry -> entry.get("name").equals("मीरा")).findFirst()
                .orElseThrow();
        assertThat(meera.text(By.id("final-score"))).isEqualTo("आपका स्थान: 3 में से " + meeraRanked.get("rank")
                + " · आपके अंक: " + meeraRanked.get("score"));
        assertThat(meera.text(By.cssSelector(".podium .me"))).contains("मीरा", "(आप)");
        meeraBrowser.screenshot("player-hi-podium");
        assertThat(asha.text(LivePlayerPage.FINAL)).isEqualTo("Final results");
        assertThat(kabir.text(By.id("final-score"))).isEqualTo("You finished 3rd of 3 with 0 points.");
        for (Chromium browser : List.of(hostBrowser, ashaBrowser, meeraBrowser, kabirBrowser)) {
            assertThat(browser.contentSecurityViolations()).isEmpty();
        }
    }

    /** Whole seconds from now until {@code deadline}, rounded up as the countdown shows them. */
    private static long secondsUntil(Instant deadline) {
        return (deadline.toEpochMilli() - System.currentTimeMillis() + 999) / 1000;
    }

    /** The rows of the top five as the table shows them: rank, name and score. */
    private static String topRows(List<Map<String, Object>> top) {
        return String.join("\n", top.stream().map(entry -> entry.get("rank") + " " + entry.get("name") + " "
                + entry.get("score")).toList());
    }

    private JsonPath hostState(String sessionId) {
        return playerState(sessionId, ADMIN_TOKEN);
    }

    private JsonPath playerState(String sessionId, String token) {
        return given().baseUri("http://localhost").port(server.port()).header("Authorization", "Bearer " + token)
                .get(LIVE + "/" + sessionId + "/state").then().statusCode(200).extract().jsonPath();
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
    }
}
