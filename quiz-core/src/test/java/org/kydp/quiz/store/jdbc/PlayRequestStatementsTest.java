package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.leaderboard.Page;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Answer;

/**
 * The statements each play request runs on PostgreSQL, shared with another server, as the store's own SQL log
 * records them: while nothing changes elsewhere, a request runs its write and the notification of it, and no query
 * that checks what the store keeps.
 */
class PlayRequestStatementsTest {

    private static final Pattern KIND = Pattern.compile(
            "^\\s*(INSERT INTO \\w+|UPDATE \\w+|DELETE FROM \\w+|SELECT .*? FROM \\w+)", Pattern.CASE_INSENSITIVE);

    private final JdbcConfig database = TestDatabases.newPostgres();
    private final JdbcStore store = JdbcStore.open(database);
    private final JdbcStore otherServer = JdbcStore.open(database);
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void close() {
        store.close();
        otherServer.close();
    }

    /**
     * Each statement the store runs for requests, on any of its threads, as its kind and table (either of the
     * statistics' pending tables, which take turns, as STATS_PENDING_A/B); a notification as NOTIFY. The statistics' own thread, which sums many requests' tallies at once, is left out.
     */
    private void logStatements() {
        store.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                if (Thread.currentThread().getName().equals("kydp-quiz-statistics")) {
                    return; // sums the statistics of many requests at once, on its own
                }
                statements.add(kind(context.getRawSql()));
            }
        });
    }

    private static String kind(String sql) {
        if (sql.contains("pg_notify")) {
            return "NOTIFY";
        }
        Matcher kind = KIND.matcher(sql);
        if (!kind.find()) {
            return sql;
        }
        String found = kind.group(1).toUpperCase(Locale.ROOT).replaceFirst("STATS_PENDING_[AB]$", "STATS_PENDING_A/B");
        return found.startsWith("SELECT") ? "SELECT FROM" + found.substring(found.lastIndexOf(' ')) : found;
    }

    /** The statements run since the last call. */
    private List<String> ran() {
        synchronized (statements) {
            List<String> ran = List.copyOf(statements);
            statements.clear();
            return ran;
        }
    }

    @Test
    void a_play_request_runs_its_own_write_and_its_notification_and_no_checking_query() {
        QuizEngine engine = QuizEngine.builder().store(store).build();
        engine.publish(SampleQuizzes.helplines());
        String token = engine.registerPlayer("Asha").token();
        String earlier = engine.startAttempt(engine.authenticate(token).id(), "helplines").id();
        engine.currentQuestion(engine.authenticate(token).id(), earlier); // both read the quiz, published just now
        assertThat(store.hearsEveryChange()).isTrue();
        logStatements();

        String asha = engine.authenticate(token).id();
        String attempt = engine.startAttempt(asha, "helplines").id();
        assertThat(ran()).as("start, and its tally pending for the statistics")
                .containsExactly("INSERT INTO ATTEMPTS", "INSERT INTO STATS_PENDING_A/B");

        engine.currentQuestion(asha, attempt);
        assertThat(ran()).as("serve the first question").containsExactly("UPDATE ATTEMPTS", "NOTIFY");
        engine.currentQuestion(asha, attempt);
        assertThat(ran()).as("the same question again").isEmpty();
        engine.answer(asha, attempt, "emergency", new Answer.Choice("b"));
        assertThat(ran()).as("answer").containsExactly("INSERT INTO ANSWERS", "NOTIFY");
        engine.answer(asha, attempt, "emergency", new Answer.Choice("b"));
        assertThat(ran()).as("the same answer again").isEmpty();
        engine.attempt(asha, attempt);
        assertThat(ran()).as("the attempt's summary").isEmpty();

        engine.currentQuestion(asha, attempt);
        engine.answer(asha, attempt, "mha", new Answer.Bool(true));
        assertThat(ran()).as("serve and answer the second question")
                .containsExactly("UPDATE ATTEMPTS", "NOTIFY", "INSERT INTO ANSWERS", "NOTIFY");
        assertThat(engine.currentQuestion(asha, attempt)).isEmpty();
        assertThat(ran()).as("no question left").isEmpty();

        engine.finish(asha, attempt);
        assertThat(ran()).as("finish, and its tally pending for the statistics")
                .containsExactly("UPDATE ATTEMPTS", "INSERT INTO STATS_PENDING_A/B", "NOTIFY");
        engine.leaderboard("helplines", Page.of(10, 0));
        assertThat(ran()).as("the leaderboard").isEmpty();
    }
}
