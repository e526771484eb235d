package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.kydp.quiz.model.Player;

/**
 * H2 writes no trace file of its own beside the database: the exceptions it would trace reach the store, which
 * handles them or reports them, and the store logs through SLF4J alone.
 */
class NoTraceFileTest {

    @TempDir
    Path data;

    @Test
    void an_exception_inside_h2_leaves_no_trace_file_in_the_data_directory() throws IOException, SQLException {
        JdbcConfig config = JdbcConfig.h2(data);
        try (JdbcStore store = JdbcStore.open(config);
             Connection connection = DriverManager.getConnection(config.effectiveUrl(), config.user(),
                     config.password());
             Statement statement = connection.createStatement()) {
            store.players().add(new Player("p-1", "Asha", "hash-1", Instant.EPOCH));
            assertThatThrownBy(() -> store.players().add(new Player("p-1", "Asha", "hash-2", Instant.EPOCH)))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> statement.execute("SELECT * FROM no_such_table"))
                    .isInstanceOf(SQLException.class);
        }

        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("quiz.mv.db");
        }
    }
}
