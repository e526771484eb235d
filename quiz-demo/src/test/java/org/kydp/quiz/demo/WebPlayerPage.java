package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.kydp.quiz.model.Answer;

/** The web player as a person uses it, by mouse or by keyboard. Every step waits for what it leads to. */
final class WebPlayerPage {

    static final By QUESTION = By.id("question-text");
    static final By NEXT = By.id("next");
    static final By FEEDBACK = By.id("feedback");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String base;

    WebPlayerPage(ChromeDriver driver, int port) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50));
        this.base = "http://localhost:" + port;
    }

    void open() {
        driver.get(base + "/");
        awaitQuizList();
    }

    void awaitQuizList() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cards .card")));
    }

    void chooseLanguage(String lang) {
        driver.findElement(By.cssSelector(".language-switch button[data-lang='" + lang + "']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
        awaitQuizList();
    }

    String text(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator)).getText();
    }

    void play(String quizId) {
        driver.findElement(By.cssSelector(".card[data-quiz-id='" + quizId + "'] a[href='#/play/" + quizId + "']"))
                .click();
    }

    void openLeaderboard(String quizId) {
        driver.findElement(By.cssSelector(".card[data-quiz-id='" + quizId + "'] a[href='#/leaderboard/" + quizId
                + "']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".board .standings")));
    }

    void registerAs(String name) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("name")));
        input.clear();
        input.sendKeys(name, Keys.ENTER);
    }

    /** Waits until a question other than {@code previousId} is shown, ready to answer, and returns its id. */
    String awaitQuestionAfter(String previousId) {
        wait.until(driver -> {
            WebElement heading = driver.findElement(QUESTION);
            String id = heading.getDomAttribute("data-question-id");
            return id != null && !id.equals(previousId) && heading.isDisplayed();
        });
        return driver.findElement(QUESTION).getDomAttribute("data-question-id");
    }

    /** Answers the shown question with the mouse and waits for the feedback. */
    void answerByMouse(Answer answer) {
        if (answer instanceof Answer.Choice choice) {
            driver.findElement(By.cssSelector("input[name='choice'][value='" + choice.optionId() + "']")).click();
            driver.findElement(By.cssSelector(".answer-form button[type='submit']")).click();
        } else if (answer instanceof Answer.Bool bool) {
            driver.findElement(By.cssSelector(".true-false button[data-value='" + bool.value() + "']")).click();
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(NEXT));
    }

    /**
     * Answers the shown question with the keyboard only, starting from the focused question: Tab into the
     * options, arrows to pick one, Tab to the button and Enter; True/False are two buttons in a row.
     */
    void answerByKeyboard(Answer answer) {
        if (answer instanceof Answer.Choice choice) {
            List<String> options = driver.findElements(By.cssSelector("input[name='choice']")).stream()
                    .map(option -> option.getDomAttribute("value"))
                    .toList();
            press(Keys.TAB);
            int position = options.indexOf(choice.optionId());
            press(position == 0 ? Keys.SPACE : Keys.ARROW_DOWN);
            for (int step = 1; step < position; step++) {
                press(Keys.ARROW_DOWN);
            }
            assertThat(driver.findElement(By.cssSelector("input[name='choice']:checked")).getDomAttribute("value"))
                    .isEqualTo(choice.optionId());
            press(Keys.TAB);
            press(Keys.ENTER);
        } else if (answer instanceof Answer.Bool bool) {
            press(Keys.TAB);
            if (!bool.value()) {
                press(Keys.TAB);
            }
            press(Keys.ENTER);
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(NEXT));
    }

    void press(CharSequence key) {
        driver.switchTo().activeElement().sendKeys(key);
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    String verdict() {
        return text(By.cssSelector("#feedback .verdict"));
    }

    String explanation() {
        return text(By.cssSelector("#feedback .explanation"));
    }

    /** Seconds left on the visible countdown, read from its "m:ss". */
    int secondsLeft() {
        String[] parts = text(By.cssSelector(".timer .clock")).split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    String awaitScore() {
        return text(By.id("score"));
    }

    List<WebElement> leaderboardRows() {
        return driver.findElements(By.cssSelector("table.leaderboard tbody tr"));
    }

    List<WebElement> highlightedRows() {
        return driver.findElements(By.cssSelector("table.leaderboard tbody tr.me"));
    }

    /** document width and viewport width: a page wider than its viewport scrolls sideways. */
    Map<String, Long> widths() {
        @SuppressWarnings("unchecked")
        Map<String, Long> widths = (Map<String, Long>) driver.executeScript(
                "return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth}");
        return widths;
    }

    void assertNoHorizontalScroll() {
        Map<String, Long> widths = widths();
        assertThat(widths.get("scrollWidth")).as("document width %s within the viewport", widths)
                .isLessThanOrEqualTo(widths.get("innerWidth"));
    }

    Object localStorage(String key) {
        return driver.executeScript("return window.localStorage.getItem(arguments[0])", key);
    }

    void setLocalStorage(String key, String value) {
        driver.executeScript("window.localStorage.setItem(arguments[0], arguments[1])", key, value);
    }
}
