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
import org.kydp.quiz.store.jdbc.Writes.Statement;

/**
 * Attempts in three tables: the attempt, its questions in serving order with their serving times, and its
 * answers. Every change is one small write, committed through {@link Writes} before the method returns.
 */
final class JdbcAttemptStore implements AttemptStore {

    private static final String COLUMNS =
            "a.attempt_id, a.quiz_id, a.quiz_version, a.player_id, a.seed, a.started_at_ms, a.deadline_ms, "
                    + "a.finished_at_ms";

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
        row.put("started", attempt.startedAt().toEpochMilli());
        row.put("deadline", millis(attempt.deadline()));
        row.put("finished", millis(attempt.finishedAt()));
        statements.add(new Statement("INSERT INTO attempts (attempt_id, quiz_id, quiz_version, player_id, seed, "
                + "started_at_ms, deadline_ms, finished_at_ms) "
                + "VALUES (:id, :quiz, :version, :player, :seed, :started, :deadline, :finished)", row));
        List<String> ids = attempt.questionIds();
        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> question = new HashMap<>();
            question.put("id", attempt.id());
            question.put("index", i);
            question.put("question", ids.get(i));
            question.put("served", millis(attempt.servedAt().get(ids.get(i))));
            statements.add(new Statement("INSERT INTO attempt_questions (attempt_id, serving_index, question_id, "
                    + "served_at_ms) VALUES (:id, :index, :question, :served)", question));
        }
        for (RecordedAnswer answer : attempt.answers().values()) {
            statements.add(insertAnswer(attempt.id(), answer));
        }
        locks.withLock(attempt.id(), () -> {
            writes.execute(statements);
            remember(asStored(attempt));
            return null;
        });
    }

    @Override
    public void markServed(String attemptId, String questionId, Instant at) {
        locks.withLock(attemptId, () -> {
            writes.execute(List.of(new Statement("UPDATE attempt_questions SET served_at_ms = :at "
                    + "WHERE attempt_id = :id AND question_id = :question AND served_at_ms IS NULL",
                    Map.of("at", at.toEpochMilli(), "id", attemptId, "question", questionId))));
            changed(attemptId, attempt -> attempt.servedAt().containsKey(questionId) ? attempt
                    : attempt.served(questionId, toMillis(at)));
            return null;
        });
    }

    @Override
    public void recordAnswer(String attemptId, RecordedAnswer answer, PollVote vote) {
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
    public boolean finish(String attemptId, Instant finishedAt) {
        return locks.withLock(attemptId, () -> finishLocked(attemptId, finishedAt));
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
        String attemptId = known.id();
        long[] state = jdbi.withHandle(handle -> handle.createQuery("SELECT a.finished_at_ms, "
                            + "(SELECT COUNT(*) FROM attempt_questions q WHERE q.attempt_id = a.attempt_id "
                            + "AND q.served_at_ms IS NOT NULL) AS served, "
                            + "(SELECT COUNT(*) FROM answers n WHERE n.attempt_id = a.attempt_id) AS answered "
                            + "FROM attempts a WHERE a.attempt_id = :id")
                    .bind("id", attemptId)
                    .map((rs, ctx) -> new long[] {rs.getObject("finished_at_ms") == null ? 0 : 1,
                            rs.getLong("served"), rs.getLong("answered")})
                    .findOne().orElse(null));
        return state != null && state[0] == (known.isFinished() ? 1 : 0) && state[1] == known.servedAt().size()
                && state[2] == known.answers().size();
    }

    private Optional<Attempt> load(String attemptId) {
        return jdbi.withHandle(handle -> {
            List<Row> rows = handle.createQuery("SELECT " + COLUMNS + " FROM attempts a WHERE a.attempt_id = :id")
                    .bind("id", attemptId).map((rs, ctx) -> Row.of(rs)).list();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Parts parts = new Parts();
            handle.createQuery("SELECT q.attempt_id, q.question_id, q.served_at_ms FROM attempt_questions q "
                            + "WHERE q.attempt_id = :id ORDER BY q.serving_index")
                    .bind("id", attemptId).map((rs, ctx) -> parts.addQuestion(rs)).forEach(ignored -> { });
            handle.createQuery("SELECT " + ANSWER_COLUMNS + " FROM answers n WHERE n.attempt_id = :id "
                            + "ORDER BY n.answered_at_ms, n.question_id")
                    .bind("id", attemptId).map((rs, ctx) -> parts.addAnswer(rs)).forEach(ignored -> { });
            return Optional.of(parts.attempt(rows.get(0)));
        });
    }

    private static final String ANSWER_COLUMNS =
            "n.attempt_id, n.question_id, n.answer_json, n.correct, n.points, n.streak_bonus, n.answered_at_ms";

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
            handle.createQuery("SELECT q.attempt_id, q.question_id, q.served_at_ms FROM attempt_questions q "
                            + "JOIN attempts a ON a.attempt_id = q.attempt_id "
                            + "WHERE a.quiz_id = :quiz AND a.finished_at_ms IS NOT NULL "
                            + "ORDER BY q.attempt_id, q.serving_index")
                    .bind("quiz", quizId).map((rs, ctx) -> parts.addQuestion(rs)).forEach(ignored -> { });
            handle.createQuery("SELECT " + ANSWER_COLUMNS + " FROM answers n "
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
    private record Row(String id, String quizId, int quizVersion, String playerId, long seed, Instant startedAt,
                       Instant deadline, Instant finishedAt) {
        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getString("attempt_id"), rs.getString("quiz_id"), rs.getInt("quiz_version"),
                    rs.getString("player_id"), rs.getLong("seed"), instant(rs, "started_at_ms"),
                    instant(rs, "deadline_ms"), instant(rs, "finished_at_ms"));
        }
    }

    /** The question and answer rows of one or more attempts, gathered by attempt id. */
    private static final class Parts {
        private final Map<String, List<String>> questionIds = new HashMap<>();
        private final Map<String, Map<String, Instant>> servedAt = new HashMap<>();
        private final Map<String, Map<String, RecordedAnswer>> answers = new HashMap<>();

        Object addQuestion(ResultSet rs) throws SQLException {
            String attemptId = rs.getString("attempt_id");
            String questionId = rs.getString("question_id");
            questionIds.computeIfAbsent(attemptId, k -> new ArrayList<>()).add(questionId);
            Instant served = instant(rs, "served_at_ms");
            if (served != null) {
                servedAt.computeIfAbsent(attemptId, k -> new HashMap<>()).put(questionId, served);
            }
            return attemptId;
        }

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
                    questionIds.getOrDefault(row.id(), List.of()), row.startedAt(), row.deadline(),
                    servedAt.getOrDefault(row.id(), Map.of()), answers.getOrDefault(row.id(), Map.of()),
                    row.finishedAt());
        }
    }
}
