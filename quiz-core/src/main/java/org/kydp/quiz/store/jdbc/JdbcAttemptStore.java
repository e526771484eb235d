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
import java.util.concurrent.atomic.AtomicLongArray;

import com.github.benmanes.caffeine.cache.Cache;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import org.kydp.quiz.error.ConflictException;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.RecordedAnswer;
import org.kydp.quiz.store.AttemptStore;
import org.kydp.quiz.store.FinishedResult;
import org.kydp.quiz.store.PlayerStore;
import org.kydp.quiz.store.PollVote;
import org.kydp.quiz.store.StaleAttemptException;
import org.kydp.quiz.store.Tally;
import org.kydp.quiz.store.jdbc.Writes.Statement;

/**
 * Attempts in two tables: the attempt, with its question order and serving times in two text columns of its row
 * ({@link AttemptColumns}), and its answers, a row each. Every change is one small write, committed through
 * {@link Writes} before the method returns: starting an attempt is one INSERT, serving a question one UPDATE of the
 * attempt row, an answer one INSERT, finishing one UPDATE.
 *
 * <p><b>Writes verify themselves.</b> Each write is made on the attempt as the caller read it, and only if the
 * attempt in the database is still that one: not finished, the same serving times, as many answers (an attempt only
 * grows, each question served once and answered once, so these say which state it is in). The conditions are part
 * of the write's own statement, so they cost no extra query; a write whose condition fails changes no row, and the
 * store forgets the attempt it kept and throws a {@link StaleAttemptException}, upon which the engine reads the
 * attempt again and makes its change anew.
 *
 * <p><b>Reads are served from memory</b> while what is kept is current ({@link Freshness}): a play request then
 * reads nothing from the database. Each change is announced to the other stores in its own transaction, and a store
 * that hears of a change made elsewhere forgets the attempt. Otherwise each read checks the kept attempt with one
 * small query.
 */
