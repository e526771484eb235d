package org.kydp.quiz.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.kydp.quiz.api.ApiConfig;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.SingleChoice;

/**
 * The statistics page, /stats, in real headless Chromium: five players play a quiz over the REST API, all four who
 * answer choosing the same wrong option to its first question; the quiz's owner opens the page, gives the admin
 * token, picks the quiz and reads its figures: the questions the hardest first, that question flagged, its bars
 * counting what was played, today's bar of the chart; in English and Hindi, at 1280×720 and 360 pixels; a backwards
 * range of days refused with the server's reason; a month of days, its chart scrolled to today within the page; the
 * CSV downloaded with its byte-order mark.
 */
class StatsPageBrowserIT {

    private static final String ADMIN_TOKEN = "browser-test-admin-token";
    private static final String QUIZ = "emergency-helplines";
    /** The question everybody who answers gets wrong, with the same wrong option. */
    private static final String HARD = "single-emergency-number";
    private static final List<String> PLAYERS = List.of("Asha", "Meera", "Kabir", "Ravi");

    private final ApiConfig config = ApiConfig.defaults().withPort(0).withAdminToken(ADMIN_TOKEN)
            .withRateLimitPerMinute(0);
    private final DemoServer server = DemoServer.start(config, DemoServerTest.tempStorage());

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @TempDir
    Path downloads;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_quiz_owner_reads_a_quiz_s_statistics_the_hardest_question_first_with_its_flag_and_bars() throws IOException {
        AnswerKey key = AnswerKey.of(QUIZ);
        SingleChoice hard = (SingleChoice) key.question(HARD);
        String wrongOption = hard.options().stream().filter(option -> !option.correct()).findFirst().orElseThrow().id();
        String rightOption = hard.options().stream().filter(option -> option.correct()).findFirst().orElseThrow().id();
        List<Question> questions = key.quiz().questions();
        for (int player = 0; player < PLAYERS.size(); player++) {
            int shift = player;
            new RestPlayer(server.port(), PLAYERS.get(player)).play(QUIZ, questionId -> questionId.equals(HARD)
                    ? new Answer.Choice(wrongOption)
                    : key.chosenAnswer(indexOf(questions, questionId) + shift, questionId));
        }
        new RestPlayer(server.port(), "Latecomer").finishWithoutAnswering(QUIZ);
        LocalDate today = LocalDate.now(config.zone());
        List<Map<String, Object>> fromApi = given().baseUri("http://localhost").port(server.port())
                .header("Authorization", "Bearer " + ADMIN_TOKEN).get("/api/v1/admin/quizzes/" + QUIZ + "/stats")
                .then().statusCode(200).extract().jsonPath().getList("questions");
        List<String> hardestFirst = hardestFirst(fromApi);

        ChromeDriver driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(50));
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
        chromium.viewport(1280, 720);
        driver.get("http://localhost:" + server.port() + "/#/stats");
        wait.until(ExpectedConditions.urlToBe("http://localhost:" + server.port() + "/stats"));
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-token")));
        token.sendKeys("not-the-token");
        driver.findElement(By.cssSelector(".stats-token button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("token-error"), "That is not the admin token."));
        token.clear();
        token.sendKeys(ADMIN_TOKEN);
        driver.findElement(By.cssSelector(".stats-token button[type='submit']")).click();
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("stats-quiz")))).selectByValue(QUIZ);
        By hardCard = By.cssSelector(".stats-question[data-question-id='" + HARD + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(hardCard));
        assertThat(driver.getCurrentUrl()).as("the token never goes in the address").doesNotContain(ADMIN_TOKEN);
        assertThat(driver.findElement(By.id("stats-quiz-title")).getText()).isEqualTo(key.quiz().title().in("en", "en"));
        assertThat(figure(driver, ".stats-figures", "started")).isEqualTo("5");
        assertThat(figure(driver, ".stats-figures", "finished")).isEqualTo("5");
        assertThat(figure(driver, ".stats-figures", "players")).isEqualTo("5");

        List<WebElement> cards = driver.findElements(By.cssSelector("#stats-question-list > .stats-question"));
        assertThat(cards.stream().map(card -> card.getDomAttribute("data-question-id")).toList())
                .as("the questions, the lowest facility first, the poll last").isEqualTo(hardestFirst);
        List<Double> facilities = cards.stream().map(card -> card.getDomAttribute("data-facility"))
                .filter(facility -> !facility.isEmpty()).map(Double::valueOf).toList();
        assertThat(facilities).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(hardestFirst.get(0)).isEqualTo(HARD);

        WebElement card = driver.findElement(hardCard);
        assertThat(card.findElement(By.cssSelector(".question-text")).getText()).isEqualTo(hard.text().in("en", "en"));
        assertThat(figure(card, "facility")).isEqualTo("0%");
        assertThat(card.findElement(By.cssSelector(".flag[data-flag='low_facility'] .flag-name")).getText())
                .isEqualTo("⚠ Most get this wrong");
        WebElement chosen = card.findElement(By.cssSelector(".bar-row[data-id='" + wrongOption + "']"));
        assertThat(chosen.getDomAttribute("data-count")).isEqualTo("4");
        assertThat(chosen.findElement(By.cssSelector(".bar-number")).getText()).isEqualTo("4 (100%)");
        assertThat(chosen.findElement(By.cssSelector("svg.share-bar rect.fill")).getDomAttribute("width")).isEqualTo("100");
        WebElement right = card.findElement(By.cssSelector(".bar-row[data-id='" + rightOption + "']"));
        assertThat(right.getDomAttribute("class")).contains("right");
        assertThat(right.findElement(By.cssSelector(".right-mark")).getText()).isEqualTo("✓ right answer");
        assertThat(right.findElement(By.cssSelector(".bar-number")).getText()).isEqualTo("0 (0%)");
        Map<String, Object> hardFromApi = fromApi.stream().filter(question -> question.get("questionId").equals(HARD))
                .findFirst().orElseThrow();
        assertThat(figure(card, "answered")).isEqualTo("4");
        assertThat(figure(card, "skipped")).isEqualTo(String.valueOf(hardFromApi.get("skipped")));

        WebElement todayBar = driver.findElement(By.cssSelector(".day-chart .day[data-date='" + today + "']"));
        assertThat(todayBar.getDomAttribute("data-finished")).isEqualTo("5");
        assertThat(todayBar.findElement(By.cssSelector(".day-count")).getText()).isEqualTo("5");
        assertThat(Double.parseDouble(todayBar.findElement(By.cssSelector(".day-bar")).getDomAttribute("height")))
                .isPositive();
        assertNoSidewaysScroll(driver, "1280×720");
        chromium.screenshot("stats-en");

        driver.findElement(By.id("download-csv")).click();
        Path csv = downloads.resolve(QUIZ + "-stats.csv");
        wait.until(ignored -> Files.isRegularFile(csv));
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("question_id", HARD);

        chromium.viewport(360, 800);
        assertNoSidewaysScroll(driver, "360 pixels");
        chromium.screenshot("stats-en");

        driver.findElement(By.cssSelector(".language-switch [data-lang='hi']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("questions-title"), "प्रश्न, सबसे कठिन पहले"));
        assertThat(driver.findElement(By.id("stats-title")).getText()).isEqualTo("क्विज के आंकड़े");
        assertThat(driver.findElement(By.id("stats-quiz-title")).getText()).isEqualTo(key.quiz().title().in("hi", "en"));
        card = driver.findElement(hardCard);
        assertThat(card.findElement(By.cssSelector(".question-text")).getText()).isEqualTo(hard.text().in("hi", "en"));
        assertThat(card.findElement(By.cssSelector(".flag[data-flag='low_facility'] .flag-name")).getText())
                .isEqualTo("⚠ ज्यादातर लोग गलत उत्तर देते हैं");
        assertThat(card.findElement(By.cssSelector(".bar-row[data-id='" + rightOption + "'] .right-mark")).getText())
                .isEqualTo("✓ सही उत्तर");
        assertThat(driver.findElement(By.cssSelector(".stats-figures [data-figure='finished'] dt")).getText())
                .isEqualTo("पूरे किए गए प्रयास");
        assertThat(driver.findElement(By.cssSelector("#stats-question-list > .stats-question")).getDomAttribute("data-question-id"))
                .isEqualTo(HARD);
        assertNoSidewaysScroll(driver, "360 pixels, in Hindi");
        chromium.screenshot("stats-hi");
        chromium.viewport(1280, 720);
        chromium.screenshot("stats-hi");

        driver.findElement(By.cssSelector(".language-switch [data-lang='en']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("questions-title"), "Questions, the hardest first"));
        enterDate(driver, "stats-from", today);
        enterDate(driver, "stats-to", today.minusDays(1));
        driver.findElement(By.id("show-stats")).click();
        String refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#stats-error .problem-detail")))
                .getText();
        assertThat(driver.findElement(By.id("stats-error")).getText()).startsWith("The server did not accept this:");
        assertThat(refusal).contains("must not be before from (" + today + ")");
        assertThat(driver.findElements(By.cssSelector(".stats-question"))).as("no figures for days refused").isEmpty();
        chromium.screenshot("stats-en-refused");

        enterDate(driver, "stats-from", today);
        enterDate(driver, "stats-to", today);
        driver.findElement(By.id("show-stats")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(hardCard));
        assertThat(driver.findElement(By.id("stats-error")).getText()).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".day-chart .day"))).hasSize(1);

        enterDate(driver, "stats-from", today.minusDays(29));
        driver.findElement(By.id("show-stats")).click();
        wait.until(ignored -> driver.findElements(By.cssSelector(".day-chart .day")).size() == 30);
        assertThat(driver.findElement(By.cssSelector(".day-chart .day[data-date='" + today + "']"))
                .getDomAttribute("data-finished")).isEqualTo("5");
        assertThat(driver.findElement(By.cssSelector(".day-chart .day[data-date='" + today.minusDays(1) + "']"))
                .getDomAttribute("data-finished")).isEqualTo("0");
        chromium.viewport(360, 800);
        assertNoSidewaysScroll(driver, "30 days at 360 pixels");
        WebElement chart = driver.findElement(By.cssSelector(".chart-scroll"));
        wait.until(ignored -> ((Number) driver.executeScript(
                "const box = arguments[0]; return box.scrollWidth - box.clientWidth - box.scrollLeft;", chart))
                .doubleValue() < 1);
        assertThat(driver.findElement(By.cssSelector(".day-chart .day[data-date='" + today + "'] .day-count"))
                .isDisplayed()).as("today's bar in sight, the chart scrolled to its end").isTrue();
        chromium.screenshot("stats-en-30-days");
        assertThat(chromium.contentSecurityViolations()).isEmpty();
    }

    /** The question ids as the page should list them: the lowest facility first, those without one (polls) last. */
    private static List<String> hardestFirst(List<Map<String, Object>> questions) {
        List<Map<String, Object>> sorted = new ArrayList<>(questions);
        sorted.sort(Comparator.comparing(question -> (Number) question.get("facility"),
                Comparator.nullsLast(Comparator.comparingDouble(Number::doubleValue))));
        return sorted.stream().map(question -> (String) question.get("questionId")).toList();
    }

    private static int indexOf(List<Question> questions, String questionId) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).id().equals(questionId)) {
                return i;
            }
        }
        throw new AssertionError("no question " + questionId);
    }

    private static String figure(ChromeDriver driver, String list, String name) {
        return driver.findElement(By.cssSelector(list + " [data-figure='" + name + "'] dd")).getText();
    }

    private static String figure(WebElement card, String name) {
        return card.findElement(By.cssSelector(".question-figures [data-figure='" + name + "'] dd")).getText();
    }

    /** Types a day into a date field as a user of an en-US browser does: month, day, year. */
    private static void enterDate(ChromeDriver driver, String id, LocalDate date) {
        WebElement field = driver.findElement(By.id(id));
        field.sendKeys(String.format("%02d%02d%04d", date.getMonthValue(), date.getDayOfMonth(), date.getYear()));
        assertThat(field.getDomProperty("value")).as("the date typed into #%s", id).isEqualTo(date.toString());
    }

    private static void assertNoSidewaysScroll(ChromeDriver driver, String where) {
        @SuppressWarnings("unchecked")
        Map<String, Long> sizes = (Map<String, Long>) driver.executeScript("const root = document.documentElement; "
                + "return {scrollWidth: root.scrollWidth, innerWidth: window.innerWidth};");
        assertThat(sizes.get("scrollWidth")).as("%s: the page's width within the viewport %s", where, sizes)
                .isLessThanOrEqualTo(sizes.get("innerWidth"));
    }
}
