package org.kydp.quiz.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

import org.kydp.quiz.store.jdbc.CacheSizes;
import org.kydp.quiz.store.jdbc.JdbcConfig;

/**
 * Where the server keeps its data. By default an H2 database in the directory {@code QUIZ_DATA_DIR} (default
 * {@code ./data}); {@code QUIZ_DB_URL} (with {@code QUIZ_DB_USER} and {@code QUIZ_DB_PASSWORD}) names another
 * database instead, PostgreSQL for production and for several servers. {@code QUIZ_DB_STATEMENT_TIMEOUT_MS} bounds
 * how long one statement may run, and {@code QUIZ_CACHED_ATTEMPTS}, {@code QUIZ_CACHED_PLAYERS} and
 * {@code QUIZ_CACHED_QUIZ_VERSIONS} how much the store keeps in memory. Each setting is also a system property
 * ({@code -Dquiz.db.url=…}, which wins) and a method here for embedders.
 *
 * @param dataDirectory    where the H2 database lives when no URL is given
 * @param dbUrl            a JDBC URL ({@code jdbc:postgresql://host/db}), or null for H2 under the data directory
 * @param dbUser           the database user, or null
 * @param dbPassword       the database password, or null
 * @param statementTimeout how long one statement may run before it is cancelled ({@link JdbcConfig#statementTimeout()})
 * @param caches           how many entries each cache of the store keeps at most
 */
public record StorageConfig(Path dataDirectory, String dbUrl, String dbUser, String dbPassword,
                            Duration statementTimeout, CacheSizes caches) {

    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("data");

    /** A {@code password} parameter of a JDBC URL ({@code ?password=…}, {@code &password=…}, H2's {@code ;PASSWORD=…}). */
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)([?&;]password=)[^&;]*");

    public StorageConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(caches, "caches");
        if (dbUrl != null) {
            JdbcConfig.of(dbUrl, dbUser, dbPassword); // refuses what is not PostgreSQL or H2, at start
        }
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("QUIZ_DB_STATEMENT_TIMEOUT_MS must be positive, got "
                    + statementTimeout.toMillis());
        }
    }

    /** The data and database as given, the statement timeout and the cache sizes by default. */
    public StorageConfig(Path dataDirectory, String dbUrl, String dbUser, String dbPassword) {
        this(dataDirectory, dbUrl, dbUser, dbPassword, JdbcConfig.DEFAULT_STATEMENT_TIMEOUT, CacheSizes.DEFAULTS);
    }

    /** H2 under {@code ./data}. */
    public static StorageConfig defaults() {
        return new StorageConfig(DEFAULT_DATA_DIRECTORY, null, null, null);
    }

    /**
     * Reads {@code QUIZ_DATA_DIR}, {@code QUIZ_DB_URL}, {@code QUIZ_DB_USER}, {@code QUIZ_DB_PASSWORD},
     * {@code QUIZ_DB_STATEMENT_TIMEOUT_MS}, {@code QUIZ_CACHED_ATTEMPTS}, {@code QUIZ_CACHED_PLAYERS} and
     * {@code QUIZ_CACHED_QUIZ_VERSIONS}.
     */
    public static StorageConfig fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    /** Reads the settings from the given environment and properties (properties win). */
    public static StorageConfig from(Map<String, String> env, Properties properties) {
        Settings settings = new Settings(env, properties);
        String directory = settings.get("DATA_DIR");
        CacheSizes caches = CacheSizes.DEFAULTS;
        caches = caches.withAttempts(settings.getInt("CACHED_ATTEMPTS", caches.attempts()));
        caches = caches.withPlayers(settings.getInt("CACHED_PLAYERS", caches.players()));
        caches = caches.withQuizVersions(settings.getInt("CACHED_QUIZ_VERSIONS", caches.quizVersions()));
        return new StorageConfig(directory == null ? DEFAULT_DATA_DIRECTORY : Path.of(directory),
                settings.get("DB_URL"), settings.get("DB_USER"), settings.get("DB_PASSWORD"),
                Duration.ofMillis(settings.getInt("DB_STATEMENT_TIMEOUT_MS",
                        (int) JdbcConfig.DEFAULT_STATEMENT_TIMEOUT.toMillis())),
                caches);
    }

    /** H2 in this directory. */
    public StorageConfig withDataDirectory(Path directory) {
        return new StorageConfig(directory, dbUrl, dbUser, dbPassword, statementTimeout, caches);
    }

    /** The database at this JDBC URL instead of H2 under the data directory. */
    public StorageConfig withDatabase(String url, String user, String password) {
        return new StorageConfig(dataDirectory, url, user, password, statementTimeout, caches);
    }

    /** How long one statement may run before it is cancelled ({@code QUIZ_DB_STATEMENT_TIMEOUT_MS}). */
    public StorageConfig withStatementTimeout(Duration timeout) {
        return new StorageConfig(dataDirectory, dbUrl, dbUser, dbPassword, timeout, caches);
    }

    /** How many entries each cache keeps ({@code QUIZ_CACHED_ATTEMPTS}, {@code …_PLAYERS}, {@code …_QUIZ_VERSIONS}). */
    public StorageConfig withCacheSizes(CacheSizes sizes) {
        return new StorageConfig(dataDirectory, dbUrl, dbUser, dbPassword, statementTimeout, sizes);
    }

    /** What the JDBC store opens. */
    public JdbcConfig jdbc() {
        JdbcConfig database = dbUrl == null ? JdbcConfig.h2(dataDirectory) : JdbcConfig.of(dbUrl, dbUser, dbPassword);
        return database.withStatementTimeout(statementTimeout).withCacheSizes(caches);
    }

    /**
     * Where the data is, for people and logs: the H2 file, or the database URL with the value of any
     * {@code password} parameter in it hidden (PostgreSQL's driver takes one in the URL); never the password.
     */
    public String describe() {
        return dbUrl == null ? "H2 file " + dataDirectory.toAbsolutePath().normalize().resolve("quiz.mv.db")
                : PASSWORD_IN_URL.matcher(dbUrl).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return "StorageConfig[dataDirectory=" + dataDirectory + ", dbUrl=" + (dbUrl == null ? null : describe())
                + ", dbUser=" + dbUser
                + ", dbPassword=<hidden>, statementTimeout=" + statementTimeout + ", caches=" + caches + "]";
    }
}
