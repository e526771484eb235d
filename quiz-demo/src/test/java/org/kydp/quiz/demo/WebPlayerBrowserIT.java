package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.kydp.quiz.api.ApiConfig;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Question;

/** The web player in real headless Chromium, against a demo server of its own on a free port. */
class WebPlayerBrowserIT {

    private final DemoServer server = DemoServer.start(ApiConfig.defaults().withPort(0),
            DemoServerTest.tempStorage());

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @AfterEach
    void stop() {
        server.close();
    }

    private WebPlayerPage page() {
        return new WebPlayerPage(chromium.driver(), server.port());
    }

    @Test
    void an_english_player_plays_a_whole_quiz_on_a_desktop_and_finds_their_row_on_the_leaderboard() {
        new RestPlayer(server.port(), "Rival").finishWithoutAnswering("emergency-helplines");
        WebPlayerPage page = page();
        chromium.viewport(1280, 900);
        page.open();
        assertThat(page.widths()).containsEntry("innerWidth", 1280L);
        page.assertNoHorizontalScroll();

        page.play("emergency-helplines");
        page.registerAs("Asha");
        int expected = playWholeQuiz(page, AnswerKey.of("emergency-helplines"), "en", false);

        assertThat(page.awaitScore()).isEqualTo("You scored " + expected + " of 140 points.");
        assertThat(expected).isStrictlyBetween(0, 140);
        assertThat(page.focused().getText()).isEqualTo("Your result");
        assertThat(page.leaderboardRows()).hasSize(2);
        assertThat(page.highlightedRows()).singleElement().satisfies(row -> {
            assertThat(row.getText()).contains("Asha", "(you)", Integer.toString(expected));
            assertThat(row.getDomAttribute("aria-current")).isEqualTo("true");
        });
        page.assertNoHorizontalScroll();

        chromium.driver().findElement(By.linkText("All quizzes")).click();
        page.awaitQuizList();
        page.openLeaderboard("emergency-helplines");
        assertThat(page.text(By.tagName("h1"))).isEqualTo("Leaderboard: Emergency and Helpline Numbers");
        assertThat(page.leaderboardRows()).extracting(WebElement::getText)
                .satisfiesExactly(first -> assertThat(first).startsWith("1").contains("Asha"),
                        second -> assertThat(second).startsWith("2").contains("Rival").doesNotContain("(you)"));
        assertThat(page.highlightedRows()).singleElement().extracting(WebElement::getText).asString()
                .contains("Asha");
        page.assertNoHorizontalScroll();
        assertThat(chromium.contentSecurityViolations()).isEmpty();
    }

    @Test
    void a_hindi_player_plays_a_whole_quiz_by_keyboard_on_a_360_px_phone() {
        WebPlayerPage page = page();
        chromium.viewport(360, 800);
        page.open();
        assertThat(page.widths()).containsEntry("innerWidth", 360L);
        page.chooseLanguage("hi");
        chromium.driver().navigate().refresh();
        page.awaitQuizList();

        assertThat(page.text(By.cssSelector(".brand"))).as("remembered across a reload")
                .isEqualTo("अपनी दिल्ली पुलिस को जानो");
        assertThat(page.text(By.cssSelector("button[data-lang='hi']"))).as("the page's own Hindi, not mojibake")
                .isEqualTo("हिन्दी");
        assertThat(page.text(By.cssSelector(".card[data-quiz-id='know-your-delhi-police'] h2")))
                .isEqualTo("अपनी दिल्ली पुलिस को जानो");
        page.assertNoHorizontalScroll();

        page.play("know-your-delhi-police");
        page.registerAs("आशा");
        int expected = playWholeQuiz(page, AnswerKey.of("know-your-delhi-police"), "hi", true);

        assertThat(page.awaitScore()).isEqualTo("आपने 140 में से " + expected + " अंक पाए।");
        assertThat(page.highlightedRows()).singleElement().extracting(WebElement::getText).asString()
                .contains("आशा", "(आप)");
        page.assertNoHorizontalScroll();
        assertThat(chromium.contentSecurityViolations()).isEmpty();
    }

    @Test
    void switching_language_mid_quiz_shows_the_same_question_in_the_other_language() {
        AnswerKey key = AnswerKey.of("road-safety");
        WebPlayerPage page = page();
        page.open();
        page.play("road-safety");
        page.registerAs("Meera");
        String first = page.awaitQuestionAfter(null);
        page.answerByMouse(key.chosenAnswer(0, first));
        page.focused().click();
        String second = page.awaitQuestionAfter(first);
        int secondsLeft = page.secondsLeft();

        chromium.driver().findElement(By.cssSelector(".language-switch button[data-lang='hi']")).click();

        new WebDriverWait(chromium.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(
                WebPlayerPage.QUESTION, key.question(second).text().in("hi", "en")));
        assertThat(page.awaitQuestionAfter(first)).as("the same attempt, at the same question").isEqualTo(second);
        assertThat(page.text(By.id("progress-text"))).isEqualTo("प्रश्न 2 / 12");
        assertThat(page.secondsLeft()).as("the same countdown").isLessThanOrEqualTo(secondsLeft);
        assertThat(page.focused().getDomAttribute("data-lang")).as("focus stays on the switch").isEqualTo("hi");
    }

