package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.api.ApiConfig;

/** Pastes the README's curl walk-throughs into bash against a running demo, as a reader would. */
class ReadmeWalkthroughTest {

    private final ApiConfig config = ApiConfig.defaults().withPort(0);
    private final DemoServer server = DemoServer.start(config, DemoServerTest.tempStorage());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_walkthrough_ends_with_a_score_and_a_leaderboard_entry() throws Exception {
        String output = run(walkthrough("walkthrough"), Map.of());

        assertThat(output).contains("अपनी दिल्ली पुलिस को जानो");
        assertThat(output).contains("\"correct\":true");
        assertThat(output).containsPattern("\"status\":\"FINISHED\",\"score\":10,\"maxScore\":\\d+");
        assertThat(output).containsPattern("\"entries\":\\[\\{\"rank\":1,\"playerId\":\"[^\"]+\",\"name\":\"Asha\",\"score\":10");
    }

    @Test
    void the_live_walkthrough_runs_a_session_to_its_end_and_ranks_the_right_answer_first() throws Exception {
        String output = run(walkthrough("live-walkthrough"), Map.of("QUIZ_ADMIN_TOKEN", config.adminToken()));

        assertThat(output).containsPattern("\"code\":\"[0-9]{6}\",\"hostToken\":\"[^\"]+\"");
        assertThat(output).contains("\"phase\":\"lobby\"", "\"joinUrl\":\"/live?code=");
        assertThat(output).containsPattern("\"phase\":\"question\",\"questionIndex\":0,");
        assertThat(output).containsPattern("\\{\"questionId\":\"single-emergency-number\",\"accepted\":true,"
                + "\"answeredAt\":\"[^\"]+\"}\n\\{\"questionId\":\"single-emergency-number\",\"accepted\":true,");
        assertThat(output).containsPattern("\"phase\":\"results\",\"questionIndex\":0,");
        assertThat(output).containsPattern("\"ranking\":\\[\\{\"rank\":1,\"playerId\":\"[^\"]+\",\"name\":\"Asha\","
                + "\"score\":10,\"answered\":1,\"correct\":1,\"streak\":0},\\{\"rank\":2,\"playerId\":\"[^\"]+\","
                + "\"name\":\"Ravi\",\"score\":0");
        assertThat(output).contains("\"correctAnswer\":{\"choice\":\"b\"}",
                "\"you\":{\"answered\":true,\"correct\":true,\"points\":10,\"score\":10,\"rank\":1,\"streak\":1}");
        assertThat(output).containsPattern(" 15 event: question\n +15 event: results\n");
        assertThat(output).containsPattern(" 1 event: ended\n").containsPattern(" 1 event: state\n");
    }

    /**
     * Runs a script with bash (errors, unset variables and failed pipelines stop it) and returns what it printed.
     * Whatever it left running in the background is stopped after it, or when it takes too long.
     */
    private String run(String script, Map<String, String> environment) throws Exception {
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true);
        bash.environment().put("BASE", "http://localhost:" + server.port());
        bash.environment().putAll(environment);
        Process process = bash.start();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                process.getInputStream().transferTo(printed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        reader.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        reader.join(TimeUnit.SECONDS.toMillis(10));
        String output;
        synchronized (printed) {
            output = printed.toString(StandardCharsets.UTF_8);
        }
        assertThat(finished).as("the script ended in time: %s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The shell block between the README's {@code <!-- name:start -->} and {@code <!-- name:end -->} markers. */
    private static String walkthrough(String name) throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("<!-- " + name + ":start -->");
        int end = readme.indexOf("<!-- " + name + ":end -->");
        assertThat(start).as("%s markers in README.md", name).isNotNegative();
        assertThat(end).as("%s markers in README.md", name).isGreaterThan(start);
        String block = readme.substring(start, end);
        return block.substring(block.indexOf("```sh\n") + 6, block.lastIndexOf("```"));
    }
}
