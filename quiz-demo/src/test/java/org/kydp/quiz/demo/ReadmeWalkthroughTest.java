package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.api.ApiConfig;

/** Pastes the README's curl walk-through into bash against a running demo, as a reader would. */
class ReadmeWalkthroughTest {

    private final DemoServer server = DemoServer.start(ApiConfig.defaults().withPort(0), DemoServerTest.tempStorage());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_walkthrough_ends_with_a_score_and_a_leaderboard_entry() throws Exception {
        String script = walkthrough();
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true);
        bash.environment().put("BASE", "http://localhost:" + server.port());
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("अपनी दिल्ली पुलिस को जानो");
        assertThat(output).contains("\"correct\":true");
        assertThat(output).containsPattern("\"status\":\"FINISHED\",\"score\":10,\"maxScore\":\\d+");
        assertThat(output).containsPattern("\"entries\":\\[\\{\"rank\":1,\"playerId\":\"[^\"]+\",\"name\":\"Asha\",\"score\":10");
    }

    private static String walkthrough() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("<!-- walkthrough:start -->");
        int end = readme.indexOf("<!-- walkthrough:end -->");
        assertThat(start).as("walkthrough markers in README.md").isNotNegative();
        String block = readme.substring(start, end);
        return block.substring(block.indexOf("```sh\n") + 6, block.lastIndexOf("```"));
    }
}
