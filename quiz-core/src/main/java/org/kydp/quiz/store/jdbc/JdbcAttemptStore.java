package org.kydp.quiz.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import org.kydp.quiz.error.ConflictException;
import org.kydp.quiz.internal.StripedLocks;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.RecordedAnswer;
import org.kydp.quiz.store.AttemptStore;
import org.kydp.quiz.store.FinishedResult;
import org.kydp.quiz.store.PlayerStore;
import org.kydp.quiz.store.PollVote;
import org.kydp.quiz.store.StaleAttemptException;
import org.kydp.quiz.store.jdbc.Writes.Statement;

/**
 * Attempts in two tables: the attempt, with its question order and serving times in two text columns of its row
 * ({@link AttemptColumns}), and its answers, a row each. Every change is one small write, committed through
 * {@link Writes} before the method returns: starting an attempt is one INSERT, serving a question one UPDATE of the
 * attempt row, an answer one INSERT.
 */
final class JdbcAttemptStore implements AttemptStore {

    private static final String COLUMNS =
            "a.attempt_id, a.quiz_id, a.quiz_version, a.player_id, a.seed, a.question_ids, a.started_at_ms, "
                    + "a.deadline_ms, a.serving_times, a.finished_at_ms";

    /**
     * At most this many attempts are kept in memory; past it the cache starts again. Only attempts in progress are
     * kept (a finished attempt is rarely read again), so this bounds the attempts started and never finished.
     */
    private static final int MAX_CACHED = 20_000;

    private final Jdbi jdbi;
    private final Writes writes;
    private final FinishNotifier notifier;
    private final Ownership ownership;
    /**
     * Attempts as last read or written here; a play request reads its attempt on every call. While the store is the
     * only writer of its database ({@link Ownership#sole()}), what is kept here is the attempt as stored, and
     * {@link #find} reads nothing. Otherwise another server may have changed it: an attempt only ever grows (a
     * question gets its first serving time, an answer is added, the attempt is finished, each once), so how many
     * questions are served, how many answered and whether it is finished say which state it is in, and
     * {@link #find} reads only those three figures (one small query instead of three) and uses the attempt kept here
     * when they match.
     */
    private final Map<String, Attempt> cached = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Serialises, per attempt, reading an attempt into {@link #cached} and changing it: otherwise a read that began
     * before a change could keep the attempt as it was before the change, after the change was applied here.
     */
    private final StripedLocks locks = new StripedLocks(256);

    JdbcAttemptStore(Jdbi jdbi, Writes writes, FinishNotifier notifier, Ownership ownership) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.notifier = notifier;
        this.ownership = ownership;
    }

    /** Tells other stores on the same database that an attempt was finished, when its transaction commits. */
    @FunctionalInterface
    interface FinishNotifier {
        void finished(Handle handle, String attemptId);
    }

    private void remember(Attempt attempt) {
        if (attempt.isFinished()) {
            cached.remove(attempt.id());
            return;
        }
        if (cached.size() >= MAX_CACHED) {
            cached.clear();
        }
        cached.put(attempt.id(), attempt);
    }

    /** Applies a change that was just written to the kept attempt, if there is one. */
    private void changed(String attemptId, java.util.function.UnaryOperator<Attempt> change) {
        cached.computeIfPresent(attemptId, (id, attempt) -> change.apply(attempt));
    }

    private static Instant toMillis(Instant at) {
        return at == null ? null : Instant.ofEpochMilli(at.toEpochMilli());
    }

    /** The attempt as it reads back from the database: times to the millisecond, answers through their JSON. */
    private static Attempt asStored(Attempt attempt) {
        Map<String, Instant> servedAt = new HashMap<>();
        attempt.servedAt().forEach((question, at) -> servedAt.put(question, toMillis(at)));
        Map<String, RecordedAnswer> answers = new LinkedHashMap<>();
        attempt.answers().values().forEach(answer -> answers.put(answer.questionId(), asStored(answer)));
        return new Attempt(attempt.id(), attempt.quizId(), attempt.quizVersion(), attempt.playerId(), attempt.seed(),
                attempt.questionIds(), toMillis(attempt.startedAt()), toMillis(attempt.deadline()), servedAt,
                answers, toMillis(attempt.finishedAt()));
    }

