package org.kydp.quiz.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import org.kydp.quiz.error.ConflictException;
import org.kydp.quiz.error.LiveSessionNotFoundException;
import org.kydp.quiz.error.NameTakenException;
import org.kydp.quiz.error.QuizException;
import org.kydp.quiz.model.LiveAnswer;
import org.kydp.quiz.model.LiveFact;
import org.kydp.quiz.model.LivePhase;
import org.kydp.quiz.model.LivePlayer;
import org.kydp.quiz.model.LiveSession;
import org.kydp.quiz.model.LiveSettings;
import org.kydp.quiz.store.LiveChange;
import org.kydp.quiz.store.LiveStore;
import org.kydp.quiz.store.jdbc.Writes.Statement;

/**
 * Live sessions in five tables (see {@code V5__live_sessions.sql}). A change locks the session's row
 * ({@code SELECT … FOR UPDATE}), so that changes of one session never interleave, on any server; it is one write of
 * the group commit, and on PostgreSQL it is announced to the other servers in the same transaction
 * ({@link Change.Kind#LIVE}). An answer is two
 * statements that group commit batches with the other answers: first counted on the session's row while its question
 * is open there, which takes the row's lock and so orders the answer before or after a close on any server, then
 * inserted by a statement that sees the question still open. A close that went first leaves both with no row.
 */
