package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import org.kydp.quiz.model.Poll;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionType;

/** The web player in real headless Chromium, against a demo server of its own on a free port. */
class WebPlayerBrowserIT {

    private static final String ADMIN_TOKEN = "browser-test-admin-token";

    private final DemoServer server = DemoServer.start(ApiConfig.defaults().withPort(0).withAdminToken(ADMIN_TOKEN),
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
    void an_english_player_plays_a_quiz_of_every_type_on_a_desktop_and_finds_their_row_on_the_leaderboard() {
        AnswerKey key = AnswerKey.of("emergency-helplines");
        assertThat(key.types()).as("a quiz with every type").containsExactlyInAnyOrder(QuestionType.values());
        new RestPlayer(server.port(), "Rival").play(key.quiz().id(), key::worthless);
        WebPlayerPage page = page();
        chromium.viewport(1280, 900);
        page.open();
        assertThat(page.widths()).containsEntry("innerWidth", 1280L);
        page.assertNoHorizontalScroll();

        page.play("emergency-helplines");
        page.registerAs("Asha");
        Map<String, Answer> answers = playWholeQuiz(page, key, "en", false, votesOf(key, key::worthless));

        int expected = score(key, answers);
        assertThat(page.awaitScore()).isEqualTo("You scored " + expected + " of " + key.maxScore() + " points.");
        assertThat(expected).isStrictlyBetween(0, key.maxScore());
        assertThat(page.focused().getText()).isEqualTo("Your result");
        assertReview(page, key, answers, "en");
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
    void a_hindi_player_plays_a_quiz_of_every_type_by_keyboard_on_a_360_px_phone() {
        AnswerKey key = AnswerKey.of("know-your-delhi-police");
        assertThat(key.types()).as("a quiz with every type").containsExactlyInAnyOrder(QuestionType.values());
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
        Map<String, Answer> answers = playWholeQuiz(page, key, "hi", true, Map.of());

        int expected = score(key, answers);
        assertThat(page.awaitScore()).isEqualTo("आपने " + key.maxScore() + " में से " + expected + " अंक पाए।");
        assertThat(expected).isStrictlyBetween(0, key.maxScore());
        assertReview(page, key, answers, "hi");
        page.assertNoHorizontalScroll();
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
        assertThat(page.text(By.id("progress-text"))).isEqualTo("प्रश्न 2 / " + key.quiz().questions().size());
        assertThat(page.secondsLeft()).as("the same countdown").isLessThanOrEqualTo(secondsLeft);
        assertThat(page.focused().getDomAttribute("data-lang")).as("focus stays on the switch").isEqualTo("hi");
    }

    @Test
    void a_run_of_right_answers_shows_its_streak_bonus_with_the_points() {
        publish("""
                {"id": "streak", "languages": ["en", "hi"], "tags": ["test"],
                 "title": {"en": "Streaks", "hi": "लगातार सही"}, "description": {"en": "Three in a row", "hi": "तीन लगातार"},
                 "rules": {"scoring": {"streakBonus": true}, "review": "after_each_answer"},
                 "questions": [
                   {"id": "q1", "type": "true_false", "answer": true,
                    "text": {"en": "112 is India's single emergency number.", "hi": "112 भारत का एकल आपातकालीन नंबर है।"}},
                   {"id": "q2", "type": "true_false", "answer": true,
                    "text": {"en": "1930 is the cyber fraud helpline.", "hi": "1930 साइबर ठगी हेल्पलाइन है।"}},
                   {"id": "q3", "type": "true_false", "answer": true,
                    "text": {"en": "1098 is Childline.", "hi": "1098 चाइल्डलाइन है।"}}
                 ]}""");
        WebPlayerPage page = page();
        page.open();
        page.play("streak");
        page.registerAs("Kiran");
        String question = null;
        List<String> points = List.of("You earned 10 points.", "You earned 110 points.", "You earned 210 points.");
        for (int index = 0; index < 3; index++) {
            question = page.awaitQuestionAfter(question);
            page.answerByMouse(new Answer.Bool(true));
            assertThat(page.text(By.cssSelector("#feedback .points-earned"))).isEqualTo(points.get(index));
            List<WebElement> streak = chromium.driver().findElements(By.cssSelector("#feedback .streak"));
            if (index == 0) {
                assertThat(streak).as("no streak yet").isEmpty();
            } else {
                assertThat(streak).singleElement().extracting(WebElement::getText)
                        .isEqualTo("Of these, " + index * 100 + " are a streak bonus for right answers in a row.");
            }
            page.focused().click();
        }
        assertThat(page.awaitScore()).startsWith("You scored 330 of ");
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

    private void publish(String quizJson) {
        io.restassured.RestAssured.given().baseUri("http://localhost").port(server.port())
                .header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/json").body(quizJson)
                .post("/api/v1/admin/quizzes").then().statusCode(201);
        io.restassured.RestAssured.given().baseUri("http://localhost").port(server.port())
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .post("/api/v1/admin/quizzes/streak/publish").then().statusCode(200);
    }

    /**
     * Plays every question of a quiz, by mouse or by keyboard, checking the feedback in words, the points, a
     * poll's votes (counting {@code votesBefore} by option id), the explanation, the countdown, the focus and the
     * layout on the way; returns the answers given, by question id.
     */
    private Map<String, Answer> playWholeQuiz(WebPlayerPage page, AnswerKey key, String lang, boolean byKeyboard,
                                              Map<String, Long> votesBefore) {
        Map<String, Answer> answers = new java.util.LinkedHashMap<>();
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
            chromium.screenshot(lang + "-" + index + "-" + question.type().wireName());

            Answer answer = key.chosenAnswer(index, questionId);
            answers.put(questionId, answer);
            if (question.type() == QuestionType.NUMERIC && !byKeyboard) {
                assertThat(page.typeNotANumber("nineteen"))
                        .isEqualTo("“nineteen” is not a number. Type digits only, for example 112.");
            }
            if (byKeyboard) {
                page.answerByKeyboard(answer);
            } else {
                page.answerByMouse(answer);
            }
            if (question.type() == QuestionType.ORDERING) {
                page.lastMove().ifPresent(move -> assertThat(page.orderAnnouncement())
                        .as("the last move, said in the live region")
                        .isEqualTo(moved(textOf(question.choices(), move.getKey(), lang), move.getValue() + 1,
                                question.choices().size(), lang)));
            }
            chromium.screenshot(lang + "-" + index + "-" + question.type().wireName() + "-answered");

            boolean poll = question instanceof Poll;
            boolean right = key.isRight(questionId, answer);
            assertThat(page.verdict()).isEqualTo(verdict(lang, poll ? null : right));
            assertThat(page.explanation()).isEqualTo(question.explanation().in(lang, "en"));
            int points = key.points(questionId, answer);
            if (points > 0) {
                assertThat(page.text(By.cssSelector("#feedback .points-earned"))).isEqualTo(pointsEarned(lang, points));
            } else {
                assertThat(chromium.driver().findElements(By.cssSelector("#feedback .points-earned"))).isEmpty();
            }
            if (right || poll) {
                assertThat(chromium.driver().findElements(By.cssSelector("#feedback .right-answer"))).isEmpty();
            } else {
                assertThat(page.text(By.cssSelector("#feedback .right-answer")))
                        .isEqualTo(inWords(question, question.correctAnswer().orElseThrow(), lang, true));
            }
            if (poll) {
                Map<String, Long> votes = new HashMap<>(votesBefore);
                votes.merge(((Answer.Choice) answer).optionId(), 1L, Long::sum);
                assertVotes(page, (Poll) question, votes, ((Answer.Choice) answer).optionId(), lang);
            }
            assertThat(page.text(WebPlayerPage.FEEDBACK)).doesNotContain("null", "undefined", "NaN");
            assertThat(page.focused().getDomAttribute("id")).as("focus on the next step").isEqualTo("next");
            page.assertNoHorizontalScroll();

            if (byKeyboard) {
                page.press(Keys.ENTER);
            } else {
                page.focused().click();
            }
        }
        return answers;
    }

    private static String moved(String item, int position, int count, String lang) {
        return lang.equals("hi") ? "“" + item + "” अब " + count + " में से " + position + " नंबर पर है।"
                : "“" + item + "” is now number " + position + " of " + count + ".";
    }

    /** A poll's votes after the answer: each option's count and share in words, a bar, and the player's own. */
    private void assertVotes(WebPlayerPage page, Poll poll, Map<String, Long> votes, String mine, String lang) {
        long total = votes.values().stream().mapToLong(Long::longValue).sum();
        assertThat(page.text(By.id("votes-title"))).isEqualTo(lang.equals("hi")
                ? "अब तक सबकी राय (" + total + " वोट)"
                : "How everyone voted so far (" + (total == 1 ? "1 vote" : total + " votes") + ")");
        List<WebElement> rows = chromium.driver().findElements(By.cssSelector("#feedback .votes li"));
        assertThat(rows).extracting(row -> row.getDomAttribute("data-option-id"))
                .containsExactlyElementsOf(poll.options().stream().map(Question.Choice::id).toList());
        for (WebElement row : rows) {
            String id = row.getDomAttribute("data-option-id");
            long count = votes.getOrDefault(id, 0L);
            long percent = Math.round(100.0 * count / total);
            String text = poll.options().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow()
                    .text().in(lang, "en");
            String yours = id.equals(mine) ? (lang.equals("hi") ? " (आपका वोट)" : " (your vote)") : "";
            String counted = lang.equals("hi") ? count + " वोट, " + percent + "%"
                    : (count == 1 ? "1 vote" : count + " votes") + ", " + percent + "%";
            assertThat(row.findElement(By.className("vote-option")).getText()).isEqualTo(text + yours);
            assertThat(row.findElement(By.className("vote-count")).getText()).isEqualTo(counted);
            WebElement bar = row.findElement(By.tagName("progress"));
            assertThat(bar.getDomProperty("value")).isEqualTo(Long.toString(percent));
            assertThat(bar.getDomAttribute("aria-hidden")).as("the words say it; the bar only shows it").isEqualTo("true");
        }
    }

    /** The review after finishing: each answer and, when wrong, the right one, in words; polls are not wrong. */
    private void assertReview(WebPlayerPage page, AnswerKey key, Map<String, Answer> answers, String lang) {
        chromium.driver().findElement(By.cssSelector(".review summary")).click();
        List<WebElement> items = chromium.driver().findElements(By.cssSelector(".review > ol > li"));
        assertThat(items).hasSize(answers.size());
        for (WebElement item : items) {
            String questionId = item.getDomAttribute("data-question-id");
            Question question = key.question(questionId);
            Answer answer = answers.get(questionId);
            boolean right = key.isRight(questionId, answer);
            String verdict = verdict(lang, question instanceof Poll ? null : right);
            assertThat(item.findElement(By.className("verdict")).getText()).startsWith(verdict);
            assertThat(item.findElement(By.className("your-answer")).getText())
                    .isEqualTo(inWords(question, answer, lang, false));
            List<WebElement> rightAnswer = item.findElements(By.className("right-answer"));
            if (right || question instanceof Poll) {
                assertThat(rightAnswer).isEmpty();
            } else {
                assertThat(rightAnswer).singleElement().extracting(WebElement::getText)
                        .isEqualTo(inWords(question, question.correctAnswer().orElseThrow(), lang, true));
            }
            assertThat(item.findElement(By.className("source")).getText()).endsWith(question.source());
        }
        chromium.screenshot(lang + "-review");
    }

    /** How a poll stands when someone else played the quiz answering as {@code answers} says. */
    private static Map<String, Long> votesOf(AnswerKey key, java.util.function.Function<String, Answer> answers) {
        return key.quiz().questions().stream().filter(Poll.class::isInstance)
                .map(poll -> ((Answer.Choice) answers.apply(poll.id())).optionId())
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    }

    private static int score(AnswerKey key, Map<String, Answer> answers) {
        return answers.entrySet().stream().mapToInt(entry -> key.points(entry.getKey(), entry.getValue())).sum();
    }

    /** "Right answer: …" or "Your answer: …" as the page says it: one line, or a line and a list. */
    private static String inWords(Question question, Answer answer, String lang, boolean rightOne) {
        boolean hindi = lang.equals("hi");
        String label = rightOne ? (hindi ? "सही उत्तर" : "Right answer") : (hindi ? "आपका उत्तर" : "Your answer");
        List<String> parts = parts(question, answer, lang);
        return parts.size() == 1 && !(answer instanceof Answer.Choices || answer instanceof Answer.Order
                || answer instanceof Answer.Pairs)
                ? label + ": " + parts.get(0)
                : label + ":\n" + String.join("\n", parts);
    }

    private static List<String> parts(Question question, Answer answer, String lang) {
        if (answer instanceof Answer.Choice choice) {
            return List.of(textOf(question.choices(), choice.optionId(), lang));
        }
        if (answer instanceof Answer.Choices choices) {
            return question.choices().stream().filter(option -> choices.optionIds().contains(option.id()))
                    .map(option -> option.text().in(lang, "en")).toList();
        }
        if (answer instanceof Answer.Bool bool) {
            return List.of(lang.equals("hi") ? (bool.value() ? "सत्य" : "असत्य") : (bool.value() ? "True" : "False"));
        }
        if (answer instanceof Answer.Text text) {
            return List.of(text.text());
        }
        if (answer instanceof Answer.Number number) {
            double value = number.value();
            return List.of(value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value));
        }
        if (answer instanceof Answer.Order order) {
            return order.itemIds().stream().map(id -> textOf(question.choices(), id, lang)).toList();
        }
        Map<String, String> pairs = ((Answer.Pairs) answer).pairs();
        return question.left().stream()
                .map(left -> left.text().in(lang, "en") + ": " + textOf(question.right(), pairs.get(left.id()), lang))
                .toList();
    }

    private static String textOf(List<Question.Choice> choices, String id, String lang) {
        return choices.stream().filter(choice -> choice.id().equals(id)).findFirst().orElseThrow().text().in(lang, "en");
    }

    private static String pointsEarned(String lang, int points) {
        if (lang.equals("hi")) {
            return "आपको " + points + " अंक मिले।";
        }
        return points == 1 ? "You earned 1 point." : "You earned " + points + " points.";
    }

    /** The verdict after an answer: right, wrong, or (null) only recorded, as for a poll. */
    private static String verdict(String lang, Boolean right) {
        if (right == null) {
            return lang.equals("hi") ? "आपका उत्तर दर्ज हो गया है।" : "Your answer is recorded.";
        }
        if (lang.equals("hi")) {
            return right ? "सही उत्तर!" : "यह उत्तर सही नहीं है।";
        }
        return right ? "Correct!" : "Not quite.";
    }
}
