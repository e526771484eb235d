package org.kydp.quiz.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.kydp.quiz.model.LiveAnswer;
import org.kydp.quiz.model.LiveFact;
import org.kydp.quiz.model.LivePlayer;
import org.kydp.quiz.model.LiveSession;

/**
 * Keeps live sessions: each session's state, its log of facts, its players and their answers, and which server
 * runs its timer. Every write is durable when it returns. Several engines (servers) may share the store: a change
 * reads the session as stored and writes it back atomically, so two servers never both move a session from the
 * same state; the store decides nothing else.
 */
public interface LiveStore {

    /** What became of an answer: recorded, refused as a second answer, or refused because the question is not open. */
    enum AnswerOutcome {
        RECORDED,
        DUPLICATE,
        QUESTION_CLOSED
    }

    /**
     * Stores a new session.
     *
     * @return false, storing nothing, if a session not ended already has its code
     */
    boolean create(LiveSession session);

    Optional<LiveSession> find(String sessionId);

    /** The session not ended that has this join code. */
    Optional<LiveSession> findOpenByCode(String code);

    /** How many sessions are not ended. */
    int countOpen();

    /** The ids of the sessions not ended. */
    List<String> openIds();

    /**
     * Changes a session atomically: reads it as stored, with no other change to it running meanwhile on any server,
     * lets {@code decide} say what the change is, and stores the result, all or nothing. When the session ends, its
     * code is free again. Stores sharing the database are told of the change ({@link StoreListener}).
     *
     * @param decide the move, from the session as stored, or null for none; what it throws is thrown here, and
     *               nothing is stored
     * @return the change as stored: the facts with their ids, the session with its last event id; null when
     *         {@code decide} returned null
     * @throws org.kydp.quiz.error.LiveSessionNotFoundException if there is no such session
     * @throws org.kydp.quiz.error.NameTakenException if the joining player's name (case aside) is taken in the session
     * @throws org.kydp.quiz.error.ConflictException if the joining registered player is in the session already, or
     *                                               the player removed was removed already
     */
    LiveChange change(String sessionId, Function<LiveSession, LiveChange> decide);

    /**
     * Records a player's answer if its question is the one open in the session as stored, and counts it in the
     * session's {@link LiveSession#answered()}. Whether it is before the deadline is the caller's to check.
     */
    AnswerOutcome recordAnswer(LiveAnswer answer);

    Optional<LiveAnswer> answer(String sessionId, int questionIndex, int ordinal);

    /** Every answer to one question of the session, in no particular order. */
    List<LiveAnswer> answers(String sessionId, int questionIndex);

    /** The facts of the session's log after {@code afterId}, in order. */
    List<LiveFact> facts(String sessionId, long afterId);

    /** The session's players from this ordinal on, removed ones included, in order. */
    List<LivePlayer> players(String sessionId, int fromOrdinal);

    /** The player of the session, not removed, whose token has this hash. */
    Optional<LivePlayer> playerByTokenHash(String sessionId, String tokenHash);

    /** The live player a registered player is in the session, if they joined it (removed or not). */
    Optional<LivePlayer> playerOf(String sessionId, String playerId);

    /**
     * The timer leases of one server: renews the leases it holds on sessions not ended, and takes every lease that
     * lapsed (or was never taken), each until {@code now + length}. A store that is not {@link #shared()} gives
     * every lease to the server asking: no other server can hold one.
     *
     * @return the ids of the sessions whose lease the server holds now
     */
    List<String> holdLeases(String serverId, Instant now, Duration length);

    /** Gives up the server's leases, so that another server takes them at once. */
    void releaseLeases(String serverId);

    /**
     * Whether other engines may change these sessions (several servers on one database); false when the store is
     * the only writer, so that a starting engine takes over every lease at once.
     */
    boolean shared();
}
