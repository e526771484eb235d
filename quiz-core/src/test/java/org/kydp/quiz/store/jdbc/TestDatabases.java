package org.kydp.quiz.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Databases for tests: a fresh H2 file in a temporary directory, or a fresh database on the one embedded
 * PostgreSQL server of this JVM (started on first use, from a Maven dependency: nothing to install; stopped
 * when the JVM exits).
 */
public final class TestDatabases {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestDatabases() {
    }

    /** A new, empty H2 database in a new temporary directory. */
    public static JdbcConfig newH2() {
        try {
            return JdbcConfig.h2(Files.createTempDirectory("quiz-h2-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An H2 database in this directory. */
    public static JdbcConfig h2(Path directory) {
        return JdbcConfig.h2(directory);
    }

    /** A new, empty database on the shared embedded PostgreSQL server. */
    public static JdbcConfig newPostgres() {
        EmbeddedPostgres server = Server.POSTGRES;
        String name = "quiz_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return JdbcConfig.of(server.getJdbcUrl("postgres", name), "postgres", null);
    }

    /** The embedded server, for tests that act on it directly (ending connections, say). */
    public static EmbeddedPostgres postgresServer() {
        return Server.POSTGRES;
    }

    /** Started on first use, once per JVM. fsync is off: these tests are not about PostgreSQL's durability. */
    private static final class Server {
        static final EmbeddedPostgres POSTGRES = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
        }
    }
}
