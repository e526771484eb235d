package org.kydp.quiz.store.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import org.kydp.quiz.store.StatisticsStore;
import org.kydp.quiz.store.Tally;
import org.kydp.quiz.store.jdbc.Writes.Statement;

/**
 * The running sums of the statistics in the database: the statements that add a {@link Tally}, run in the write
 * that starts or finishes the attempt, and the queries that read them summed over a range of days.
 *
 * <p>Each addition is two plain statements, so that group commit batches them with those of other writes: make the
 * row at zero unless it exists, then add to it, only if the attempt carries the write's token
 * ({@code attempts.stats_token}), which the start or finish set in the same transaction if, and only if, it changed
 * the attempt. Should another server make the same row at the same moment, the duplicate key fails the group and
 * the write is tried again alone, when the row exists.
 */
final class JdbcStatistics implements StatisticsStore {

    private static final String COUNTED = " AND EXISTS (SELECT 1 FROM attempts t WHERE t.attempt_id = :attempt "
            + "AND t.stats_token = :token)";
    private static final String DAY_KEY = "quiz_id = :quiz AND quiz_version = :version AND epoch_day = :day";

    private final Jdbi jdbi;

    JdbcStatistics(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The statements that add the tally for the attempt, where it carries {@code token}: rows made first. */
    static List<Statement> adding(Tally tally, String attemptId, long token) {
        List<Statement> make = new ArrayList<>();
        List<Statement> add = new ArrayList<>();
        Map<String, Object> key = new HashMap<>();
        key.put("quiz", tally.quizId());
        key.put("version", tally.quizVersion());
        key.put("day", tally.epochDay());
        key.put("attempt", attemptId);
        key.put("token", token);
        boolean dayRow = false;
        for (Tally.Count count : tally.counts()) {
            if (count instanceof Tally.Started) {
                dayRow = true;
                add.add(new Statement("UPDATE stats_days SET started = started + 1, players = players + (SELECT "
                        + "COUNT(*) FROM attempts p WHERE p.attempt_id = :attempt AND p.attempt_number = 1) WHERE "
                        + DAY_KEY + COUNTED, key));
            } else if (count instanceof Tally.Finished finished) {
                dayRow = true;
                Map<String, Object> row = with(key, "score", finished.score());
                add.add(new Statement("UPDATE stats_days SET finished = finished + 1, score_sum = score_sum + :score, "
                        + "score_squares = score_squares + :score * :score WHERE " + DAY_KEY + COUNTED, row));
            } else if (count instanceof Tally.Bin bin) {
                Map<String, Object> row = with(key, "kind", bin.kind().name());
                row.put("from", bin.from());
                row.put("width", bin.width());
                make.add(new Statement("INSERT INTO stats_bins (quiz_id, quiz_version, epoch_day, kind, bin_from, "
                        + "bin_width, attempts) SELECT :quiz, :version, :day, :kind, :from, :width, 0 WHERE NOT EXISTS "
                        + "(SELECT 1 FROM stats_bins WHERE " + DAY_KEY + " AND kind = :kind AND bin_from = :from)",
                        row));
                add.add(new Statement("UPDATE stats_bins SET attempts = attempts + 1 WHERE " + DAY_KEY
                        + " AND kind = :kind AND bin_from = :from" + COUNTED, row));
            } else if (count instanceof Tally.QuestionSums q) {
                make.add(new Statement("INSERT INTO stats_questions (quiz_id, quiz_version, epoch_day, question_id, "
                        + "attempts, served, answered, skipped, timed_out, fully_right, time_ms, timed, scored, sum_x, "
                        + "sum_xx, sum_y, sum_yy, sum_xy) SELECT :quiz, :version, :day, :question, 0, 0, 0, 0, 0, 0, "
                        + "0, 0, 0, 0, 0, 0, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM stats_questions WHERE " + DAY_KEY
                        + " AND question_id = :question)", with(key, "question", q.questionId())));
                add.add(new Statement("UPDATE stats_questions SET attempts = attempts + 1, served = served + :served, "
                        + "answered = answered + :answered, skipped = skipped + :skipped, "
                        + "timed_out = timed_out + :timedOut, fully_right = fully_right + :right, "
                        + "time_ms = time_ms + :timeMs, timed = timed + :timed, scored = scored + :scored, "
                        + "sum_x = sum_x + :x, sum_xx = sum_xx + :x * :x, sum_y = sum_y + :y, "
                        + "sum_yy = sum_yy + :y * :y, sum_xy = sum_xy + :x * :y "
                        + "WHERE " + DAY_KEY + " AND question_id = :question" + COUNTED, questionRow(key, q)));
            } else if (count instanceof Tally.Response response) {
                Map<String, Object> row = with(key, "question", response.questionId());
                row.put("kind", response.kind().name());
                row.put("response", response.response());
                make.add(new Statement("INSERT INTO stats_responses (quiz_id, quiz_version, epoch_day, question_id, "
                        + "kind, response, times) SELECT :quiz, :version, :day, :question, :kind, :response, 0 WHERE "
                        + "NOT EXISTS (SELECT 1 FROM stats_responses WHERE " + DAY_KEY + " AND question_id = :question "
                        + "AND kind = :kind AND response = :response)", row));
                add.add(new Statement("UPDATE stats_responses SET times = times + 1 WHERE " + DAY_KEY
                        + " AND question_id = :question AND kind = :kind AND response = :response" + COUNTED, row));
            }
        }
        List<Statement> statements = new ArrayList<>();
        if (dayRow) {
            statements.add(new Statement("INSERT INTO stats_days (quiz_id, quiz_version, epoch_day, started, finished, "
                    + "players, score_sum, score_squares) SELECT :quiz, :version, :day, 0, 0, 0, 0, 0 WHERE NOT EXISTS "
                    + "(SELECT 1 FROM stats_days WHERE " + DAY_KEY + ")", key));
        }
        statements.addAll(make);
        statements.addAll(add);
        return statements;
    }

    private static Map<String, Object> with(Map<String, Object> key, String name, Object value) {
        Map<String, Object> row = new HashMap<>(key);
        row.put(name, value);
        return row;
    }

    private static Map<String, Object> questionRow(Map<String, Object> key, Tally.QuestionSums q) {
        Map<String, Object> row = with(key, "question", q.questionId());
        row.put("served", q.served() ? 1 : 0);
        row.put("answered", q.answered() ? 1 : 0);
        row.put("skipped", q.skipped() ? 1 : 0);
        row.put("timedOut", q.timedOut() ? 1 : 0);
        row.put("right", q.fullyRight() ? 1 : 0);
        row.put("timeMs", q.timed() ? q.timeMs() : 0);
        row.put("timed", q.timed() ? 1 : 0);
        row.put("scored", q.scored() ? 1 : 0);
        row.put("x", q.scored() ? q.x() : 0.0);
        row.put("y", q.scored() ? q.y() : 0.0);
        return row;
    }

    @Override
    public StatsRows read(String quizId, OptionalInt version, long fromDay, long toDay) {
        String where = " WHERE quiz_id = :quiz AND epoch_day BETWEEN :from AND :to"
                + (version.isPresent() ? " AND quiz_version = :version" : "");
        return jdbi.withHandle(handle -> new StatsRows(
                query(handle, "SELECT epoch_day, SUM(started) AS started, SUM(finished) AS finished, "
                        + "SUM(players) AS players, SUM(score_sum) AS score_sum, SUM(score_squares) AS score_squares "
                        + "FROM stats_days" + where + " GROUP BY epoch_day ORDER BY epoch_day",
                        quizId, version, fromDay, toDay)
                        .map((rs, ctx) -> new StatsRows.Day(rs.getLong("epoch_day"), rs.getLong("started"),
                                rs.getLong("finished"), rs.getLong("players"), rs.getLong("score_sum"),
                                rs.getLong("score_squares"))).list(),
                query(handle, "SELECT kind, bin_from, MAX(bin_width) AS bin_width, SUM(attempts) AS attempts "
                        + "FROM stats_bins" + where + " GROUP BY kind, bin_from", quizId, version, fromDay, toDay)
                        .map((rs, ctx) -> new StatsRows.Bin(Tally.BinKind.valueOf(rs.getString("kind")),
                                rs.getLong("bin_from"), rs.getInt("bin_width"), rs.getLong("attempts"))).list(),
                query(handle, "SELECT question_id, SUM(attempts) AS attempts, SUM(served) AS served, "
                        + "SUM(answered) AS answered, SUM(skipped) AS skipped, SUM(timed_out) AS timed_out, "
                        + "SUM(fully_right) AS fully_right, SUM(time_ms) AS time_ms, SUM(timed) AS timed, "
                        + "SUM(scored) AS scored, SUM(sum_x) AS sum_x, SUM(sum_xx) AS sum_xx, SUM(sum_y) AS sum_y, "
                        + "SUM(sum_yy) AS sum_yy, SUM(sum_xy) AS sum_xy FROM stats_questions" + where
                        + " GROUP BY question_id ORDER BY question_id", quizId, version, fromDay, toDay)
                        .map((rs, ctx) -> new StatsRows.Question(rs.getString("question_id"), rs.getLong("attempts"),
                                rs.getLong("served"), rs.getLong("answered"), rs.getLong("skipped"),
                                rs.getLong("timed_out"), rs.getLong("fully_right"), rs.getLong("time_ms"),
                                rs.getLong("timed"), rs.getLong("scored"), rs.getDouble("sum_x"),
                                rs.getDouble("sum_xx"), rs.getDouble("sum_y"), rs.getDouble("sum_yy"),
                                rs.getDouble("sum_xy"))).list(),
                query(handle, "SELECT question_id, kind, response, SUM(times) AS times FROM stats_responses" + where
                        + " GROUP BY question_id, kind, response", quizId, version, fromDay, toDay)
                        .map((rs, ctx) -> new StatsRows.Response(rs.getString("question_id"),
                                Tally.ResponseKind.valueOf(rs.getString("kind")), rs.getString("response"),
                                rs.getLong("times"))).list()));
    }

    private static Query query(Handle handle, String sql, String quizId, OptionalInt version, long from, long to) {
        Query query = handle.createQuery(sql).bind("quiz", quizId).bind("from", from).bind("to", to);
        version.ifPresent(v -> query.bind("version", v));
        return query;
    }
}