final class JdbcAttemptStore implements AttemptStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcAttemptStore.class);

    private static final String COLUMNS =
            "a.attempt_id, a.quiz_id, a.quiz_version, a.player_id, a.seed, a.question_ids, a.started_at_ms, "
                    + "a.deadline_ms, a.serving_times, a.finished_at_ms";

    /** The conditions under which a write is made: the attempt in the database is the one the write was based on. */
    private static final String STILL_AS_READ = "a.attempt_id = :id AND a.finished_at_ms IS NULL "
            + "AND a.serving_times = :served "
            + "AND (SELECT COUNT(*) FROM answers n WHERE n.attempt_id = :id) = :answered";

    private static final String INSERT_ANSWER = "INSERT INTO answers (attempt_id, question_id, answer_json, correct, "
            + "points, streak_bonus, answered_at_ms) ";

    private static final int STRIPES = 1024;
    /** How many times an attempt is added again after another store took the number it was to have. */
    private static final int MAX_NUMBERING_RUNS = 5;

    private final Jdbi jdbi;
    private final Writes writes;
    private final JdbcStatistics statistics;
    private final Freshness freshness;
    /**
     * Attempts in progress as last read or written here; a play request reads its attempt on every call. Bounded
     * ({@link CacheSizes#attempts()}): past the bound, the attempts least played lately are dropped, and read again
     * if their player comes back. Only attempts in progress are kept (a finished attempt is rarely read again).
     */
    private final Cache<String, Attempt> cached;
    /**
     * A count per stripe of attempt ids, moved on by every change to a kept attempt: a write here, a change heard of
     * from elsewhere, everything forgotten at once. A read or write keeps its result only if the count of its
     * attempt's stripe did not move since it began, so that a read that began before a change cannot put the attempt
     * back as it was before the change, after the change was heard of. Set and checked inside {@link #cached}'s
     * {@code compute} for the attempt (atomic for one key), so that a change and a keep of one attempt never
     * interleave.
     */
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);

    JdbcAttemptStore(Jdbi jdbi, Writes writes, Freshness freshness, Cache<String, Attempt> cached,
                     JdbcStatistics statistics) {
        this.statistics = statistics;
        this.jdbi = jdbi;
        this.writes = writes;
        this.freshness = freshness;
        this.cached = cached;
    }

    // ---- what is kept

    private static int stripe(String attemptId) {
        int hash = attemptId.hashCode();
        return (hash ^ (hash >>> 16)) & (STRIPES - 1);
    }

    private long generation(String attemptId) {
        return generations.get(stripe(attemptId));
    }

    /** Keeps an attempt as read, unless a change moved its generation on since {@code seen}. */
    private void keepRead(Attempt attempt, long seen) {
        cached.asMap().compute(attempt.id(), (id, kept) ->
                generations.get(stripe(id)) != seen || attempt.isFinished() ? null : attempt);
    }

    /**
     * Keeps an attempt as this store just wrote it, unless a change heard of since {@code seen} (which committed after
     * this write, since the write was verified) makes it out of date; moves the generation on either way, so that a
     * read that began before this write does not keep what it read.
     */
    private void keepWritten(Attempt attempt, long seen) {
        cached.asMap().compute(attempt.id(), (id, kept) -> {
            boolean current = generations.get(stripe(id)) == seen;
            generations.incrementAndGet(stripe(id));
            return current && !attempt.isFinished() ? attempt : null;
        });
    }

    /** Forgets the attempt, and any read of it in progress: it was changed through another store. */
    void changedElsewhere(String attemptId) {
        cached.asMap().compute(attemptId, (id, kept) -> {
            generations.incrementAndGet(stripe(id));
            return null;
        });
    }

    /** Forgets every attempt kept, and every read in progress: changes made elsewhere may have gone unheard. */
    void forgetAll() {
        for (int i = 0; i < STRIPES; i++) {
            generations.incrementAndGet(i);
        }
        cached.invalidateAll();
    }

    /** Forgets the attempt a write found changed, and says so. */
    private StaleAttemptException stale(String attemptId) {
        changedElsewhere(attemptId);
        return new StaleAttemptException(attemptId);
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

    // ---- writes

    /**
     * One INSERT of the attempt as its player's next at its quiz, which adds it only while the player has fewer
     * attempts at the quiz than allowed; nobody is told, as no other store can have kept an attempt that did not
     * exist. Two stores adding an attempt for one player at once both read the same count: the unique number per
     * player and quiz lets only one of them add it, and the other counts again. The start's pending statistics row
     * goes, in the same transaction, to the table the statistics name ({@link JdbcStatistics#writingPending}).
     */
    @Override
    public boolean create(Attempt attempt, int allowed, Tally started) {
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
        row.put("allowed", allowed > 0 ? allowed : Integer.MAX_VALUE);
        statements.add(new Statement("INSERT INTO attempts (attempt_id, quiz_id, quiz_version, player_id, seed, "
                + "question_ids, started_at_ms, deadline_ms, serving_times, finished_at_ms, attempt_number) "
                + "SELECT :id, :quiz, :version, :player, :seed, :questions, :started, CAST(:deadline AS BIGINT), "
                + ":served, CAST(:finished AS BIGINT), COALESCE(MAX(attempt_number), 0) + 1 FROM attempts "
                + "WHERE player_id = :player AND quiz_id = :quiz HAVING COUNT(*) < :allowed", row));
        for (RecordedAnswer answer : attempt.answers().values()) {
            statements.add(new Statement(INSERT_ANSWER + "VALUES (:id, :question, :answer, :correct, :points, "
                    + ":streak, :at)", answerRow(attempt, answer)));
        }
        long seen = generation(attempt.id());
        return statistics.writingPending(pending -> {
            if (!started.counts().isEmpty()) {
                statements.add(new Statement("INSERT INTO " + pending + " (attempt_id, part, at_ms) SELECT "
                        + "attempt_id, 'S', started_at_ms FROM attempts WHERE attempt_id = :id",
                        Map.of("id", attempt.id())));
            }
            for (int run = 1; ; run++) {
                try {
                    if (writes.execute(statements)[0] == 0) {
                        return false;
                    }
                    keepWritten(asStored(attempt), seen);
                    statistics.started(attempt.id(), pending, started);
                    return true;
                } catch (RuntimeException e) {
                    if (!SqlErrors.isDuplicateKey(e) || run == MAX_NUMBERING_RUNS) {
                        throw e;
                    }
                }
            }
        });
    }

    private static String servingTimes(Attempt attempt) {
        return AttemptColumns.servingTimes(attempt.questionIds(), attempt.servedAt(), attempt.startedAt());
    }

    /** The parameters of a write on {@code read}: its id, and what {@link #STILL_AS_READ} compares. */
    private static Map<String, Object> basedOn(Attempt read) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", read.id());
        row.put("served", servingTimes(read));
        row.put("answered", (long) read.answers().size());
        return row;
    }

    /**
     * One UPDATE of the attempt row, writing its serving times whole, on condition that the attempt is still
     * {@code read}.
     */
    @Override
    public void markServed(Attempt read, String questionId, Instant at) {
        if (read.servedAt().containsKey(questionId)) {
            return;
        }
        String attemptId = read.id();
        Attempt served = read.served(questionId, toMillis(at));
        Map<String, Object> row = basedOn(read);
        row.put("next", servingTimes(served));
        long seen = generation(attemptId);
        int[] updated = writes.execute(List.of(new Statement("UPDATE attempts a SET serving_times = :next WHERE "
                + STILL_AS_READ, row, Change.attempt(attemptId))));
        if (updated[0] == 0) {
            throw stale(attemptId);
        }
        keepWritten(served, seen);
    }

    /**
     * One INSERT of the answer, on condition that the attempt is still {@code read}. An answer that casts a poll vote
     * counts it in the same transaction, only if the answer was inserted.
     */
    @Override
    public void recordAnswer(Attempt read, RecordedAnswer answer, PollVote vote) {
        String attemptId = read.id();
        Map<String, Object> row = answerRow(read, answer);
        row.putAll(basedOn(read));
        String insert = INSERT_ANSWER + "SELECT :id, :question, :answer, :correct, :points, :streak, :at "
                + "FROM attempts a WHERE " + STILL_AS_READ;
        long seen = generation(attemptId);
        int inserted;
        try {
            inserted = vote == null
                    ? writes.execute(List.of(new Statement(insert, row, Change.attempt(attemptId))))[0]
                    : writes.write(handle -> insertCountingVote(handle, insert, row, vote),
                            count -> count == 0 ? List.of() : List.of(Change.attempt(attemptId)));
        } catch (RuntimeException e) {
            if (SqlErrors.isDuplicateKey(e)) {
                changedElsewhere(attemptId);
                throw new ConflictException("question " + answer.questionId() + " of attempt " + attemptId
                        + " already has an answer");
            }
            throw e;
        }
        if (inserted == 0) {
            throw stale(attemptId);
        }
        keepWritten(read.answered(asStored(answer)), seen);
    }

    /**
     * The answer, then its vote if the answer was inserted: in one unit of work, since a group commit's batches
     * do not keep the order of one write's statements.
     */
    private static int insertCountingVote(Handle handle, String insert, Map<String, Object> row, PollVote vote) {
        int inserted = handle.createUpdate(insert).bindMap(row).execute();
        if (inserted > 0) {
            Writes.executeEach(handle, JdbcPollStore.counting(vote), new ArrayList<>());
        }
        return inserted;
    }

    private static Map<String, Object> answerRow(Attempt attempt, RecordedAnswer answer) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", attempt.id());
        row.put("question", answer.questionId());
        row.put("answer", AnswerJson.write(answer.answer()));
        row.put("correct", answer.correct());
        row.put("points", answer.points());
        row.put("streak", answer.streakBonus());
        row.put("at", answer.at().toEpochMilli());
        return row;
    }

    /**
     * One UPDATE that finishes the attempt and writes its score, on condition that the attempt is still
     * {@code read}. When it changes no row, the attempt is read again: finished elsewhere, it was not this call that
     * finished it; otherwise {@code read} was out of date.
     */
    @Override
    public boolean finish(Attempt read, Instant finishedAt, Tally tally) {
        if (read.isFinished()) {
            return false;
        }
        String attemptId = read.id();
        Map<String, Object> row = basedOn(read);
        row.put("at", finishedAt.toEpochMilli());
        long token = java.util.concurrent.ThreadLocalRandom.current().nextLong();
        row.put("token", token);
        boolean finished = statistics.writingPending(pending -> {
            List<Statement> statements = new ArrayList<>();
            statements.add(new Statement("UPDATE attempts a SET finished_at_ms = :at, "
                    + "score = (SELECT COALESCE(SUM(n.points), 0) FROM answers n WHERE n.attempt_id = :id), "
                    + "stats_token = :token WHERE " + STILL_AS_READ, row, Change.finished(attemptId)));
            if (!tally.counts().isEmpty()) {
                statements.add(new Statement("INSERT INTO " + pending + " (attempt_id, part, at_ms) SELECT "
                        + "attempt_id, 'F', finished_at_ms FROM attempts WHERE attempt_id = :id "
                        + "AND stats_token = :token",
                        Map.of("id", attemptId, "token", token)));
            }
            int[] updated = writes.execute(statements);
            changedElsewhere(attemptId); // finished, here or elsewhere: no longer kept
            if (updated[0] == 1) {
                statistics.finished(attemptId, pending, tally);
                return true;
            }
            return false;
        });
        if (finished) {
            return true;
        }
        if (load(attemptId).map(Attempt::isFinished).orElse(false)) {
            return false;
        }
        throw new StaleAttemptException(attemptId);
    }

    /**
     * Starts looking for starts and finishes the statistics do not hold yet: those a stopped server had not summed,
     * and the attempts of a database from before the statistics (see {@link JdbcStatistics}).
     */
    @Override
    public int countInStatistics(Counting counting) {
        statistics.recoverWith(counting, this::load);
        return 0;
    }

    // ---- reads

    /** The attempt as kept, when what is kept is current or passes its check; otherwise as read (and kept). */
    @Override
    public Optional<Attempt> find(String attemptId) {
        Attempt known = cached.getIfPresent(attemptId);
        if (known != null && (freshness.keptIsCurrent() || unchanged(known))) {
            return Optional.of(known);
        }
        return read(attemptId);
    }

    /** The attempt as the database holds it now; from memory only when this store is the database's sole writer. */
    @Override
    public Optional<Attempt> findCurrent(String attemptId) {
        return freshness.soleWriter() ? find(attemptId) : read(attemptId);
    }

    private Optional<Attempt> read(String attemptId) {
        long seen = generation(attemptId);
        Optional<Attempt> loaded = load(attemptId);
        loaded.ifPresentOrElse(attempt -> keepRead(attempt, seen), () -> cached.invalidate(attemptId));
        return loaded;
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
                .setQueryTimeout(0) // reads every finished attempt there is: it takes as long as there are many
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
