package org.kydp.quiz.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The size of the H2 file of a store, as it is and as {@code SHUTDOWN COMPACT} would leave the same data: the
 * latter on a consistent copy ({@code BACKUP TO}, which H2 takes while the store runs), opened and compacted in a
 * directory of its own, so that the store is not disturbed.
 */
final class H2FileSize {

    private H2FileSize() {
    }

    /** The database file of a store opened with {@link JdbcConfig#h2(Path)} on this directory. */
    static Path file(Path dataDirectory) {
        return dataDirectory.resolve("quiz.mv.db");
    }

    static long live(Path dataDirectory) {
        try {
            return Files.size(file(dataDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The size of the store's file after {@code SHUTDOWN COMPACT} of a copy taken now. A copy taken while the store
     * writes and compacts may not open ("File corrupted in chunk …": {@code BACKUP TO} copies the file as it is
     * being written); such a copy is taken again, up to five times.
     */
    static long compacted(JdbcStore store) {
        for (int attempt = 1; ; attempt++) {
            try {
                return compactedCopy(store);
            } catch (IllegalStateException e) {
                if (attempt == 5 || !String.valueOf(e.getMessage()).contains("File corrupted")) {
                    throw e;
                }
            }
        }
    }

    private static long compactedCopy(JdbcStore store) {
        try {
            Path copy = Files.createTempDirectory("quiz-h2-compacted-");
            Path zip = copy.resolve("backup.zip");
            store.jdbi().useHandle(handle -> handle.execute("BACKUP TO '" + zip + "'"));
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    if (entry.getName().endsWith(".mv.db")) {
                        Files.copy(in, copy.resolve("quiz.mv.db"));
                    }
                }
            }
            Files.delete(zip);
            try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("quiz"), "sa", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                deleteDirectory(copy);
                throw new IllegalStateException("could not compact a copy of the database: " + e.getMessage(), e);
            }
            long size = Files.size(copy.resolve("quiz.mv.db"));
            deleteDirectory(copy);
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteDirectory(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }
}
