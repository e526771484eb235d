package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.store.StoreTimeoutException;

/**
 * Every statement of the store has a timeout (one second here): a write stuck behind a row lock that another
 * connection holds fails when it runs out, with an error that says so, and the writes after it go through while the
 * lock is still held; a query that runs too long is cancelled; on H2, a wait for a lock lasts as long as a statement
 * may run. (The JUnit timeout only keeps a failing run from hanging: without a statement timeout, the write waits on
 * PostgreSQL for as long as the lock is held.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StatementTimeoutTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<JdbcConfig>) TestDatabases::newH2,
                        "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b"),
                Arguments.of("PostgreSQL", (Supplier<JdbcConfig>) TestDatabases::newPostgres,
                        "SELECT COUNT(*) FROM (SELECT pg_sleep(60)) AS slept"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_write_waiting_for_a_row_lock_held_elsewhere_fails_at_the_timeout_and_the_next_writes_go_through(
            String name, Supplier<JdbcConfig> database, String slowQuery) throws SQLException {
        JdbcConfig config = database.get().withStatementTimeout(Duration.ofSeconds(1));
        try (JdbcStore store = JdbcStore.open(config)) {
            Quiz quiz = SampleQuizzes.helplines();
            store.quizzes().save(quiz);
            store.players().add(new Player("p-1", "Asha", "hash-p-1", T0));
            Attempt locked = start(store, quiz, "a-locked");
            Attempt free = start(store, quiz, "a-free");

            try (Connection other = DriverManager.getConnection(config.effectiveUrl(), config.user(),
                    config.password())) {
                other.setAutoCommit(false);
                try (Statement statement = other.createStatement()) {
                    statement.executeUpdate("UPDATE attempts SET seed = seed WHERE attempt_id = 'a-locked'");
                }

                assertThatThrownBy(() -> store.attempts().markServed(locked, "emergency", T0.plusSeconds(1)))
                        .isInstanceOf(StoreTimeoutException.class)
                        .hasMessageContaining("statement timeout of 1 s");

                store.attempts().markServed(free, "emergency", T0.plusSeconds(2));
                store.players().add(new Player("p-2", "Ravi", "hash-p-2", T0));
                assertThat(store.attempts().findCurrent("a-free").orElseThrow().servedAt()).containsKey("emergency");
                assertThat(store.players().find("p-2")).isPresent();
                other.rollback();
            }

            store.attempts().markServed(locked, "emergency", T0.plusSeconds(3));
            assertThat(store.attempts().findCurrent("a-locked").orElseThrow().servedAt()).containsKey("emergency");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_query_running_past_the_timeout_is_cancelled(String name, Supplier<JdbcConfig> database, String slowQuery) {
        try (JdbcStore store = JdbcStore.open(database.get().withStatementTimeout(Duration.ofSeconds(1)))) {
            assertThatThrownBy(() -> store.jdbi().withHandle(handle -> handle.createQuery(slowQuery)
                    .mapTo(Long.class).one()))
                    .isInstanceOf(StoreTimeoutException.class);

            store.check();
        }
    }

    @Test
    void on_h2_every_connection_waits_for_a_lock_as_long_as_a_statement_may_run() {
        try (JdbcStore store = JdbcStore.open(TestDatabases.newH2().withStatementTimeout(Duration.ofSeconds(3)))) {
            int lockTimeout = store.jdbi().withHandle(handle -> handle.createQuery("SELECT LOCK_TIMEOUT()")
                    .mapTo(Integer.class).one());
            assertThat(lockTimeout).isEqualTo(3_000);
        }
    }

    private static Attempt start(JdbcStore store, Quiz quiz, String attemptId) {
        Attempt attempt = Attempt.start(attemptId, quiz.id(), quiz.version(), "p-1", 42L,
                List.of("emergency", "mha"), T0, null);
        store.attempts().create(attempt);
        return attempt;
    }
}
