package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.kydp.quiz.error.ErrorCode;
import org.kydp.quiz.error.StorageException;

/**
 * A database that cannot be opened is a {@link StorageException} that names it and says why in plain words, not
 * the pool's or the driver's own exception.
 */
class StorageFailuresTest {

    @TempDir
    Path data;

    @Test
    void an_h2_file_another_process_holds_is_a_storage_error_naming_the_file() throws Exception {
        JdbcConfig config = JdbcConfig.h2(data);
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldH2File.class.getName(), config.effectiveUrl())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("holding");

            StorageException refused = catchThrowableOfType(StorageException.class,
                    () -> JdbcStore.open(config).close());

            assertThat(refused).isNotNull();
            assertThat(refused.code()).isEqualTo(ErrorCode.STORAGE);
            assertThat(refused.getMessage())
                    .startsWith("cannot open the database " + config.url() + ": ")
                    .contains("in use by another process")
                    .doesNotContain("HikariPool", "\n");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        try (JdbcStore store = JdbcStore.open(config)) {
            store.check();
        }
    }

    @Test
    void a_database_server_that_cannot_be_reached_is_a_storage_error_with_the_password_hidden() {
        JdbcConfig config = JdbcConfig.of("jdbc:postgresql://127.0.0.1:1/quiz?password=secret", "quiz", "secret");

        StorageException refused = catchThrowableOfType(StorageException.class,
                () -> JdbcStore.open(config).close());

        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.STORAGE);
        assertThat(refused.getMessage())
                .startsWith("cannot open the database jdbc:postgresql://127.0.0.1:1/quiz?password=<hidden>: ")
                .containsIgnoringCase("refused")
                .doesNotContain("secret");
    }

    @Test
    void a_closed_store_refuses_writes_with_a_storage_error() {
        JdbcStore store = JdbcStore.open(JdbcConfig.h2(data));
        store.close();

        StorageException refused = catchThrowableOfType(StorageException.class, store::check);

        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).contains("cannot be reached").doesNotContain(File.separator + "\n");
    }
}
