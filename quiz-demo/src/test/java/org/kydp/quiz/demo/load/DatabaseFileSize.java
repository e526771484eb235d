package org.kydp.quiz.demo.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The size of the demo's H2 file ({@code QUIZ_DATA_DIR/quiz.mv.db}) while it runs, sampled at a fixed interval, and
 * what it shrinks to when a copy of it is compacted ({@code SHUTDOWN COMPACT}): how much of the file is space H2 has
 * not yet reclaimed.
 */
final class DatabaseFileSize implements AutoCloseable {

    static final String FILE = "quiz.mv.db";

    /** One sample: the file's size at a moment. */
    record Sample(Instant at, long bytes) {
    }

    /** What a compacted copy of the file holds: plays (finished attempts), all attempts, its size before and after. */
    record Compacted(long plays, long attempts, long bytesBefore, long bytesAfter) {
    }

    private final Path file;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "h2-file-size");
        thread.setDaemon(true);
        return thread;
    });

    /** Samples the file in this data directory after {@code delayMillis}, then every {@code interval}, until closed. */
    DatabaseFileSize(Path dataDirectory, Duration interval, long delayMillis) {
        this.file = dataDirectory.resolve(FILE);
        timer.scheduleAtFixedRate(this::sample, delayMillis, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            long bytes = Files.size(file);
            synchronized (samples) {
                samples.add(new Sample(Instant.now(), bytes));
            }
        } catch (IOException e) {
            // not there yet
        }
    }

    /** Takes a last sample and stops sampling. */
    @Override
    public void close() {
        timer.shutdownNow();
        sample();
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    long maxBytes() {
        return samples().stream().mapToLong(Sample::bytes).max().orElse(0);
    }

    long lastBytes() {
        List<Sample> all = samples();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).bytes();
    }

    /**
     * Copies the file of a data directory whose server is idle (every write it acknowledged is in the file, H2
     * writing with {@code WRITE_DELAY=0}) into a new directory under {@code workDirectory}; H2 opens such a copy as
     * it opens a file after a crash, from its last complete chunk.
     */
    static Path copy(Path dataDirectory, Path workDirectory) throws IOException {
        Path copy = Files.createTempDirectory(workDirectory, "h2-copy-");
        Files.copy(dataDirectory.resolve(FILE), copy.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /** Counts the plays in a copy and compacts it with H2 ({@code SHUTDOWN COMPACT}), then deletes it. */
    static Compacted compact(Path copy) throws IOException, SQLException {
        Path copied = copy.resolve(FILE);
        long before = Files.size(copied);
        String url = "jdbc:h2:file:" + copy.resolve("quiz") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        long plays;
        long attempts;
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            plays = count(statement, "SELECT COUNT(*) FROM attempts WHERE finished_at_ms IS NOT NULL");
            attempts = count(statement, "SELECT COUNT(*) FROM attempts");
            statement.execute("SHUTDOWN COMPACT");
        }
        long after = Files.size(copied);
        try (java.util.stream.Stream<Path> files = Files.walk(copy)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        return new Compacted(plays, attempts, before, after);
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
