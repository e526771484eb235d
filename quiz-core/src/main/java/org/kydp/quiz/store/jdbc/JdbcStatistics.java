package org.kydp.quiz.store.jdbc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.store.AttemptStore;
import org.kydp.quiz.store.RunningSums;
import org.kydp.quiz.store.StatisticsStore;
import org.kydp.quiz.store.Tally;

/**
 * The running sums of the statistics in the database. A start or finish only adds a pending row in its own write;
 * what it adds to the sums ({@link Tally}) waits here, and about twice a second one transaction adds the tallies
 * waiting, summed in memory, to their rows: a hundred finishes of a quiz rewrite its rows once, not a hundred times.
 * The same transaction marks the pending rows summed and adds only the tallies whose row it marked, so that each is
 * summed once whichever server sums it. It locks no attempt: the requests' writes never wait for it.
 *
 * <p><b>Two tables in turn.</b> The pending rows go to {@code stats_pending_a} or {@code stats_pending_b}, whichever
 * {@code stats_pending_turn} names; each server learns which twice a second. A summed row is marked, not deleted:
 * H2 2.5.252 leaves pages of rows deleted in a transaction counted as live in the file, which then cannot be
 * compacted (README, "Benchmarks", Storage; {@code H2DeletedRowsTest}). The table not written to is emptied whole
 * with {@code TRUNCATE TABLE} once every row in it is summed, and then, once the other has been written to for
 * {@link #TURN_MS}, the writes turn to it. Emptying is safe whatever table a server late to learn of a turn writes
 * to, as it checks that every row is summed while no write of a pending row can be under way: on PostgreSQL under
 * the table's own lock ({@code LOCK TABLE ... NOWAIT}, taken only when no transaction holds any lock on the table:
 * it never waits, so no write ever waits behind it and it can be part of no deadlock; a table in use is tried again
 * the next round); on an embedded
 * H2 database, whose writers are all in this JVM, under the lock every writer holds shared ({@link Ownership}),
 * since H2's {@code TRUNCATE} commits and cannot be part of a transaction; anywhere else (an H2 server, a file other
 * processes may open) only the summed rows are deleted, one statement for all.
 *
 * <p>What a stopped server had not summed yet, and the attempts of a database from before the statistics, keep
 * their pending rows: every server looks for those older than {@link #RECOVER_AFTER_MS} at its start and each
 * minute, works out their tallies again (the engine's {@link AttemptStore.Counting}) and sums them. Reading the
 * statistics sums what this server has waiting first, so that it reads its own writes.
 */
final class JdbcStatistics implements StatisticsStore, AutoCloseable {

