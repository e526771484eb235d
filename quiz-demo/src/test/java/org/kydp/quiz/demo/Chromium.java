package org.kydp.quiz.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium for one test, driven by its chromedriver; nothing is downloaded (the driver path
 * is explicit, so Selenium Manager never runs). When a test fails, a screenshot and the page source are saved
 * under {@code target/browser-failures/}. Tests also save a screenshot at each step they name, to look at the pages,
 * in the directory {@code browser.screenshots} names ({@code target/screenshots/} in the {@code browser} profile).
 */
final class Chromium implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    static final String BROWSER = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private Path profile;
    private ChromeDriver driver;

    ChromeDriver driver() {
        return driver;
    }

    /** Sets the size of the viewport (the page's window.innerWidth × innerHeight) in CSS pixels. */
    void viewport(int width, int height) {
        Dimension outer = driver.manage().window().getSize();
        long innerWidth = (Long) driver.executeScript("return window.innerWidth");
        long innerHeight = (Long) driver.executeScript("return window.innerHeight");
        driver.manage().window().setSize(new Dimension(width + outer.width - (int) innerWidth,
                height + outer.height - (int) innerHeight));
    }

    /** Saves a screenshot of the whole page as {@code <name>.png} when {@code browser.screenshots} names a directory. */
    void screenshot(String name) {
        String directory = System.getProperty("browser.screenshots");
        if (directory == null || directory.isBlank()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(directory));
            long width = (Long) driver.executeScript("return window.innerWidth");
            long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Files.write(Path.of(directory, width + "-" + name + ".png"),
                    Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser's log lines so far that report a Content-Security-Policy violation. */
    List<String> contentSecurityViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        profile = Files.createTempDirectory("kydp-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=en-US", "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isPresent() && driver != null) {
            Path directory = Path.of(System.getProperty("browser.failures", "target/browser-failures"));
            Files.createDirectories(directory);
            String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
            Files.write(directory.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(directory.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            deleteRecursively(profile);
        }
    }

    /** Best effort: a browser process still exiting may hold on to a file of its profile. */
    private static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete the browser profile " + directory + ": " + e);
        }
    }
}
