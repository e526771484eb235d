package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the packaged jar as a user would: {@code java -jar quiz-demo.jar}, then stops it with SIGTERM. */
class DemoJarIT {

    private Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void the_jar_serves_the_demo_on_QUIZ_PORT_and_stops_cleanly_on_sigterm() throws Exception {
        Path jar = Path.of(System.getProperty("demo.jar", "target/quiz-demo.jar"));
        assertThat(jar).exists();
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true);
        builder.environment().put("QUIZ_PORT", Integer.toString(port));
        builder.environment().put("QUIZ_DATA_DIR", Files.createTempDirectory("quiz-demo-it").toString());
        builder.environment().remove("QUIZ_ADMIN_TOKEN");
        builder.environment().remove("QUIZ_ZONE");
        process = builder.start();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(this::readOutput);

        awaitLine("kydp-quiz demo is running: http://localhost:" + port + "/api/v1/quizzes", Duration.ofSeconds(30));
        assertThat(output).anyMatch(line -> line.contains("Admin token (generated for this run"))
                .contains("Play in a browser: http://localhost:" + port + "/")
                .anyMatch(line -> line.contains("kydp-quiz " + DemoServer.version() + " started on port " + port
                        + ": storage H2 file ") && line.endsWith("quiz.mv.db, zone Asia/Kolkata"));

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> quizzes = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/quizzes?lang=hi")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(quizzes.statusCode()).isEqualTo(200);
        assertThat(quizzes.body()).contains("अपनी दिल्ली पुलिस को जानो");

        process.toHandle().destroy(); // SIGTERM, leaving our end of its output open
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
        reader.get(5, TimeUnit.SECONDS);
        assertThat(output).contains("kydp-quiz demo stopped.");
        assertThat(String.join("\n", output)).doesNotContain("Exception");
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("<output closed: " + e.getMessage() + ">");
        }
    }

    private void awaitLine(String expected, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (output.contains(expected)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the demo exited with " + process.exitValue() + ":\n" + String.join("\n", output));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line '" + expected + "' within " + timeout + ":\n" + String.join("\n", output));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
