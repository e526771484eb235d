package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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
    private Map.Entry<String, Integer> lastMove;

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
        submitByMouse(answer);
        wait.until(ExpectedConditions.visibilityOfElementLocated(NEXT));
    }

    /** Gives the answer with the shown question's controls and the mouse, and sends it, waiting for nothing. */
    void submitByMouse(Answer answer) {
        if (answer instanceof Answer.Bool bool) {
            driver.findElement(By.cssSelector(".true-false button[data-value='" + bool.value() + "']")).click();
            return;
        }
        if (answer instanceof Answer.Choice choice) {
            option(choice.optionId()).click();
        } else if (answer instanceof Answer.Choices choices) {
            choices.optionIds().forEach(id -> option(id).click());
        } else if (answer instanceof Answer.Text text) {
            type(By.id("text-answer"), text.text(), false);
        } else if (answer instanceof Answer.Number number) {
            type(By.id("number-answer"), typed(number), false);
        } else if (answer instanceof Answer.Order order) {
            reorder(order, false);
        } else if (answer instanceof Answer.Pairs pairs) {
            pairs.pairs().forEach((left, right) -> new Select(matchFor(left)).selectByValue(right));
        }
        submitButton().click();
    }

    /**
     * Answers the shown question with the keyboard only, starting from the focused question: Tab into the
     * controls, arrows to pick a radio button, Space for check boxes, typing into text boxes, Enter on the
     * ordering buttons, arrows in a matching select, then Tab to the button and Enter; True/False are two buttons
     * in a row. Waits for the feedback.
     */
    void answerByKeyboard(Answer answer) {
        submitByKeyboard(answer);
        wait.until(ExpectedConditions.visibilityOfElementLocated(NEXT));
    }

    /** Gives the answer as {@link #answerByKeyboard} does, and sends it, waiting for nothing. */
    void submitByKeyboard(Answer answer) {
        if (answer instanceof Answer.Choice choice) {
            List<String> options = optionIds();
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
        } else if (answer instanceof Answer.Choices choices) {
            for (String id : optionIds()) {
                press(Keys.TAB);
                assertThat(focused().getDomAttribute("value")).isEqualTo(id);
                if (choices.optionIds().contains(id)) {
                    press(Keys.SPACE);
                }
            }
            assertThat(driver.findElements(By.cssSelector("input[name='choice']:checked")))
                    .extracting(box -> box.getDomAttribute("value")).containsExactlyInAnyOrderElementsOf(choices.optionIds());
            tabTo(submitButton());
            press(Keys.ENTER);
        } else if (answer instanceof Answer.Text text) {
            type(By.id("text-answer"), text.text(), true);
        } else if (answer instanceof Answer.Number number) {
            type(By.id("number-answer"), typed(number), true);
        } else if (answer instanceof Answer.Order order) {
            reorder(order, true);
            tabTo(submitButton());
            press(Keys.ENTER);
        } else if (answer instanceof Answer.Pairs pairs) {
            for (WebElement select : driver.findElements(By.cssSelector(".match select"))) {
                String right = pairs.pairs().get(select.getDomAttribute("data-left-id"));
                List<String> values = select.findElements(By.tagName("option")).stream()
                        .map(option -> option.getDomAttribute("value")).toList();
                tabTo(select);
                for (int step = 0; step < values.indexOf(right); step++) {
                    press(Keys.ARROW_DOWN);
                }
                assertThat(select.getDomProperty("value")).isEqualTo(right);
            }
            tabTo(submitButton());
            press(Keys.ENTER);
        }
    }

    /** Types into a text box and submits it: by mouse, clicking both; by keyboard, Tab to it and Enter. */
    private void type(By box, String text, boolean byKeyboard) {
        WebElement input = driver.findElement(box);
        if (byKeyboard) {
            press(Keys.TAB);
            assertThat(focused()).isEqualTo(input);
            input.sendKeys(text);
            assertThat(input.getDomProperty("value")).isEqualTo(text);
            press(Keys.ENTER);
        } else {
            input.click();
            input.sendKeys(text);
            assertThat(input.getDomProperty("value")).isEqualTo(text);
        }
    }

    /** Types something into the number box that is not a number and submits it; returns the refusal. */
    String typeNotANumber(String text) {
        WebElement input = driver.findElement(By.id("number-answer"));
        input.click();
        input.sendKeys(text);
        submitButton().click();
        String refusal = text(By.id("answer-error"));
        assertThat(input.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(focused()).isEqualTo(input);
        input.clear();
        return refusal;
    }

    /** The number as a person types it: 1930, not 1930.0. */
    private static String typed(Answer.Number number) {
        double value = number.value();
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * Puts the ordering list in the given order with its Move up buttons, item by item from the top: clicked, or
     * reached by Tab and pressed with Enter. The pressed button keeps the focus as its item moves.
     */
    private void reorder(Answer.Order order, boolean byKeyboard) {
        List<String> target = order.itemIds();
        lastMove = null;
        for (int place = 0; place < target.size(); place++) {
            int at = orderShown().indexOf(target.get(place));
            if (at == place) {
                continue;
            }
            lastMove = Map.entry(target.get(place), place);
            WebElement up = driver.findElement(By.cssSelector(".order-item[data-id='" + target.get(place) + "'] .move-up"));
            if (byKeyboard) {
                tabTo(up);
            }
            for (int step = at; step > place; step--) {
                if (byKeyboard) {
                    press(Keys.ENTER);
                } else {
                    up.click();
                }
                assertThat(focused()).as("the Move up button keeps the focus").isEqualTo(up);
            }
        }
        assertThat(orderShown()).isEqualTo(target);
    }

    /** The item the last ordering answer moved, and the place (from 0) it moved it to; empty if none moved. */
    Optional<Map.Entry<String, Integer>> lastMove() {
        return Optional.ofNullable(lastMove);
    }

    /** The ids of the ordering list's items, top to bottom. */
    List<String> orderShown() {
        return driver.findElements(By.cssSelector(".order-list .order-item")).stream()
                .map(item -> item.getDomAttribute("data-id")).toList();
    }

    /** What the ordering list last said in its live region (hidden from sight, so read as text content). */
    String orderAnnouncement() {
        return driver.findElement(By.id("order-status")).getDomProperty("textContent");
    }

    /** Presses Tab until the element has the focus. */
    private void tabTo(WebElement element) {
        for (int presses = 0; presses < 60 && !focused().equals(element); presses++) {
            press(Keys.TAB);
        }
        assertThat(focused()).as("reached by Tab").isEqualTo(element);
    }

    private List<String> optionIds() {
        return driver.findElements(By.cssSelector("input[name='choice']")).stream()
                .map(option -> option.getDomAttribute("value"))
                .toList();
    }

    private WebElement option(String id) {
        return driver.findElement(By.cssSelector("input[name='choice'][value='" + id + "']"));
    }

    private WebElement matchFor(String leftId) {
        return driver.findElement(By.cssSelector(".match select[data-left-id='" + leftId + "']"));
    }

    private WebElement submitButton() {
        return driver.findElement(By.cssSelector(".answer-form button[type='submit']"));
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
