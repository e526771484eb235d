package org.kydp.quiz.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.kydp.quiz.store.jdbc.JdbcConfig;

/**
 * Where the server keeps its data. By default an H2 database in the directory {@code QUIZ_DATA_DIR} (default
 * {@code ./data}); {@code QUIZ_DB_URL} (with {@code QUIZ_DB_USER} and {@code QUIZ_DB_PASSWORD}) names another
 * database instead, PostgreSQL for production and for several servers. Each setting is also a system property
 * ({@code -Dquiz.db.url=…}, which wins) and a method here for embedders.
 *
 * @param dataDirectory where the H2 database lives when no URL is given
 * @param dbUrl         a JDBC URL ({@code jdbc:postgresql://host/db}), or null for H2 under the data directory
 * @param dbUser        the database user, or null
 * @param dbPassword    the database password, or null
 */
public record StorageConfig(Path dataDirectory, String dbUrl, String dbUser, String dbPassword) {

    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("data");

    public StorageConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (dbUrl != null) {
            JdbcConfig.of(dbUrl, dbUser, dbPassword); // refuses what is not PostgreSQL or H2, at start
        }
    }

    /** H2 under {@code ./data}. */
    public static StorageConfig defaults() {
        return new StorageConfig(DEFAULT_DATA_DIRECTORY, null, null, null);
    }

    /** Reads {@code QUIZ_DATA_DIR}, {@code QUIZ_DB_URL}, {@code QUIZ_DB_USER}, {@code QUIZ_DB_PASSWORD}. */
    public static StorageConfig fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    /** Reads the settings from the given environment and properties (properties win). */
    public static StorageConfig from(Map<String, String> env, Properties properties) {
        Settings settings = new Settings(env, properties);
        String directory = settings.get("DATA_DIR");
        return new StorageConfig(directory == null ? DEFAULT_DATA_DIRECTORY : Path.of(directory),
                settings.get("DB_URL"), settings.get("DB_USER"), settings.get("DB_PASSWORD"));
    }

    /** H2 in this directory. */
    public StorageConfig withDataDirectory(Path directory) {
        return new StorageConfig(directory, dbUrl, dbUser, dbPassword);
    }

    /** The database at this JDBC URL instead of H2 under the data directory. */
    public StorageConfig withDatabase(String url, String user, String password) {
        return new StorageConfig(dataDirectory, url, user, password);
    }

    /** What the JDBC store opens. */
    public JdbcConfig jdbc() {
        return dbUrl == null ? JdbcConfig.h2(dataDirectory) : JdbcConfig.of(dbUrl, dbUser, dbPassword);
    }

    /** Where the data is, for people: the URL or the H2 directory, never the password. */
    public String describe() {
        return dbUrl == null ? "H2 database in " + dataDirectory.toAbsolutePath().normalize() : dbUrl;
    }

    @Override
    public String toString() {
        return "StorageConfig[dataDirectory=" + dataDirectory + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser
                + ", dbPassword=<hidden>]";
    }
}
