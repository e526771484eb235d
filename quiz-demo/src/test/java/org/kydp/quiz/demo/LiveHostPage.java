package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The host's page of live quizzes, /live/host (or /#/host), as the person at the front of the hall uses it. */
final class LiveHostPage {

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String base;

    LiveHostPage(ChromeDriver driver, int port) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(50));
        this.base = "http://localhost:" + port;
    }

    void open() {
        open("/live/host");
    }

    /** Opens an address of this server that leads to the host's page, and waits for its setup form. */
    void open(String path) {
        driver.get(base + path);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-token")));
    }

    /**
     * Fills in the setup form and creates the session, the big screen in {@code display} ({@code en}, {@code hi} or
     * {@code both}); returns its join code, once the lobby shows it.
     */
    String create(String adminToken, String quizId, String display, int secondsPerQuestion, int readingSeconds) {
        WebElement token = driver.findElement(By.id("admin-token"));
        token.clear();
        token.sendKeys(adminToken);
        new Select(driver.findElement(By.id("quiz"))).selectByValue(quizId);
        new Select(driver.findElement(By.id("display-language"))).selectByValue(display);
        WebElement seconds = driver.findElement(By.id("question-seconds"));
        seconds.clear();
        seconds.sendKeys(Integer.toString(secondsPerQuestion));
        new Select(driver.findElement(By.id("reading-time"))).selectByValue(Integer.toString(readingSeconds));
        driver.findElement(By.cssSelector(".host-setup button[type='submit']")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("join-code"))).getDomAttribute("data-code");
    }

    String text(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator)).getText();
    }

    /** The names in the lobby's list of players, once it lists exactly {@code count}. */
    List<String> awaitPlayers(int count) {
        wait.until(driver -> driver.findElements(By.cssSelector("#players .player")).size() == count);
        return driver.findElements(By.cssSelector("#players .player .player-name-tag")).stream()
                .map(WebElement::getText).toList();
    }

    void remove(String name) {
        driver.findElement(By.cssSelector("#players button[aria-label='Remove " + name + "']")).click();
    }

    void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Presses a key of the host's shortcuts, once the button it presses is there and enabled. */
    void press(String key, String buttonId) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(buttonId)));
        new Actions(driver).sendKeys(key).perform();
    }

    /** A text of the screen in the page's language, without the second language stacked under it. */
    String firstLanguage(By locator) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        return firstText(element);
    }

    private String firstText(WebElement element) {
        return ((String) driver.executeScript("return arguments[0].firstChild?.textContent ?? ''", element)).strip();
    }

    /** The second language stacked under a text of the screen, once it is there. */
    String secondLanguage(By locator) {
        return wait.until(driver -> {
            List<WebElement> stacked = driver.findElement(locator).findElements(By.cssSelector(".second-language"));
            return stacked.isEmpty() ? null : stacked.get(0).getText();
        });
    }

    /** The whole seconds on the question's countdown. */
    int secondsLeft() {
        return Integer.parseInt(text(By.id("host-clock")));
    }

    /** Waits until question {@code questionId} is shown and {@code answered} of {@code players} answered it. */
    void awaitAnswered(String questionId, int answered, int players) {
        wait.until(ExpectedConditions.attributeToBe(By.id("question-text"), "data-question-id", questionId));
        String expected = answered + " of " + players + " answered";
        wait.until(driver -> expected.equals(firstText(driver.findElement(By.id("answered-count")))));
    }

    /** Waits for the results of question {@code questionId}. */
    void awaitResults(String questionId) {
        wait.until(driver -> !driver.findElements(By.cssSelector(".host-results #question-text[data-question-id='"
                + questionId + "']")).isEmpty());
    }

    /**
     * Asserts that the screen fits the viewport: the page scrolls neither down nor sideways, as a big screen in a
     * hall must not.
     */
    void assertFitsViewport(String screen) {
        @SuppressWarnings("unchecked")
        Map<String, Long> sizes = (Map<String, Long>) driver.executeScript("const root = document.documentElement; "
                + "return {scrollHeight: root.scrollHeight, innerHeight: window.innerHeight, "
                + "scrollWidth: root.scrollWidth, innerWidth: window.innerWidth};");
        assertThat(sizes.get("scrollHeight")).as("%s: the page's height within the viewport %s", screen, sizes)
                .isLessThanOrEqualTo(sizes.get("innerHeight"));
        assertThat(sizes.get("scrollWidth")).as("%s: the page's width within the viewport %s", screen, sizes)
                .isLessThanOrEqualTo(sizes.get("innerWidth"));
    }

    /** Whether the QR code image loaded: an image that failed has no natural width. */
    boolean qrCodeLoaded() {
        return wait.until(ignored -> (Boolean) driver.executeScript(
                "const img = document.getElementById('join-qr'); return img.complete ? img.naturalWidth > 0 : null;"));
    }
}
