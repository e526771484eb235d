package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.leaderboard.Page;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.attempt.FinishedAttempt;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.model.RecordedAnswer;
import org.kydp.quiz.store.StoreListener;

/**
 * Two stores on one PostgreSQL database, as two servers would have: changes made through one are heard on the other,
 * finishes told to its listeners; and while it cannot hear them, it checks what it reads.
 */
class ChangeNotificationsTest {

    private final JdbcConfig database = TestDatabases.newPostgres();
    private final JdbcStore here = JdbcStore.open(database);
    private final JdbcStore there = JdbcStore.open(database);

    @AfterEach
    void close() {
        here.close();
        there.close();
    }

    private static final ChangeNotifications.Kept NOTHING_KEPT = new ChangeNotifications.Kept() {
        @Override
        public void changedElsewhere(Change change) {
        }

        @Override
        public void forgetAll() {
        }
    };

    /** Records what a store tells. */
    private static final class Heard implements StoreListener {
        final BlockingQueue<String> finished = new LinkedBlockingQueue<>();
        final BlockingQueue<Boolean> missed = new LinkedBlockingQueue<>();

        @Override
        public void onAttemptFinishedElsewhere(String attemptId) {
            finished.add(attemptId);
        }

        @Override
        public void onNotificationsMissed() {
            missed.add(true);
        }
    }

    @Test
    void an_engine_hears_of_an_attempt_finished_by_another_and_not_of_its_own() throws Exception {
        QuizEngine a = QuizEngine.builder().store(here).build();
        QuizEngine b = QuizEngine.builder().store(there).build();
        BlockingQueue<FinishedAttempt> heardOnA = new LinkedBlockingQueue<>();
        BlockingQueue<FinishedAttempt> heardOnB = new LinkedBlockingQueue<>();
        a.onAttemptFinished(heardOnA::add);
        b.onAttemptFinished(heardOnB::add);
        a.publish(SampleQuizzes.helplines());
        String asha = a.registerPlayer("Asha").player().id();
        String attempt = b.startAttempt(asha, "helplines").id();
        b.currentQuestion(asha, attempt);
        b.answer(asha, attempt, "emergency", new org.kydp.quiz.model.Answer.Choice("b"));

        b.finish(asha, attempt);

        FinishedAttempt heard = heardOnA.poll(30, TimeUnit.SECONDS); // how soon: README, "Benchmarks"
        assertThat(heard).as("heard on A").isNotNull();
        assertThat(heard.id()).isEqualTo(attempt);
        assertThat(heard.score()).isEqualTo(10);
        assertThat(a.leaderboard("helplines", Page.of(10, 0)).entries()).extracting(e -> e.playerId()).containsExactly(asha);
        assertThat(heardOnB.poll(1, TimeUnit.SECONDS)).as("B is told of its own finish once").isNotNull();
        b.finish(asha, attempt);
        assertThat(heardOnB.poll(300, TimeUnit.MILLISECONDS)).as("finishing again tells nothing").isNull();
        assertThat(heardOnA.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void a_finish_rolled_back_is_never_announced() throws Exception {
        Heard heard = new Heard();
        here.addListener(heard);
        there.quizzes().save(SampleQuizzes.helplines());
        there.players().add(new org.kydp.quiz.model.Player("p", "P", "h", java.time.Instant.EPOCH));
        there.attempts().create(Attempt.start("a-1", "helplines", 1, "p", 1, java.util.List.of("mha"),
                java.time.Instant.EPOCH, null));

        there.jdbi().useHandle(handle -> {
            handle.begin();
            new ChangeNotifications(database.url(), database.user(), database.password(), "other", NOTHING_KEPT)
                    .announce(handle, java.util.List.of(Change.finished("a-1")));
            handle.rollback();
        });
        there.attempts().finish(there.attempts().find("a-1").orElseThrow(),
                java.time.Instant.EPOCH.plusSeconds(1));

        assertThat(heard.finished.poll(2, TimeUnit.SECONDS)).isEqualTo("a-1");
        assertThat(heard.finished.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void the_listener_reconnects_after_losing_its_connection_and_says_it_may_have_missed_some() throws Exception {
        Heard heard = new Heard();
        here.addListener(heard);
        there.quizzes().save(SampleQuizzes.helplines());
        there.players().add(new org.kydp.quiz.model.Player("p", "P", "h", java.time.Instant.EPOCH));
        there.attempts().create(Attempt.start("a-1", "helplines", 1, "p", 1, java.util.List.of("mha"),
                java.time.Instant.EPOCH, null));

        try (Connection admin = TestDatabases.postgresServer().getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            String name = database.url().replaceAll(".*/([^/?]+).*", "$1");
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE datname = '" + name + "' AND query LIKE 'LISTEN %'");
        }

        assertThat(heard.missed.poll(10, TimeUnit.SECONDS)).as("told of the reconnection").isTrue();
        there.attempts().finish(there.attempts().find("a-1").orElseThrow(),
                java.time.Instant.EPOCH.plusSeconds(1));
        assertThat(heard.finished.poll(5, TimeUnit.SECONDS)).isEqualTo("a-1");
    }

    /**
     * While the store does not listen, it may miss changes, so each read checks what it keeps; once it listens
     * again, it forgets everything it kept, changes it never heard of included. New connections to the database are
     * refused meanwhile, so that the listener stays down for as long as the test needs.
     */
    @Test
    void while_the_listener_is_down_reads_check_what_is_kept_and_once_it_is_back_everything_kept_is_read_anew()
            throws Exception {
        there.quizzes().save(SampleQuizzes.helplines());
        there.players().add(new Player("p", "P", "h", Instant.EPOCH));
        there.attempts().create(Attempt.start("a-1", "helplines", 1, "p", 1, List.of("emergency", "mha"),
                Instant.EPOCH, null));
        assertThat(here.attempts().find("a-1")).isPresent(); // kept here
        String name = database.url().replaceAll(".*/([^/?]+).*", "$1");

        try (Connection admin = TestDatabases.postgresServer().getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            try {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE datname = '" + name + "' AND query LIKE 'LISTEN %'");
                assertThat(within(Duration.ofSeconds(10), () -> !here.hearsEveryChange()))
                        .as("the store knows it is not listening").isTrue();

                there.attempts().markServed(there.attempts().find("a-1").orElseThrow(), "emergency",
                        Instant.EPOCH.plusSeconds(1));
                assertThat(here.attempts().find("a-1").orElseThrow().servedAt())
                        .as("checked: seen at the next read").containsKey("emergency");
                there.attempts().recordAnswer(there.attempts().find("a-1").orElseThrow(),
                        new RecordedAnswer("emergency", new Answer.Choice("b"), true, 10, 0, Instant.EPOCH));
            } finally {
                statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            }
        }
        assertThat(within(Duration.ofSeconds(15), here::hearsEveryChange)).as("listening again").isTrue();

        assertThat(here.attempts().find("a-1").orElseThrow().answers())
                .as("never heard of, yet read anew once listening again").containsKey("emergency");
    }

    /** Whether the condition holds within the time, polled every few milliseconds. */
    private static boolean within(Duration time, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + time.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        return true;
    }
}
