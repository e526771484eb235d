package org.kydp.quiz.demo;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.kydp.quiz.model.Answer;

/** The join page of live quizzes, /live, as a player in the crowd uses it. Every step waits for what it leads to. */
final class LivePlayerPage {

    static final By QUESTION = By.id("question-text");
    static final By LOCKED_IN = By.id("locked-in");
    static final By RESULTS = By.id("results-title");
    static final By FINAL = By.id("final-title");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String base;
    private final WebPlayerPage controls;

    LivePlayerPage(ChromeDriver driver, int port) {
        this.driver = driver;
        // a question stays open for a minute in these tests, and the host's next move may take a while on a busy machine
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(50));
        this.base = "http://localhost:" + port;
        this.controls = new WebPlayerPage(driver, port);
    }

    /** Opens the address the host shows, or its QR code says: {@code /live?code=…}, with {@code &lang=…} if given. */
    void open(String query) {
        driver.get(base + "/live" + query);
    }

    /** Opens an address of this server, as printed on a poster or read out: /#/join, /#/join/123456. */
    void openAddress(String path) {
        driver.get(base + path);
    }

    /** Chooses the page's language by keyboard: the focus on its button in the header, then Enter. */
    void chooseLanguageByKeyboard(String lang) {
        driver.findElement(By.cssSelector(".language-switch button[data-lang='" + lang + "']")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
    }

    /** Types the code into the empty code box and the name, and joins with Enter; waits for the lobby or a question. */
    void joinWithCode(String code, String name) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code"))).sendKeys(code, Keys.TAB);
        WebElement input = driver.switchTo().activeElement();
        input.clear();
        input.sendKeys(name, Keys.ENTER);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("join-title")));
    }

    /** The token of this browser's latest join, as the page keeps it, to ask the REST API what it should show. */
    String token() {
        return (String) driver.executeScript(
                "const joins = JSON.parse(localStorage.getItem('kydp.live.joins')); return joins[joins.length - 1].token;");
    }

    void awaitJoinForm() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("join-title")));
    }

    String codeShown() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code"))).getDomProperty("value");
    }

    /** Types the name (the code is already there, from the address) and joins; waits for the lobby. */
    void joinAs(String name) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("name")));
        input.clear();
        input.sendKeys(name, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lobby-title")));
    }

    String text(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator)).getText();
    }

    /** Waits until the question is shown (its text, maybe not yet its controls) and returns its id. */
    String awaitQuestionAfter(String previousId) {
        return controls.awaitQuestionAfter(previousId);
    }

    /** Waits until answers are open: the controls are there. */
    void awaitAnswerControls() {
        wait.until(driver -> !driver.findElements(By.cssSelector(".answer .answer-form, .answer .true-false")).isEmpty());
    }

    /** Answers with the keyboard only, from the question that has the focus, and waits for "answer locked in". */
    void answerByKeyboard(Answer answer) {
        awaitAnswerControls();
        controls.submitByKeyboard(answer);
        wait.until(ExpectedConditions.visibilityOfElementLocated(LOCKED_IN));
    }

    /** Answers with the mouse once answers are open, and waits for "answer locked in". */
    void answer(Answer answer) {
        awaitAnswerControls();
        controls.submitByMouse(answer);
        wait.until(ExpectedConditions.visibilityOfElementLocated(LOCKED_IN));
    }

    /** Waits for the results of the question and returns the verdict: correct, wrong, unanswered or recorded. */
    String awaitResults(String questionId) {
        wait.until(driver -> {
            WebElement box = driver.findElement(By.cssSelector(".verdict-box"));
            return box.isDisplayed() && questionId.equals(
                    driver.findElement(By.cssSelector(".live-results")).getDomAttribute("data-question-id"));
        });
        return driver.findElement(By.cssSelector(".verdict-box")).getDomAttribute("data-verdict");
    }

    /** Waits until the page's live region says {@code message} to screen readers. */
    void awaitAnnouncement(String message) {
        wait.until(driver -> message.equals(driver.findElement(By.id("announcer")).getDomProperty("textContent")));
    }

    String timerLabel() {
        return text(By.cssSelector(".live-timer .timer-label"));
    }

    int secondsLeft() {
        return Integer.parseInt(text(By.cssSelector(".live-timer .big-clock")));
    }

    void reload() {
        driver.navigate().refresh();
    }

    WebPlayerPage controls() {
        return controls;
    }
}
