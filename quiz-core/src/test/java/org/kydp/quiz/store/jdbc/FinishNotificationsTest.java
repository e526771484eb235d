package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.store.StoreListener;

/** Two stores on one PostgreSQL database, as two servers would have: finishes on one are heard on the other. */
class FinishNotificationsTest {

    private final JdbcConfig database = TestDatabases.newPostgres();
    private final JdbcStore here = JdbcStore.open(database);
    private final JdbcStore there = JdbcStore.open(database);

    @AfterEach
    void close() {
        here.close();
        there.close();
    }

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
    void an_engine_hears_within_a_second_of_an_attempt_finished_by_another_and_not_of_its_own() throws Exception {
        QuizEngine a = QuizEngine.builder().store(here).build();
        QuizEngine b = QuizEngine.builder().store(there).build();
        BlockingQueue<Attempt> heardOnA = new LinkedBlockingQueue<>();
        BlockingQueue<Attempt> heardOnB = new LinkedBlockingQueue<>();
        a.onAttemptFinished(heardOnA::add);
        b.onAttemptFinished(heardOnB::add);
        a.publish(SampleQuizzes.helplines());
        String asha = a.registerPlayer("Asha").player().id();
        String attempt = b.startAttempt(asha, "helplines").id();
        b.currentQuestion(asha, attempt);
        b.answer(asha, attempt, "emergency", new org.kydp.quiz.model.Answer.Choice("b"));

        long before = System.nanoTime();
        b.finish(asha, attempt);

        Attempt heard = heardOnA.poll(1, TimeUnit.SECONDS);
        assertThat(heard).as("heard on A within 1 s").isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
        assertThat(heard.id()).isEqualTo(attempt);
        assertThat(heard.score()).isEqualTo(10);
        assertThat(a.leaderboard("helplines", 10, 0).entries()).extracting(e -> e.playerId()).containsExactly(asha);
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
            new FinishNotifications(database.url(), database.user(), database.password(), "other")
                    .send(handle, "a-1");
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
}