    /** The day of the sums of all days, kept beside each day's for every table but {@code stats_days}. */
    static final long ALL_DAYS = -1_000_000;
    static final long FLUSH_MS = 500;
    static final long RECOVER_AFTER_MS = 30_000;
    static final long RECOVER_EVERY_MS = 60_000;
    /** How long the pending rows go to one table before they turn to the other (once the other is empty). */
    static final long TURN_MS = 5_000;
    static final String TABLE_A = "stats_pending_a";
    static final String TABLE_B = "stats_pending_b";
    private static final int RECOVERED_AT_ONCE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStatistics.class);

    /** A start or finish waiting to be summed, and the table its pending row went to. */
    private record Waiting(String attemptId, boolean start, String table, Tally tally) {
    }

    private final Jdbi jdbi;
    private final boolean postgres;
    /** Held shared by every write of a pending row, where all writers are in this JVM; null elsewhere. */
    private final Lock writing;
    /** Held by emptying a table, where all writers are in this JVM; null elsewhere. */
    private final Lock emptying;
    /** The table the pending rows go to, as last read from {@code stats_pending_turn}. */
    private volatile String current = TABLE_A;
    private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService thread;
    private volatile AttemptStore.Counting counting;
    private volatile Function<String, Optional<Attempt>> attempts;
    private boolean failing;

    /**
     * @param writersHere the lock every writer of the database holds, where all of them are in this JVM
     *                    ({@link Ownership#writersHere()})
     */
    JdbcStatistics(Jdbi jdbi, String name, Optional<ReadWriteLock> writersHere, boolean postgres) {
        this.jdbi = jdbi;
        this.postgres = postgres;
        this.writing = writersHere.map(ReadWriteLock::readLock).orElse(null);
        this.emptying = writersHere.map(ReadWriteLock::writeLock).orElse(null);
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread summer = new Thread(runnable, name);
            summer.setDaemon(true);
            return summer;
        });
        thread.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::recoverQuietly, RECOVER_EVERY_MS, RECOVER_EVERY_MS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Runs a write that adds a pending row, given the table it is to go to, and returns what it returns; where all
     * writers are in this JVM, holding their lock shared, so that no table is emptied while it runs.
     */
    <T> T writingPending(Function<String, T> write) {
        if (writing == null) {
            return write.apply(current);
        }
        writing.lock();
        try {
            return write.apply(current);
        } finally {
            writing.unlock();
        }
    }

    /** A start that was just stored, with its pending row in {@code table}: its tally waits to be summed. */
    void started(String attemptId, String table, Tally tally) {
        waiting.add(new Waiting(attemptId, true, table, tally));
    }

    /** A finish that was just stored, with its pending row in {@code table}. */
    void finished(String attemptId, String table, Tally tally) {
        waiting.add(new Waiting(attemptId, false, table, tally));
    }

    /**
     * From now on, looks for starts and finishes left unsummed (now, then each minute), and works out their tallies
     * with {@code counting} from the attempts as {@code load} reads them.
     */
    void recoverWith(AttemptStore.Counting counting, Function<String, Optional<Attempt>> load) {
        this.counting = counting;
        this.attempts = load;
        thread.execute(this::recoverQuietly);
    }

    /** Sums what waits, now, in the caller's thread. */
    synchronized int flush() {
        List<Waiting> batch = new ArrayList<>();
        Waiting next;
        while (batch.size() < 20_000 && (next = waiting.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            return jdbi.inTransaction(handle -> sum(handle, batch));
        } catch (RuntimeException e) {
            waiting.addAll(batch); // marked and summed only together: tried again whole
            throw e;
        }
    }

    private int sum(Handle handle, List<Waiting> batch) {
        int[] marked = mark(handle, batch);
        Set<String> firsts = firstAttempts(handle, batch, marked);
        RunningSums sums = new RunningSums();
        int summed = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (marked[i] > 0) {
                Tally tally = batch.get(i).tally();
                boolean first = firsts.contains(batch.get(i).attemptId());
                sums.add(tally, first);
                sums.add(new Tally(tally.quizId(), tally.quizVersion(), ALL_DAYS, tally.counts().stream()
                        .filter(count -> !(count instanceof Tally.Started || count instanceof Tally.Finished))
                        .toList()), first);
                summed++;
            }
        }
        write(handle, sums);
        return summed;
    }

    /**
     * Marks the pending row of each start or finish summed, in one order (so that two servers summing the same rows
     * cannot deadlock); 1 where this marked it, so that this sums it. A row another server marked, or that is gone
     * with its table emptied (which only a table all of whose rows were marked is), is not marked again.
     */
    private static int[] mark(Handle handle, List<Waiting> batch) {
        batch.sort(java.util.Comparator.comparing(Waiting::table).thenComparing(Waiting::attemptId)
                .thenComparing(Waiting::start));
        int[] marked = new int[batch.size()];
        for (int from = 0, to; from < batch.size(); from = to) {
            String table = batch.get(from).table();
            to = from;
            PreparedBatch update = handle.prepareBatch(MARK.formatted(table));
            for (; to < batch.size() && batch.get(to).table().equals(table); to++) {
                update.bind("id", batch.get(to).attemptId()).bind("part", batch.get(to).start() ? "S" : "F").add();
            }
            int[] counts = update.execute();
            System.arraycopy(counts, 0, marked, from, counts.length);
        }
        return marked;
    }

    private static final String MARK = "UPDATE %s SET summed = TRUE WHERE attempt_id = :id AND part = :part "
            + "AND summed = FALSE";

    /** Of the starts to sum, those that are their player's first attempt at the quiz. */
    private static Set<String> firstAttempts(Handle handle, List<Waiting> batch, int[] marked) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (marked[i] > 0 && batch.get(i).start()) {
                ids.add(batch.get(i).attemptId());
            }
        }
        Set<String> firsts = new HashSet<>();
        for (int from = 0; from < ids.size(); from += 500) {
            firsts.addAll(handle.createQuery("SELECT attempt_id FROM attempts WHERE attempt_number = 1 "
                    + "AND attempt_id IN (<ids>)").bindList("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .mapTo(String.class).list());
        }
        return firsts;
    }

    /**
     * Adds the sums to their rows: an UPDATE per row, then an INSERT (plain VALUES) of the rows no UPDATE found, with
     * the sums as their first values. Two servers inserting one new row at once break the primary key: that round is
     * rolled back and tried again, when the row exists.
     */
    private static void write(Handle handle, RunningSums sums) {
        List<Map<String, Object>> days = new ArrayList<>();
        List<Map<String, Object>> bins = new ArrayList<>();
        List<Map<String, Object>> questions = new ArrayList<>();
        List<Map<String, Object>> responses = new ArrayList<>();
        sums.forEachDay((quiz, version, day, rows) -> {
            if (day != ALL_DAYS) {
                for (StatsRows.Day row : rows.days()) {
                    Map<String, Object> values = key(quiz, version, day);
                    values.put("started", row.started());
                    values.put("finished", row.finished());
                    values.put("players", row.players());
                    values.put("sum", row.scoreSum());
                    values.put("squares", row.scoreSquares());
                    days.add(values);
                }
            }
            for (StatsRows.Bin bin : rows.bins()) {
                Map<String, Object> values = key(quiz, version, day);
                values.put("kind", bin.kind().name());
                values.put("from", bin.from());
                values.put("width", bin.width());
                values.put("attempts", bin.attempts());
                bins.add(values);
            }
            for (StatsRows.Question q : rows.questions()) {
                Map<String, Object> values = key(quiz, version, day);
                values.put("question", q.questionId());
                values.put("attempts", q.attempts());
                values.put("served", q.served());
                values.put("answered", q.answered());
                values.put("skipped", q.skipped());
                values.put("timedOut", q.timedOut());
                values.put("right", q.fullyRight());
                values.put("timeMs", q.timeMs());
                values.put("timed", q.timed());
                values.put("scored", q.scored());
                values.put("x", q.sumX());
                values.put("xx", q.sumXx());
                values.put("y", q.sumY());
                values.put("yy", q.sumYy());
                values.put("xy", q.sumXy());
                questions.add(values);
            }
            for (StatsRows.Response r : rows.responses()) {
                Map<String, Object> values = key(quiz, version, day);
                values.put("question", r.questionId());
                values.put("kind", r.kind().name());
                values.put("response", r.response());
                values.put("times", r.times());
                responses.add(values);
            }
        });
        upsert(handle, days, "UPDATE stats_days SET started = started + :started, finished = finished + :finished, "
                + "players = players + :players, score_sum = score_sum + :sum, "
                + "score_squares = score_squares + :squares WHERE " + KEY,
                "INSERT INTO stats_days (quiz_id, quiz_version, epoch_day, started, finished, players, score_sum, "
                + "score_squares) VALUES (:quiz, :version, :day, :started, :finished, :players, :sum, :squares)");
        upsert(handle, bins, "UPDATE stats_bins SET attempts = attempts + :attempts WHERE " + KEY
                + " AND kind = :kind AND bin_from = :from AND bin_width = :width",
                "INSERT INTO stats_bins (quiz_id, quiz_version, epoch_day, kind, bin_from, bin_width, attempts) "
                + "VALUES (:quiz, :version, :day, :kind, :from, :width, :attempts)");
        upsert(handle, questions, "UPDATE stats_questions SET attempts = attempts + :attempts, "
                + "served = served + :served, answered = answered + :answered, skipped = skipped + :skipped, "
                + "timed_out = timed_out + :timedOut, fully_right = fully_right + :right, time_ms = time_ms + :timeMs, "
                + "timed = timed + :timed, scored = scored + :scored, sum_x = sum_x + :x, sum_xx = sum_xx + :xx, "
                + "sum_y = sum_y + :y, sum_yy = sum_yy + :yy, sum_xy = sum_xy + :xy WHERE " + KEY
                + " AND question_id = :question",
                "INSERT INTO stats_questions (quiz_id, quiz_version, epoch_day, question_id, attempts, served, "
                + "answered, skipped, timed_out, fully_right, time_ms, timed, scored, sum_x, sum_xx, sum_y, sum_yy, "
                + "sum_xy) VALUES (:quiz, :version, :day, :question, :attempts, :served, :answered, :skipped, "
                + ":timedOut, :right, :timeMs, :timed, :scored, :x, :xx, :y, :yy, :xy)");
        upsert(handle, responses, "UPDATE stats_responses SET times = times + :times WHERE " + KEY
                + " AND question_id = :question AND kind = :kind AND response = :response",
                "INSERT INTO stats_responses (quiz_id, quiz_version, epoch_day, question_id, kind, response, times) "
                + "VALUES (:quiz, :version, :day, :question, :kind, :response, :times)");
    }

    private static Map<String, Object> key(String quiz, int version, long day) {
        Map<String, Object> key = new java.util.HashMap<>();
        key.put("quiz", quiz);
        key.put("version", version);
        key.put("day", day);
        return key;
    }

    /** Runs the UPDATE for every row, then the INSERT for the rows it found none of. */
    private static void upsert(Handle handle, List<Map<String, Object>> rows, String update, String insert) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch updates = handle.prepareBatch(update);
        rows.forEach(row -> updates.bindMap(row).add());
        int[] updated = updates.execute();
        PreparedBatch inserts = handle.prepareBatch(insert);
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                inserts.bindMap(rows.get(i)).add();
            }
        }
        if (inserts.size() > 0) {
            inserts.execute();
        }
    }

    private static final String KEY = "quiz_id = :quiz AND quiz_version = :version AND epoch_day = :day";

    private void flushQuietly() {
        try {
            flush();
            takeTurns();
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("adding to the statistics, or emptying the pending rows summed, failed; trying again every "
                        + "{} ms", FLUSH_MS, e);
            }
            failing = true;
        }
    }

    /** The table the pending rows go to, and since when. */
    private record Turn(String table, long sinceMs) {
        String other() {
            return table.equals(TABLE_A) ? TABLE_B : TABLE_A;
        }
    }

    /** How {@code stats_pending_turn} names a table: by the letter its name ends with. */
    private static String letter(String table) {
        return table.substring(table.length() - 1);
    }

    /**
     * Learns which table the pending rows go to; empties the other once every row in it is summed, and turns the
     * writes to it once it is empty and the current one has been written to for {@link #TURN_MS}. Whichever server
     * turns first turns: the UPDATE only turns from the table it read, and only to an empty one.
     */
    void takeTurns() {
        Turn turn = jdbi.withHandle(handle -> handle.createQuery("SELECT turn, since_ms FROM stats_pending_turn")
                .map((rs, ctx) -> new Turn(rs.getString("turn").trim().equals("b") ? TABLE_B : TABLE_A,
                        rs.getLong("since_ms")))
                .one());
        current = turn.table();
        String other = turn.other();
        if (isEmpty(other)) {
            long now = System.currentTimeMillis();
            if (now - turn.sinceMs() >= TURN_MS && turn(turn.table(), other, now)) {
                current = other;
            }
        } else if (allSummed(other)) {
            empty(other);
        }
    }

    private boolean isEmpty(String table) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM " + table
                + " LIMIT 1) t").mapTo(Integer.class).one()) == 0;
    }

    private boolean allSummed(String table) {
        return jdbi.withHandle(handle -> allSummed(handle, table));
    }

    private static boolean allSummed(Handle handle, String table) {
        return handle.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM " + table + " WHERE summed = FALSE LIMIT 1) t")
                .mapTo(Integer.class).one() == 0;
    }

    /** Turns the writes from one table to the other, if no other server turned them yet and it is still empty. */
    private boolean turn(String from, String to, long now) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE stats_pending_turn SET turn = :to, "
                + "since_ms = :now WHERE turn = :from AND NOT EXISTS (SELECT 1 FROM " + to + ")")
                .bind("to", letter(to)).bind("now", now).bind("from", letter(from)).execute()) == 1;
    }

    /**
     * Empties a table every row of which is summed, checking again that each is while no write of a pending row can
     * be under way (see the class comment); true if it did. A row written meanwhile waits for the next round.
     */
    boolean empty(String table) {
        if (postgres) {
            return emptyUnderTableLock(table);
        }
        if (emptying == null) {
            jdbi.useHandle(handle -> handle.execute("DELETE FROM " + table + " WHERE summed = TRUE"));
            return false;
        }
        emptying.lock();
        try {
            return jdbi.withHandle(handle -> truncateIfAllSummed(handle, table));
        } finally {
            emptying.unlock();
        }
    }

    /**
     * PostgreSQL: the table's lock, the transaction's only one, taken at once or not at all ({@code NOWAIT}, which
     * fails with {@code lock_not_available}), so that the writes to the table never wait behind it.
     */
    private boolean emptyUnderTableLock(String table) {
        try {
            return jdbi.inTransaction(handle -> {
                handle.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE NOWAIT");
                return truncateIfAllSummed(handle, table);
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isTimeout(e)) {
                return false; // in use: tried again in the next round
            }
            throw e;
        }
    }

    private static boolean truncateIfAllSummed(Handle handle, String table) {
        if (!allSummed(handle, table)) {
            return false;
        }
        handle.execute("TRUNCATE TABLE " + table);
        return true;
    }

    /**
     * Sums, from the attempts, the starts and finishes left unsummed for longer than {@link #RECOVER_AFTER_MS} (or
     * at all, in a database from before the statistics), from both tables, a thousand at a time in the order of their
     * key (an attempt whose two rows straddle two batches is read again from the second on: the row the first batch
     * summed is marked by then, and not read again).
     */
    int recover() {
        AttemptStore.Counting counting = this.counting;
        Function<String, Optional<Attempt>> load = this.attempts;
        if (counting == null) {
            return 0;
        }
        long cutoff = System.currentTimeMillis() - RECOVER_AFTER_MS;
        return recover(TABLE_A, cutoff, counting, load) + recover(TABLE_B, cutoff, counting, load);
    }

    private int recover(String table, long cutoff, AttemptStore.Counting counting,
                        Function<String, Optional<Attempt>> load) {
        int recovered = 0;
        String after = "";
        while (true) {
            String last = after;
            List<Map<String, Object>> left = jdbi.withHandle(handle -> handle.createQuery("SELECT attempt_id, part "
                    + "FROM " + table + " WHERE attempt_id >= :after AND at_ms < :cutoff AND summed = FALSE "
                    + "ORDER BY attempt_id, part LIMIT " + RECOVERED_AT_ONCE)
                    .bind("after", last).bind("cutoff", cutoff).mapToMap().list());
            for (Map<String, Object> row : left) {
                String attemptId = (String) row.get("attempt_id");
                boolean start = "S".equals(row.get("part"));
                try {
                    Attempt attempt = load.apply(attemptId).orElseThrow(() -> new IllegalStateException("not found"));
                    if (start) {
                        started(attemptId, table, counting.started(attempt));
                    } else {
                        finished(attemptId, table, counting.finished(attempt));
                    }
                } catch (RuntimeException e) {
                    LOG.warn("attempt {} cannot be counted in the statistics: {}", attemptId, e.toString());
                    jdbi.useHandle(handle -> handle.createUpdate(MARK.formatted(table))
                            .bind("id", attemptId).bind("part", start ? "S" : "F").execute());
                }
                after = attemptId;
            }
            flush();
            recovered += left.size();
            if (left.size() < RECOVERED_AT_ONCE) {
                return recovered;
            }
        }
    }

    private void recoverQuietly() {
        try {
            int recovered = recover();
            if (recovered > 0) {
                LOG.info("counted {} attempts left uncounted in the statistics", recovered);
            }
        } catch (RuntimeException e) {
            LOG.warn("counting attempts left uncounted in the statistics failed; trying again in {} s",
                    RECOVER_EVERY_MS / 1000, e);
        }
    }

    @Override
    public StatsRows read(String quizId, OptionalInt version, long fromDay, long toDay) {
        flush();
        return query(quizId, version, fromDay, toDay, false);
    }

    @Override
    public StatsRows readAllDays(String quizId, OptionalInt version) {
        flush();
        return query(quizId, version, ALL_DAYS + 1, Long.MAX_VALUE / 2, true);
    }

    private StatsRows query(String quizId, OptionalInt version, long fromDay, long toDay, boolean allDays) {
        String days = " WHERE quiz_id = :quiz AND epoch_day BETWEEN :from AND :to"
                + (version.isPresent() ? " AND quiz_version = :version" : "");
        String where = allDays ? " WHERE quiz_id = :quiz AND epoch_day = " + ALL_DAYS
                + (version.isPresent() ? " AND quiz_version = :version" : "") : days;
        return jdbi.withHandle(handle -> new StatsRows(
                query(handle, "SELECT epoch_day, SUM(started) AS started, SUM(finished) AS finished, "
                        + "SUM(players) AS players, SUM(score_sum) AS score_sum, SUM(score_squares) AS score_squares "
                        + "FROM stats_days" + days + " GROUP BY epoch_day ORDER BY epoch_day",
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
        Query query = handle.createQuery(sql).bind("quiz", quizId);
        if (sql.contains(":from")) {
            query.bind("from", from).bind("to", to);
        }
        version.ifPresent(v -> query.bind("version", v));
        return query;
    }

    /** Sums what waits, then stops. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
            flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("the statistics waiting could not be summed before the store closed; they are summed again "
                    + "from the attempts when a server next starts on the database", e);
        }
    }
}
