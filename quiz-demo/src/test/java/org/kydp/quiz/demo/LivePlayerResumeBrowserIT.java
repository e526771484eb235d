package org.kydp.quiz.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.kydp.quiz.api.ApiConfig;
import org.kydp.quiz.api.StorageConfig;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Question;

/**
 * A player of a live quiz in Hindi on a phone, whose page reloads and whose connection drops (the server restarts):
 * it comes back to the open question and still answers it, and follows the quiz to its end. The host's page shows
 * the same session in Hindi, in the same browser tab.
 */
class LivePlayerResumeBrowserIT {

    private static final String ADMIN_TOKEN = "browser-test-admin-token";
    private static final String LIVE = "/api/v1/live-sessions";

    private final StorageConfig storage = DemoServerTest.tempStorage();
    private final ApiConfig config = ApiConfig.defaults().withPort(freePort()).withAdminToken(ADMIN_TOKEN)
            .withRateLimitPerMinute(0);
    private DemoServer server = DemoServer.start(config, storage);

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_hindi_player_reloads_mid_question_answers_after_the_reload_and_resumes_after_the_connection_drops() {
        AnswerKey key = AnswerKey.of("know-your-delhi-police");
        ExtractableResponse<Response> session = given().baseUri("http://localhost").port(server.port())
                .contentType(ContentType.JSON).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .body(Map.of("quizId", key.quiz().id(), "language", "hi",
                        "settings", Map.of("questionTimeLimitMs", 60000, "readingTimeMs", 5000)))
                .post(LIVE).then().statusCode(201).extract();
        String sessionId = session.path("id");
        String code = session.path("code");
        String hostToken = session.path("hostToken");
        ChromeDriver driver = chromium.driver();
        LivePlayerPage player = new LivePlayerPage(driver, server.port());
        LiveHostPage host = new LiveHostPage(driver, server.port());

        chromium.viewport(360, 800);
        player.open("?code=" + code + "&lang=hi");
        player.awaitJoinForm();
        assertThat(player.text(By.id("join-title"))).isEqualTo("लाइव क्विज में शामिल हों");
        assertThat(player.text(By.cssSelector(".brand"))).isEqualTo("अपनी दिल्ली पुलिस को जानो");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("hi");
        assertThat(driver.getCurrentUrl()).as("the language is taken, not kept in the address").endsWith("/live?code=" + code);
        chromium.screenshot("player-hi-join");
        player.joinAs("आशा");
        assertThat(player.text(By.id("lobby-title"))).isEqualTo("आप शामिल हो गए!");
        assertThat(player.text(By.id("players-count"))).isEqualTo("1 खिलाड़ी शामिल हो चुके हैं।");
        chromium.screenshot("player-hi-lobby");

        // the host's page, in the same tab: it takes up the session this tab created over REST
        driver.executeScript("sessionStorage.setItem('kydp.live.hosting', JSON.stringify(arguments[0]))",
                Map.of("id", sessionId, "code", code, "hostToken", hostToken, "language", "hi"));
        chromium.viewport(1280, 900);
        driver.get("http://localhost:" + server.port() + "/live/host");
        assertThat(host.awaitPlayers(1)).containsExactly("आशा");
        assertThat(host.text(By.id("players-title"))).isEqualTo("खिलाड़ी (1)");
        assertThat(host.text(By.id("start"))).isEqualTo("क्विज शुरू करें");
        assertThat(driver.findElements(By.cssSelector(".second-language"))).as("a big screen in one language").isEmpty();
        chromium.screenshot("host-hi-lobby");
        host.click("start");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("close-now")));
        chromium.screenshot("host-hi-question");

        // back to the player's page, which comes back to the open question without asking to join again
        chromium.viewport(360, 800);
        player.open("?code=" + code);
        String first = player.awaitQuestionAfter(null);
        Question question = key.question(first);
        assertThat(player.text(LivePlayerPage.QUESTION)).isEqualTo(question.text().in("hi", "en"));
        assertThat(player.text(By.id("progress-text"))).isEqualTo("प्रश्न 1 / " + key.quiz().questions().size());
        player.awaitAnswerControls();
        int secondsBefore = player.secondsLeft();
        player.reload();
        assertThat(player.awaitQuestionAfter(null)).as("the same question after a reload").isEqualTo(first);
        player.awaitAnswerControls();
        assertThat(player.timerLabel()).isEqualTo("शेष समय");
        assertThat(player.secondsLeft()).as("the server's deadline, not a new one").isBetween(1, secondsBefore);
        assertThat(driver.findElements(By.id("join-title"))).isEmpty();
        chromium.screenshot("player-hi-question");
        Answer answer = key.question(first).correctAnswer().orElseThrow();
        player.answer(answer);
        assertThat(player.text(LivePlayerPage.LOCKED_IN)).isEqualTo("उत्तर लॉक हो गया");
        player.reload();
        assertThat(player.text(LivePlayerPage.LOCKED_IN)).as("still locked in after a reload").isEqualTo("उत्तर लॉक हो गया");
        assertThat(player.text(By.cssSelector(".locked .your-answer")))
                .startsWith("आपका उत्तर");
        chromium.screenshot("player-hi-locked-in");

        host(hostToken).post(LIVE + "/" + sessionId + "/close").then().statusCode(200);
        assertThat(player.awaitResults(first)).isEqualTo("correct");
        assertThat(player.text(By.id("results-title"))).isEqualTo("सही उत्तर!");
        assertThat(player.text(By.cssSelector(".rank-line"))).isEqualTo("आपका स्थान: 1 में से 1");
        assertThat(player.text(By.cssSelector(".points-earned"))).isEqualTo("+" + key.points(first, answer) + " अंक");
        player.controls().assertNoHorizontalScroll();
        chromium.screenshot("player-hi-results");

        host(hostToken).post(LIVE + "/" + sessionId + "/advance").then().statusCode(200);
        String second = player.awaitQuestionAfter(first);
        assertThat(player.timerLabel()).as("while the question is read").isEqualTo("तैयार हो जाइए");
        assertThat(player.text(By.cssSelector(".get-ready"))).isEqualTo("प्रश्न पढ़िए: उत्तर कुछ ही क्षणों में खुलेंगे।");
        assertThat(driver.findElements(By.cssSelector(".answer-form, .true-false"))).as("no answers yet").isEmpty();
        chromium.screenshot("player-hi-get-ready");
        player.awaitAnswerControls();
        assertThat(second).isNotEqualTo(first);

        // the connection drops: the server restarts; the page reconnects, and the player still answers
        server.close();
        assertThat(player.text(By.id("connection"))).isEqualTo("कनेक्शन टूट गया। दोबारा जोड़ रहे हैं…");
        chromium.screenshot("player-hi-reconnecting");
        server = DemoServer.start(config, storage);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("connection")));
        Answer secondAnswer = key.question(second).correctAnswer().orElseThrow();
        player.answer(secondAnswer);
        host(hostToken).post(LIVE + "/" + sessionId + "/end").then().statusCode(200);
        int total = key.points(first, answer) + key.points(second, secondAnswer);

        assertThat(player.text(LivePlayerPage.FINAL)).isEqualTo("अंतिम परिणाम");
        assertThat(player.text(By.cssSelector(".podium .place-1"))).contains("पहला स्थान", "आशा", "(आप)");
        assertThat(player.text(By.id("final-score")))
                .isEqualTo("आपका स्थान: 1 में से 1 · आपके अंक: " + total);
        assertThat(driver.findElement(By.id("connection")).isDisplayed()).isFalse();
        chromium.screenshot("player-hi-podium");

        chromium.viewport(1280, 900);
        driver.get("http://localhost:" + server.port() + "/live/host");
        assertThat(host.text(By.id("final-title"))).isEqualTo("अंतिम परिणाम");
        assertThat(host.text(By.cssSelector("#ranking tbody"))).contains("आशा");
        chromium.screenshot("host-hi-podium");
        assertThat(chromium.contentSecurityViolations()).isEmpty();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private io.restassured.specification.RequestSpecification host(String hostToken) {
        return given().baseUri("http://localhost").port(server.port()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + hostToken);
    }
}
