package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write made while the JVM exits, before the application closes the store (a request a stopping server lets
 * finish), is stored: H2 does not close the database under it from a shutdown hook of its own.
 */
class ShutdownWritesTest {

    @TempDir
    Path data;

    @Test
    void a_write_in_a_shutdown_hook_before_the_store_closes_is_stored() throws IOException, InterruptedException {
        Process exiting = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WriteWhileExiting.class.getName(), data.toString(),
                "Asha").redirectErrorStream(true).start();
        assertThat(exiting.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(exiting.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(said).as("what the exiting JVM said").contains("registered ").doesNotContain("failed");
        String playerId = said.substring(said.indexOf("registered ") + 11).strip();
        try (JdbcStore store = JdbcStore.open(JdbcConfig.h2(data))) {
            assertThat(store.players().find(playerId)).as("the player registered while exiting").isPresent();
        }
    }
}