final class JdbcLiveStore implements LiveStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String SESSION_COLUMNS = "s.session_id, s.code, s.quiz_id, s.quiz_version, s.language, "
            + "s.question_time_limit_ms, s.reading_time_ms, s.late_join, s.auto_advance_ms, s.seed, s.host_token_hash, "
            + "s.question_ids, s.phase, s.question_index, s.opened_at_ms, s.answers_open_at_ms, s.deadline_ms, "
            + "s.closed_at_ms, s.joined, s.players, s.answered, s.last_event_id, s.created_at_ms, s.changed_at_ms, "
            + "s.ended_at_ms";
    private static final String PLAYER_COLUMNS = "p.session_id, p.ordinal, p.live_player_id, p.display_name, "
            + "p.token_hash, p.registered_player_id, p.joined_at_ms, p.removed_at_ms";
    private static final String ANSWER_COLUMNS = "a.session_id, a.question_index, a.ordinal, a.answer_json, "
            + "a.correct, a.fraction, a.points, a.streak_bonus, a.answered_at_ms";

    private final Jdbi jdbi;
    private final Writes writes;
    private final Ownership ownership;

    JdbcLiveStore(Jdbi jdbi, Writes writes, Ownership ownership) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.ownership = ownership;
    }

    @Override
    public boolean create(LiveSession session) {
        Map<String, Object> row = sessionRow(session);
        row.put("hostTokenHash", session.hostTokenHash());
        row.put("questionIds", json(session.questionIds()));
        row.put("seed", session.seed());
        row.put("code", session.code());
        row.put("quizId", session.quizId());
        row.put("quizVersion", session.quizVersion());
        row.put("language", session.language());
        row.put("questionTime", millis(session.settings().questionTimeLimit()));
        row.put("readingTime", session.settings().readingTime().toMillis());
        row.put("lateJoin", session.settings().lateJoin());
        row.put("autoAdvance", millis(session.settings().autoAdvance()));
        row.put("createdAt", session.createdAt().toEpochMilli());
        try {
            writes.execute(List.of(
                    new Statement("INSERT INTO live_sessions (session_id, code, quiz_id, quiz_version, language, "
                            + "question_time_limit_ms, reading_time_ms, late_join, auto_advance_ms, seed, "
                            + "host_token_hash, question_ids, phase, question_index, opened_at_ms, answers_open_at_ms, "
                            + "deadline_ms, closed_at_ms, joined, players, answered, last_event_id, created_at_ms, "
                            + "changed_at_ms, ended_at_ms, timer_owner, timer_lease_until_ms) VALUES (:id, :code, "
                            + ":quizId, :quizVersion, :language, :questionTime, :readingTime, :lateJoin, :autoAdvance, "
                            + ":seed, :hostTokenHash, :questionIds, :phase, :questionIndex, :openedAt, :answersOpenAt, "
                            + ":deadline, :closedAt, :joined, :players, :answered, :lastEventId, :createdAt, "
                            + ":changedAt, :endedAt, NULL, 0)", row),
                    new Statement("INSERT INTO live_codes (code, session_id) VALUES (:code, :id)", row)));
            return true;
        } catch (RuntimeException e) {
            if (SqlErrors.isDuplicateKey(e) && findOpenByCode(session.code()).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    /** The columns a change of state writes. */
    private static Map<String, Object> sessionRow(LiveSession session) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", session.id());
        row.put("phase", session.phase().wireName());
        row.put("questionIndex", session.questionIndex());
        row.put("openedAt", millis(session.openedAt()));
        row.put("answersOpenAt", millis(session.answersOpenAt()));
        row.put("deadline", millis(session.deadline()));
        row.put("closedAt", millis(session.closedAt()));
        row.put("joined", session.joined());
        row.put("players", session.players());
        row.put("answered", session.answered());
        row.put("lastEventId", session.lastEventId());
        row.put("changedAt", session.changedAt().toEpochMilli());
        row.put("endedAt", millis(session.endedAt()));
        return row;
    }

    @Override
    public Optional<LiveSession> find(String sessionId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + SESSION_COLUMNS
                        + " FROM live_sessions s WHERE s.session_id = :id")
                .bind("id", sessionId).map((rs, ctx) -> session(rs)).findOne());
    }

    @Override
    public Optional<LiveSession> findOpenByCode(String code) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + SESSION_COLUMNS + " FROM live_codes c "
                        + "JOIN live_sessions s ON s.session_id = c.session_id WHERE c.code = :code")
                .bind("code", code).map((rs, ctx) -> session(rs)).findOne())
                .filter(session -> !session.isEnded());
    }

    @Override
    public int countOpen() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM live_codes")
                .mapTo(Integer.class).one());
    }

    @Override
    public List<String> openIds() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT session_id FROM live_codes ORDER BY session_id")
                .mapTo(String.class).list());
    }

    /** The outcome of a change's transaction: what was stored, or why the move was refused (nothing stored). */
    private record Outcome(LiveChange stored, QuizException refused) {
    }

    @Override
    public LiveChange change(String sessionId, Function<LiveSession, LiveChange> decide) {
        Outcome outcome = writes.write(handle -> {
            LiveSession current = handle.createQuery("SELECT " + SESSION_COLUMNS
                            + " FROM live_sessions s WHERE s.session_id = :id FOR UPDATE")
                    .bind("id", sessionId).map((rs, ctx) -> session(rs)).findOne()
                    .orElse(null);
            if (current == null) {
                return new Outcome(null, new LiveSessionNotFoundException("live session " + sessionId
                        + " not found"));
            }
            LiveChange change;
            try {
                change = decide.apply(current);
                if (change != null) {
                    refuseClashes(handle, change);
                }
            } catch (QuizException refused) {
                return new Outcome(null, refused); // refused before anything was written: the group goes on
            }
            if (change == null) {
                return new Outcome(null, null);
            }
            LiveChange stored = change.numbered(current.lastEventId());
            store(handle, current, stored);
            return new Outcome(stored, null);
        }, done -> done.stored() == null ? List.of() : List.of(Change.live(sessionId)));
        if (outcome.refused() != null) {
            throw outcome.refused();
        }
        return outcome.stored();
    }

    /** Refuses a joining name or registered player already in the session, or removing a player removed already. */
    private static void refuseClashes(Handle handle, LiveChange change) {
        LivePlayer joining = change.joining();
        if (joining != null) {
            if (count(handle, "SELECT COUNT(*) FROM live_players WHERE session_id = :id AND name_key = :value",
                    joining.sessionId(), joining.nameKey()) > 0) {
                throw new NameTakenException("the name '" + joining.name() + "' is taken in this session");
            }
            if (joining.playerId() != null && count(handle, "SELECT COUNT(*) FROM live_players "
                    + "WHERE session_id = :id AND registered_player_id = :value", joining.sessionId(),
                    joining.playerId()) > 0) {
                throw new ConflictException("player " + joining.playerId() + " is in this session already");
            }
        }
        if (change.removing() != null && count(handle, "SELECT COUNT(*) FROM live_players WHERE session_id = :id "
                + "AND ordinal = :value AND removed_at_ms IS NULL", change.session().id(), change.removing()) == 0) {
            throw new ConflictException("player " + change.removing() + " was removed already");
        }
    }

    private static int count(Handle handle, String sql, String sessionId, Object value) {
        return handle.createQuery(sql).bind("id", sessionId).bind("value", value).mapTo(Integer.class).one();
    }

    private void store(Handle handle, LiveSession before, LiveChange stored) {
        LiveSession after = stored.session();
        handle.createUpdate("UPDATE live_sessions SET phase = :phase, question_index = :questionIndex, "
                        + "opened_at_ms = :openedAt, answers_open_at_ms = :answersOpenAt, deadline_ms = :deadline, "
                        + "closed_at_ms = :closedAt, joined = :joined, players = :players, answered = :answered, "
                        + "last_event_id = :lastEventId, changed_at_ms = :changedAt, ended_at_ms = :endedAt "
                        + "WHERE session_id = :id")
                .bindMap(sessionRow(after)).execute();
        LivePlayer joining = stored.joining();
        if (joining != null) {
            handle.createUpdate("INSERT INTO live_players (session_id, ordinal, live_player_id, display_name, "
                            + "name_key, token_hash, registered_player_id, joined_at_ms, removed_at_ms) VALUES (:session, "
                            + ":ordinal, :id, :name, :nameKey, :tokenHash, :registered, :joinedAt, NULL)")
                    .bind("session", joining.sessionId()).bind("ordinal", joining.ordinal()).bind("id", joining.id())
                    .bind("name", joining.name()).bind("nameKey", joining.nameKey())
                    .bind("tokenHash", joining.tokenHash()).bind("registered", joining.playerId())
                    .bind("joinedAt", joining.joinedAt().toEpochMilli())
                    .execute();
        }
        if (stored.removing() != null) {
            handle.createUpdate("UPDATE live_players SET removed_at_ms = :at, name_key = NULL "
                            + "WHERE session_id = :id AND ordinal = :ordinal")
                    .bind("at", after.changedAt().toEpochMilli()).bind("id", after.id())
                    .bind("ordinal", stored.removing()).execute();
        }
        for (LiveFact fact : stored.facts()) {
            insertFact(handle, after.id(), fact);
        }
        if (after.isEnded() && !before.isEnded()) {
            handle.createUpdate("DELETE FROM live_codes WHERE code = :code AND session_id = :id")
                    .bind("code", after.code()).bind("id", after.id()).execute();
        }
    }

    private static void insertFact(Handle handle, String sessionId, LiveFact fact) {
        Map<String, Object> row = new HashMap<>();
        row.put("session", sessionId);
        row.put("id", fact.id());
        row.put("at", fact.at().toEpochMilli());
        row.put("question", null);
        row.put("ordinal", null);
        row.put("count", null);
        row.put("answersOpenAt", null);
        row.put("deadline", null);
        row.put("removed", null);
        String kind;
        if (fact instanceof LiveFact.Joined joined) {
            kind = "joined";
            row.put("ordinal", joined.ordinal());
            row.put("count", joined.players());
        } else if (fact instanceof LiveFact.Left left) {
            kind = "left";
            row.put("ordinal", left.ordinal());
            row.put("count", left.players());
            row.put("removed", left.removed());
        } else if (fact instanceof LiveFact.Opened opened) {
            kind = "opened";
            row.put("question", opened.index());
            row.put("answersOpenAt", opened.answersOpenAt().toEpochMilli());
            row.put("deadline", opened.deadline().toEpochMilli());
        } else if (fact instanceof LiveFact.Counted counted) {
            kind = "counted";
            row.put("question", counted.index());
            row.put("count", counted.answered());
        } else if (fact instanceof LiveFact.Closed closed) {
            kind = "closed";
            row.put("question", closed.index());
        } else {
            kind = "ended";
        }
        row.put("kind", kind);
        handle.createUpdate("INSERT INTO live_events (session_id, event_id, kind, at_ms, question_index, ordinal, "
                        + "count_value, answers_open_at_ms, deadline_ms, removed) VALUES (:session, :id, :kind, :at, "
                        + ":question, :ordinal, :count, :answersOpenAt, :deadline, :removed)")
                .bindMap(row).execute();
    }

    @Override
    public AnswerOutcome recordAnswer(LiveAnswer answer) {
        Map<String, Object> row = new HashMap<>();
        row.put("session", answer.sessionId());
        row.put("question", answer.questionIndex());
        row.put("ordinal", answer.ordinal());
        row.put("answer", AnswerJson.write(answer.answer()));
        row.put("correct", answer.correct());
        row.put("fraction", answer.fraction());
        row.put("points", answer.points());
        row.put("bonus", answer.streakBonus());
        row.put("at", answer.at().toEpochMilli());
        int[] counts;
        try {
            counts = writes.execute(List.of(
                    new Statement("UPDATE live_sessions SET answered = answered + 1 WHERE session_id = :session "
                            + "AND phase = 'question' AND question_index = :question", row),
                    new Statement("INSERT INTO live_answers (session_id, question_index, ordinal, answer_json, correct, "
                            + "fraction, points, streak_bonus, answered_at_ms) SELECT :session, :question, :ordinal, "
                            + ":answer, :correct, :fraction, :points, :bonus, :at FROM live_sessions "
                            + "WHERE session_id = :session AND phase = 'question' AND question_index = :question", row)));
        } catch (RuntimeException e) {
            if (SqlErrors.isDuplicateKey(e)) {
                return AnswerOutcome.DUPLICATE;
            }
            throw e;
        }
        return counts[0] == 1 && counts[1] == 1 ? AnswerOutcome.RECORDED : AnswerOutcome.QUESTION_CLOSED;
    }

    @Override
    public Optional<LiveAnswer> answer(String sessionId, int questionIndex, int ordinal) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + ANSWER_COLUMNS + " FROM live_answers a "
                        + "WHERE a.session_id = :id AND a.question_index = :question AND a.ordinal = :ordinal")
                .bind("id", sessionId).bind("question", questionIndex).bind("ordinal", ordinal)
                .map((rs, ctx) -> answer(rs)).findOne());
    }

    @Override
    public List<LiveAnswer> answers(String sessionId, int questionIndex) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + ANSWER_COLUMNS + " FROM live_answers a "
                        + "WHERE a.session_id = :id AND a.question_index = :question")
                .bind("id", sessionId).bind("question", questionIndex)
                .setFetchSize(1_000)
                .map((rs, ctx) -> answer(rs)).list());
    }

    @Override
    public List<LiveFact> facts(String sessionId, long afterId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT kind, event_id, at_ms, question_index, ordinal, "
                        + "count_value, answers_open_at_ms, deadline_ms, removed FROM live_events "
                        + "WHERE session_id = :id AND event_id > :after ORDER BY event_id")
                .bind("id", sessionId).bind("after", afterId)
                .setFetchSize(1_000)
                .map((rs, ctx) -> fact(rs)).list());
    }

    @Override
    public List<LivePlayer> players(String sessionId, int fromOrdinal) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + PLAYER_COLUMNS + " FROM live_players p "
                        + "WHERE p.session_id = :id AND p.ordinal >= :from ORDER BY p.ordinal")
                .bind("id", sessionId).bind("from", fromOrdinal)
                .setFetchSize(1_000)
                .map((rs, ctx) -> player(rs)).list());
    }

    @Override
    public Optional<LivePlayer> playerByTokenHash(String sessionId, String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + PLAYER_COLUMNS + " FROM live_players p "
                        + "WHERE p.session_id = :id AND p.token_hash = :hash AND p.removed_at_ms IS NULL")
                .bind("id", sessionId).bind("hash", tokenHash).map((rs, ctx) -> player(rs)).findFirst());
    }

    @Override
    public Optional<LivePlayer> playerOf(String sessionId, String playerId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + PLAYER_COLUMNS + " FROM live_players p "
                        + "WHERE p.session_id = :id AND p.registered_player_id = :player")
                .bind("id", sessionId).bind("player", playerId).map((rs, ctx) -> player(rs)).findOne());
    }

    @Override
    public List<String> holdLeases(String serverId, Instant now, Duration length) {
        long until = now.plus(length).toEpochMilli();
        return jdbi.inTransaction(handle -> {
            if (shared()) {
                handle.createUpdate("UPDATE live_sessions SET timer_lease_until_ms = :until "
                                + "WHERE timer_owner = :me AND ended_at_ms IS NULL")
                        .bind("until", until).bind("me", serverId).execute();
                handle.createUpdate("UPDATE live_sessions SET timer_owner = :me, timer_lease_until_ms = :until "
                                + "WHERE ended_at_ms IS NULL AND timer_lease_until_ms <= :now")
                        .bind("until", until).bind("me", serverId).bind("now", now.toEpochMilli()).execute();
            } else {
                handle.createUpdate("UPDATE live_sessions SET timer_owner = :me, timer_lease_until_ms = :until "
                                + "WHERE ended_at_ms IS NULL")
                        .bind("until", until).bind("me", serverId).execute();
            }
            return handle.createQuery("SELECT session_id FROM live_sessions WHERE timer_owner = :me "
                            + "AND ended_at_ms IS NULL ORDER BY session_id")
                    .bind("me", serverId).mapTo(String.class).list();
        });
    }

    @Override
    public void releaseLeases(String serverId) {
        if (!shared()) {
            return; // alone on the database, the next start takes every lease anyway (and H2 may be closed already)
        }
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE live_sessions SET timer_owner = NULL, "
                + "timer_lease_until_ms = 0 WHERE timer_owner = :me").bind("me", serverId).execute());
    }

    @Override
    public boolean shared() {
        return !ownership.sole();
    }

    // ---- rows to values

    private static LiveSession session(ResultSet rs) throws SQLException {
        LiveSettings settings = new LiveSettings(duration(rs, "question_time_limit_ms"),
                Duration.ofMillis(rs.getLong("reading_time_ms")), rs.getBoolean("late_join"),
                duration(rs, "auto_advance_ms"));
        return new LiveSession(rs.getString("session_id"), rs.getString("code"), rs.getString("quiz_id"),
                rs.getInt("quiz_version"), rs.getString("language"), settings, rs.getLong("seed"),
                rs.getString("host_token_hash"), strings(rs.getString("question_ids")),
                LivePhase.fromWireName(rs.getString("phase")), rs.getInt("question_index"),
                instant(rs, "opened_at_ms"), instant(rs, "answers_open_at_ms"), instant(rs, "deadline_ms"),
                instant(rs, "closed_at_ms"), rs.getInt("joined"), rs.getInt("players"), rs.getInt("answered"),
                rs.getLong("last_event_id"), instant(rs, "created_at_ms"), instant(rs, "changed_at_ms"),
                instant(rs, "ended_at_ms"));
    }

    private static LivePlayer player(ResultSet rs) throws SQLException {
        return new LivePlayer(rs.getString("session_id"), rs.getInt("ordinal"), rs.getString("live_player_id"),
                rs.getString("display_name"), rs.getString("token_hash"), rs.getString("registered_player_id"),
                instant(rs, "joined_at_ms"), instant(rs, "removed_at_ms"));
    }

    private static LiveAnswer answer(ResultSet rs) throws SQLException {
        return new LiveAnswer(rs.getString("session_id"), rs.getInt("question_index"), rs.getInt("ordinal"),
                AnswerJson.read(rs.getString("answer_json")), rs.getBoolean("correct"), rs.getDouble("fraction"),
                rs.getInt("points"), rs.getInt("streak_bonus"), instant(rs, "answered_at_ms"));
    }

    private static LiveFact fact(ResultSet rs) throws SQLException {
        long id = rs.getLong("event_id");
        Instant at = instant(rs, "at_ms");
        String kind = rs.getString("kind");
        return switch (kind) {
            case "joined" -> new LiveFact.Joined(id, at, rs.getInt("ordinal"), rs.getInt("count_value"));
            case "left" -> new LiveFact.Left(id, at, rs.getInt("ordinal"), rs.getInt("count_value"),
                    rs.getBoolean("removed"));
            case "opened" -> new LiveFact.Opened(id, at, rs.getInt("question_index"), instant(rs, "answers_open_at_ms"),
                    instant(rs, "deadline_ms"));
            case "counted" -> new LiveFact.Counted(id, at, rs.getInt("question_index"), rs.getInt("count_value"));
            case "closed" -> new LiveFact.Closed(id, at, rs.getInt("question_index"));
            case "ended" -> new LiveFact.Ended(id, at);
            default -> throw new IllegalStateException("unknown kind of live event: " + kind);
        };
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    private static List<String> strings(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored question ids are not a JSON list: " + e.getMessage(), e);
        }
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Long millis(Optional<Duration> duration) {
        return duration.map(Duration::toMillis).orElse(null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Optional<Duration> duration(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
    }
}