    @Test
    void a_hostile_nickname_is_shown_as_text_and_runs_nothing() {
        String hostile = "<img src=x onerror=alert(1)>";
        WebPlayerPage page = page();
        page.open();
        page.play("cyber-safety");
        page.registerAs(hostile);

        String refusal = page.text(By.id("name-error"));
        assertThat(refusal).contains("“" + hostile + "”");
        assertThat(chromium.driver().findElements(By.tagName("img"))).isEmpty();
        assertThatThrownBy(() -> chromium.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(page.focused().getDomAttribute("id")).isEqualTo("name");

        page.registerAs("Asha");
        page.awaitQuestionAfter(null);
        assertThat(page.text(By.id("player-name"))).isEqualTo("Playing as Asha");
    }

    @Test
    void a_player_whose_token_is_refused_is_registered_again_under_the_same_name() {
        WebPlayerPage page = page();
        page.open();
        page.setLocalStorage("kydp.player", "{\"id\":\"gone\",\"name\":\"Ravi\",\"token\":\"not-a-token\"}");
        chromium.driver().navigate().refresh();
        page.awaitQuizList();
        assertThat(page.text(By.id("player-name"))).isEqualTo("Playing as Ravi");

        page.play("road-safety");
        page.awaitQuestionAfter(null);

        assertThat(chromium.driver().findElements(By.id("name"))).as("no name form").isEmpty();
        assertThat((String) page.localStorage("kydp.player")).contains("\"name\":\"Ravi\"")
                .doesNotContain("not-a-token");
    }

    @Test
    void the_page_and_its_assets_are_served_with_a_content_security_policy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/", "/js/main.js", "/app.css")) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue(WebPlayer.CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
        assertThat(WebPlayer.CONTENT_SECURITY_POLICY).contains("script-src 'self'").doesNotContain("unsafe-inline");

        WebPlayerPage page = page();
        page.open();
        assertThat(chromium.contentSecurityViolations()).as("the page itself needs no exception").isEmpty();
        Object inlineRan = chromium.driver().executeScript("""
                const script = document.createElement('script');
                script.textContent = 'window.inlineRan = true';
                document.head.append(script);
                return window.inlineRan === true;""");
        assertThat(inlineRan).as("an inline script is blocked").isEqualTo(false);
        assertThat(chromium.contentSecurityViolations()).isNotEmpty();
    }

    /**
     * Plays every question of a quiz, by mouse or by keyboard, checking the feedback, the explanation, the
     * countdown, the focus and the layout on the way; returns the score the chosen answers must earn.
     */
    private int playWholeQuiz(WebPlayerPage page, AnswerKey key, String lang, boolean byKeyboard) {
        int expected = 0;
        String questionId = null;
        for (int index = 0; index < key.quiz().questions().size(); index++) {
            questionId = page.awaitQuestionAfter(questionId);
            Question question = key.question(questionId);
            assertThat(page.text(WebPlayerPage.QUESTION)).isEqualTo(question.text().in(lang, "en"));
            assertThat(page.secondsLeft()).isBetween(500, 600);
            if (index > 0) {
                assertThat(page.focused().getDomAttribute("id")).as("focus on the new question")
                        .isEqualTo("question-text");
            }
            page.assertNoHorizontalScroll();

            Answer answer = key.chosenAnswer(index, questionId);
            if (byKeyboard) {
                page.answerByKeyboard(answer);
            } else {
                page.answerByMouse(answer);
            }
            boolean right = key.isRight(questionId, answer);
            assertThat(page.verdict()).isEqualTo(verdict(lang, right));
            assertThat(page.explanation()).isEqualTo(question.explanation().in(lang, "en"));
            if (!right) {
                assertThat(page.text(By.cssSelector("#feedback .right-answer")))
                        .isEqualTo(rightAnswerLabel(lang) + ": " + inWords(question, question.correctAnswer().orElseThrow(), lang));
            }
            assertThat(page.text(WebPlayerPage.FEEDBACK)).doesNotContain("null", "undefined");
            assertThat(page.focused().getDomAttribute("id")).as("focus on the next step").isEqualTo("next");
            page.assertNoHorizontalScroll();
            expected += key.points(questionId, answer);

            if (byKeyboard) {
                page.press(Keys.ENTER);
            } else {
                page.focused().click();
            }
        }
        return expected;
    }

    private static String rightAnswerLabel(String lang) {
        return lang.equals("hi") ? "सही उत्तर" : "Right answer";
    }

    private static String inWords(Question question, Answer answer, String lang) {
        if (answer instanceof Answer.Choice choice) {
            return question.choices().stream().filter(option -> option.id().equals(choice.optionId()))
                    .findFirst().orElseThrow().text().in(lang, "en");
        }
        boolean value = ((Answer.Bool) answer).value();
        if (lang.equals("hi")) {
            return value ? "सत्य" : "असत्य";
        }
        return value ? "True" : "False";
    }

    private static String verdict(String lang, boolean right) {
        if (lang.equals("hi")) {
            return right ? "सही उत्तर!" : "यह उत्तर सही नहीं है।";
        }
        return right ? "Correct!" : "Not quite.";
    }
}