    private static RecordedAnswer asStored(RecordedAnswer answer) {
        return new RecordedAnswer(answer.questionId(), AnswerJson.read(AnswerJson.write(answer.answer())),
                answer.correct(), answer.points(), answer.streakBonus(), toMillis(answer.at()));
    }

    @Override
    public void create(Attempt attempt) {
        List<Statement> statements = new ArrayList<>();
        Map<String, Object> row = new HashMap<>();
        row.put("id", attempt.id());
        row.put("quiz", attempt.quizId());
        row.put("version", attempt.quizVersion());
        row.put("player", attempt.playerId());
        row.put("seed", attempt.seed());
        row.put("questions", AttemptColumns.questionIds(attempt.questionIds()));
        row.put("started", attempt.startedAt().toEpochMilli());
        row.put("deadline", millis(attempt.deadline()));
        row.put("served", servingTimes(attempt));
        row.put("finished", millis(attempt.finishedAt()));
        statements.add(new Statement("INSERT INTO attempts (attempt_id, quiz_id, quiz_version, player_id, seed, "
                + "question_ids, started_at_ms, deadline_ms, serving_times, finished_at_ms) "
                + "VALUES (:id, :quiz, :version, :player, :seed, :questions, :started, :deadline, :served, :finished)",
                row));
        for (RecordedAnswer answer : attempt.answers().values()) {
            statements.add(insertAnswer(attempt.id(), answer));
        }
        locks.withLock(attempt.id(), () -> {
            writes.execute(statements);
            remember(asStored(attempt));
            return null;
        });
    }

    private static String servingTimes(Attempt attempt) {
        return AttemptColumns.servingTimes(attempt.questionIds(), attempt.servedAt(), attempt.startedAt());
    }

    /**
     * One UPDATE of the attempt row, on condition that its serving times are still those of {@code read} and it is
     * not finished: a serving or a finish through another server since {@code read} was read updates no row.
     */
    @Override
    public void markServed(Attempt read, String questionId, Instant at) {
        if (read.servedAt().containsKey(questionId)) {
            return;
        }
        String attemptId = read.id();
        Attempt served = read.served(questionId, toMillis(at));
        Map<String, Object> row = Map.of("id", attemptId, "previous", servingTimes(read),
                "next", servingTimes(served));
        locks.withLock(attemptId, () -> {
            int[] updated = writes.execute(List.of(new Statement("UPDATE attempts SET serving_times = :next "
                    + "WHERE attempt_id = :id AND serving_times = :previous AND finished_at_ms IS NULL", row)));
            if (updated[0] == 0) {
                cached.remove(attemptId);
                throw new StaleAttemptException(attemptId);
            }
            changed(attemptId, attempt -> attempt.servedAt().containsKey(questionId) ? attempt
                    : attempt.served(questionId, toMillis(at)));
            return null;
        });
    }

    @Override
    public void recordAnswer(Attempt read, RecordedAnswer answer, PollVote vote) {
        String attemptId = read.id();
        List<Statement> statements = new ArrayList<>();
        statements.add(insertAnswer(attemptId, answer));
        if (vote != null) {
            statements.addAll(JdbcPollStore.counting(vote));
        }
        locks.withLock(attemptId, () -> {
            try {
                writes.execute(statements);
            } catch (RuntimeException e) {
                if (SqlErrors.isDuplicateKey(e)) {
                    cached.remove(attemptId); // answered elsewhere: read it again
                    throw new ConflictException("question " + answer.questionId() + " of attempt " + attemptId
                            + " already has an answer");
                }
                throw e;
            }
            changed(attemptId, attempt -> attempt.answers().containsKey(answer.questionId()) ? attempt
                    : attempt.answered(asStored(answer)));
            return null;
        });
    }

