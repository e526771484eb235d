package org.kydp.quiz.store.jdbc.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves each attempt's question order and serving times from its rows in {@code attempt_questions} (one per
 * question) into two text columns of its {@code attempts} row, then drops {@code attempt_questions}: starting an
 * attempt becomes one INSERT instead of one per question, and serving a question one UPDATE of the attempt row.
 *
 * <p>In Java rather than SQL because the columns hold a JSON array and a list of numbers that the two databases
 * would build with different aggregate functions and no shared way of escaping JSON. The rows are read in order,
 * attempt by attempt, and written back in batches, so that the memory used does not grow with the table.
 *
 * <p>The columns: {@code question_ids}, the question ids in serving order as a JSON array of strings;
 * {@code serving_times}, for each question in that order, the milliseconds from {@code started_at_ms} to its first
 * serving, comma-separated, empty for a question not served yet, with the empty ones at the end left out (an
 * attempt with nothing served has the empty text). Like every migration, this one is never changed once released:
 * it writes the columns itself rather than through the store's code, which may change.
 */
public final class V4__Question_order_and_serving_times_in_attempts extends BaseJavaMigration {

    private static final int BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE attempts ADD COLUMN question_ids VARCHAR(1000000)");
            statement.execute("ALTER TABLE attempts ADD COLUMN serving_times VARCHAR(1000000)");
            statement.execute("UPDATE attempts SET question_ids = '[]', serving_times = ''");
        }
        carryOver(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE attempts ALTER COLUMN question_ids SET NOT NULL");
            statement.execute("ALTER TABLE attempts ALTER COLUMN serving_times SET NOT NULL");
            statement.execute("DROP TABLE attempt_questions");
        }
    }

    private static void carryOver(Connection connection) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("SELECT q.attempt_id, q.question_id, "
                + "q.served_at_ms, a.started_at_ms FROM attempt_questions q "
                + "JOIN attempts a ON a.attempt_id = q.attempt_id ORDER BY q.attempt_id, q.serving_index");
             PreparedStatement write = connection.prepareStatement(
                     "UPDATE attempts SET question_ids = ?, serving_times = ? WHERE attempt_id = ?")) {
            read.setFetchSize(1_000);
            Batch batch = new Batch(write);
            try (ResultSet rows = read.executeQuery()) {
                String attemptId = null;
                long startedAtMs = 0;
                List<String> questionIds = new ArrayList<>();
                List<Long> servedAtMs = new ArrayList<>();
                while (rows.next()) {
                    String id = rows.getString("attempt_id");
                    if (!id.equals(attemptId)) {
                        if (attemptId != null) {
                            batch.add(attemptId, questionIds, servedAtMs, startedAtMs);
                        }
                        attemptId = id;
                        startedAtMs = rows.getLong("started_at_ms");
                        questionIds = new ArrayList<>();
                        servedAtMs = new ArrayList<>();
                    }
                    questionIds.add(rows.getString("question_id"));
                    long served = rows.getLong("served_at_ms");
                    servedAtMs.add(rows.wasNull() ? null : served);
                }
                if (attemptId != null) {
                    batch.add(attemptId, questionIds, servedAtMs, startedAtMs);
                }
            }
            batch.flush();
        }
    }

    /** The attempts rows to update, sent a few hundred at a time. */
    private static final class Batch {
        private final PreparedStatement update;
        private int pending;

        Batch(PreparedStatement update) {
            this.update = update;
        }

        void add(String attemptId, List<String> questionIds, List<Long> servedAtMs, long startedAtMs)
                throws SQLException {
            update.setString(1, json(questionIds));
            update.setString(2, servingTimes(servedAtMs, startedAtMs));
            update.setString(3, attemptId);
            update.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                update.executeBatch();
                pending = 0;
            }
        }
    }

    private static String json(List<String> questionIds) {
        try {
            return JSON.writeValueAsString(questionIds);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write question ids " + questionIds, e);
        }
    }

    private static String servingTimes(List<Long> servedAtMs, long startedAtMs) {
        int last = servedAtMs.size() - 1;
        while (last >= 0 && servedAtMs.get(last) == null) {
            last--;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                text.append(',');
            }
            if (servedAtMs.get(i) != null) {
                text.append(servedAtMs.get(i) - startedAtMs);
            }
        }
        return text.toString();
    }
}