    private static Statement insertAnswer(String attemptId, RecordedAnswer answer) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", attemptId);
        row.put("question", answer.questionId());
        row.put("answer", AnswerJson.write(answer.answer()));
        row.put("correct", answer.correct());
        row.put("points", answer.points());
        row.put("streak", answer.streakBonus());
        row.put("at", answer.at().toEpochMilli());
        return new Statement("INSERT INTO answers (attempt_id, question_id, answer_json, correct, points, "
                + "streak_bonus, answered_at_ms) VALUES (:id, :question, :answer, :correct, :points, :streak, :at)",
                row);
    }

    @Override
    public boolean finish(Attempt read, Instant finishedAt) {
        return locks.withLock(read.id(), () -> finishLocked(read.id(), finishedAt));
    }

    private boolean finishLocked(String attemptId, Instant finishedAt) {
        boolean finished = writes.write(handle -> {
            int updated = handle.createUpdate("UPDATE attempts SET finished_at_ms = :at, "
                            + "score = (SELECT COALESCE(SUM(n.points), 0) FROM answers n WHERE n.attempt_id = :id) "
                            + "WHERE attempt_id = :id AND finished_at_ms IS NULL")
                    .bind("at", finishedAt.toEpochMilli()).bind("id", attemptId)
                    .execute();
            if (updated == 1) {
                notifier.finished(handle, attemptId);
            }
            return updated == 1;
        });
        cached.remove(attemptId); // finished, here or elsewhere: no longer kept
        return finished;
    }

    @Override
    public Optional<Attempt> find(String attemptId) {
        Attempt known = cached.get(attemptId);
        if (known != null && (ownership.sole() || unchanged(known))) {
            return Optional.of(known);
        }
        return locks.withLock(attemptId, () -> {
            Optional<Attempt> loaded = load(attemptId);
            loaded.ifPresentOrElse(this::remember, () -> cached.remove(attemptId));
            return loaded;
        });
    }

    /** Whether the attempt as kept here is the one in the database: served, answered and finished alike. */
    private boolean unchanged(Attempt known) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT a.finished_at_ms, a.serving_times, "
                        + "(SELECT COUNT(*) FROM answers n WHERE n.attempt_id = a.attempt_id) AS answered "
                        + "FROM attempts a WHERE a.attempt_id = :id")
                .bind("id", known.id())
                .map((rs, ctx) -> (rs.getObject("finished_at_ms") != null) == known.isFinished()
                        && rs.getString("serving_times").equals(servingTimes(known))
                        && rs.getLong("answered") == known.answers().size())
                .findOne().orElse(false));
    }

    /** The attempt row and its answers, in one query (the attempt's columns repeated on each answer's row). */
    private Optional<Attempt> load(String attemptId) {
        return jdbi.withHandle(handle -> {
            Parts parts = new Parts();
            Row[] row = new Row[1];
            handle.createQuery("SELECT " + COLUMNS + ", " + ANSWER_COLUMNS
                            + " FROM attempts a LEFT JOIN answers n ON n.attempt_id = a.attempt_id "
                            + "WHERE a.attempt_id = :id ORDER BY n.answered_at_ms, n.question_id")
                    .bind("id", attemptId)
                    .map((rs, ctx) -> {
                        if (row[0] == null) {
                            row[0] = Row.of(rs);
                        }
                        return rs.getString("question_id") == null ? attemptId : parts.addAnswer(rs);
                    })
                    .forEach(ignored -> { });
            return row[0] == null ? Optional.<Attempt>empty() : Optional.of(parts.attempt(row[0]));
        });
    }

    private static final String ANSWER_COLUMNS =
            "n.question_id, n.answer_json, n.correct, n.points, n.streak_bonus, n.answered_at_ms";

    @Override
    public int countFor(String playerId, String quizId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM attempts "
                        + "WHERE player_id = :player AND quiz_id = :quiz")
                .bind("player", playerId).bind("quiz", quizId).mapTo(Integer.class).one());
    }

    @Override
    public boolean existsForQuiz(String quizId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM attempts WHERE quiz_id = :quiz")
                .bind("quiz", quizId).mapTo(Integer.class).one()) > 0;
    }

    /** Visits the finished attempts quiz by quiz, so that only one quiz's attempts are in memory at a time. */
    @Override
    public void forEachFinished(java.util.function.Consumer<Attempt> visitor) {
        List<String> quizIds = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT DISTINCT quiz_id FROM attempts WHERE finished_at_ms IS NOT NULL ORDER BY quiz_id")
                .mapTo(String.class).list());
        for (String quizId : quizIds) {
            finished(quizId).forEach(visitor);
        }
    }

    /**
     * One query, read as a stream in pages of a thousand rows: each finished attempt with its player's name and the
     * score written with its finish, so that rebuilding the leaderboards reads one row per attempt, not every answer
     * (an attempt finished without a score written, which this store never leaves, is summed from its answers).
     */
    @Override
    public void forEachFinishedResult(PlayerStore players, java.util.function.Consumer<FinishedResult> visitor) {
        jdbi.useTransaction(handle -> handle.createQuery("SELECT a.attempt_id, a.quiz_id, a.player_id, "
                        + "p.display_name, a.started_at_ms, a.finished_at_ms, "
                        + "COALESCE(a.score, (SELECT COALESCE(SUM(n.points), 0) FROM answers n "
                        + "WHERE n.attempt_id = a.attempt_id)) AS score "
                        + "FROM attempts a LEFT JOIN players p ON p.player_id = a.player_id "
                        + "WHERE a.finished_at_ms IS NOT NULL")
                .setFetchSize(1_000)
                .map((rs, ctx) -> new FinishedResult(rs.getString("attempt_id"), rs.getString("quiz_id"),
                        rs.getString("player_id"), rs.getString("display_name"), rs.getInt("score"),
                        Instant.ofEpochMilli(rs.getLong("started_at_ms")),
                        Instant.ofEpochMilli(rs.getLong("finished_at_ms"))))
                .forEach(visitor));
    }

    @Override
    public List<Attempt> finished(String quizId) {
        return jdbi.withHandle(handle -> {
            String finished = " FROM attempts a WHERE a.quiz_id = :quiz AND a.finished_at_ms IS NOT NULL";
            List<Row> rows = handle.createQuery("SELECT " + COLUMNS + finished)
                    .bind("quiz", quizId).map((rs, ctx) -> Row.of(rs)).list();
            if (rows.isEmpty()) {
                return List.of();
            }
            Parts parts = new Parts();
            handle.createQuery("SELECT n.attempt_id, " + ANSWER_COLUMNS + " FROM answers n "
                            + "JOIN attempts a ON a.attempt_id = n.attempt_id "
                            + "WHERE a.quiz_id = :quiz AND a.finished_at_ms IS NOT NULL "
                            + "ORDER BY n.attempt_id, n.answered_at_ms, n.question_id")
                    .bind("quiz", quizId).map((rs, ctx) -> parts.addAnswer(rs)).forEach(ignored -> { });
            List<Attempt> attempts = new ArrayList<>(rows.size());
            rows.forEach(row -> attempts.add(parts.attempt(row)));
            return attempts;
        });
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** The attempts row. */
    private record Row(String id, String quizId, int quizVersion, String playerId, long seed, List<String> questionIds,
                       Instant startedAt, Instant deadline, Map<String, Instant> servedAt, Instant finishedAt) {
        static Row of(ResultSet rs) throws SQLException {
            List<String> questionIds = AttemptColumns.questionIds(rs.getString("question_ids"));
            Instant startedAt = instant(rs, "started_at_ms");
            return new Row(rs.getString("attempt_id"), rs.getString("quiz_id"), rs.getInt("quiz_version"),
                    rs.getString("player_id"), rs.getLong("seed"), questionIds, startedAt, instant(rs, "deadline_ms"),
                    AttemptColumns.servedAt(rs.getString("serving_times"), questionIds, startedAt),
                    instant(rs, "finished_at_ms"));
        }
    }

    /** The answer rows of one or more attempts, gathered by attempt id. */
    private static final class Parts {
        private final Map<String, Map<String, RecordedAnswer>> answers = new HashMap<>();

        Object addAnswer(ResultSet rs) throws SQLException {
            String attemptId = rs.getString("attempt_id");
            RecordedAnswer answer = new RecordedAnswer(rs.getString("question_id"),
                    AnswerJson.read(rs.getString("answer_json")), rs.getBoolean("correct"), rs.getInt("points"),
                    rs.getInt("streak_bonus"), instant(rs, "answered_at_ms"));
            answers.computeIfAbsent(attemptId, k -> new LinkedHashMap<>()).put(answer.questionId(), answer);
            return attemptId;
        }

        Attempt attempt(Row row) {
            return new Attempt(row.id(), row.quizId(), row.quizVersion(), row.playerId(), row.seed(),
                    row.questionIds(), row.startedAt(), row.deadline(), row.servedAt(),
                    answers.getOrDefault(row.id(), Map.of()), row.finishedAt());
        }
    }
}
