package org.kydp.quiz.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.RecordedAnswer;

/**
 * Keeps attempts. The engine serialises changes to one attempt and makes each change as one small write, so
 * that a durable store commits only what changed. Every write is durable when it returns; the store decides
 * nothing.
 *
 * <p>Each write is based on the attempt as the engine read it from the store, and a store shared with other engines
 * makes it only if the attempt is still that one: otherwise it writes nothing and throws a
 * {@link StaleAttemptException}, and the engine reads the attempt again ({@link #findCurrent}) and decides anew.
 */
public interface AttemptStore {

    /**
     * Adds a new attempt, with its seed, question order and deadline, as its player's next attempt at its quiz, unless
     * the player has {@code allowed} attempts at the quiz already. The store decides, atomically with adding the
     * attempt, so that the limit holds for every engine sharing the store. In the same write it adds what the start
     * counts to the statistics ({@code started}), counting the player if this is their first attempt at the quiz.
     *
     * @param allowed how many attempts at the quiz a player may have; 0 for any number
     * @return whether the attempt was added; false if the player had used up the attempts allowed
     */
    boolean create(Attempt attempt, int allowed, Tally started);

    /** Adds a new attempt as above, counting nothing in the statistics. */
    default boolean create(Attempt attempt, int allowed) {
        return create(attempt, allowed, Tally.nothing(attempt));
    }

    /** Adds a new attempt whatever the number of attempts its player has at its quiz. */
    default void create(Attempt attempt) {
        create(attempt, 0);
    }

    /**
     * Notes when a question was first served; a question already served keeps its first time.
     *
     * @param attempt the attempt as read from this store (and changed only by what the caller wrote since)
     * @throws StaleAttemptException if the attempt in the store is no longer {@code attempt}; nothing was written
     */
    void markServed(Attempt attempt, String questionId, Instant at);

    /**
     * Records the one answer to a question of the attempt, and with it, in the same write, the poll vote it
     * casts ({@code vote} is null for an answer that is not a vote).
     *
     * @param attempt the attempt as read from this store (and changed only by what the caller wrote since)
     * @throws org.kydp.quiz.error.ConflictException if the question already has an answer
     * @throws StaleAttemptException (a conflict) if the attempt in the store is no longer {@code attempt}; nothing was
     *                               written
     */
    void recordAnswer(Attempt attempt, RecordedAnswer answer, PollVote vote);

    /** Records an answer that casts no vote. */
    default void recordAnswer(Attempt attempt, RecordedAnswer answer) {
        recordAnswer(attempt, answer, null);
    }

    /**
     * Finishes the attempt at the given time, unless it is finished already, and adds what the finish counts to the
     * statistics ({@code finished}) in the same write, only if this call finished it.
     *
     * @param attempt the attempt as read from this store (and changed only by what the caller wrote since)
     * @return whether this call finished it; false if it was finished already
     * @throws StaleAttemptException if the attempt in the store is no longer {@code attempt}, and not finished;
     *                               nothing was written
     */
    boolean finish(Attempt attempt, Instant finishedAt, Tally finished);

    /** Finishes the attempt as above, counting nothing in the statistics. */
    default boolean finish(Attempt attempt, Instant finishedAt) {
        return finish(attempt, finishedAt, Tally.nothing(attempt));
    }

    /** What starting and finishing an attempt add to the statistics: for counting in attempts stored earlier. */
    interface Counting {
        Tally started(Attempt attempt);

        Tally finished(Attempt attempt);
    }

    /**
     * Counts in the statistics every attempt stored before the store kept them (a database from an earlier release):
     * done once, by the first engine to start, then never again. A store that always kept them has nothing to do.
     *
     * @return how many attempts were counted in now
     */
    default int countInStatistics(Counting counting) {
        return 0;
    }

    /**
     * The attempt, possibly from what the store keeps in memory. A store shared with other engines (several servers
     * on one database) hears of their changes a little late, so what it answers here may be behind them by that
     * delay; every write verifies the attempt it is based on all the same.
     */
    Optional<Attempt> find(String attemptId);

    /**
     * The attempt as stored now, read past what the store keeps when other engines may have changed it since: what
     * the engine reads again before it refuses a request for what {@link #find} said, or after a write found the
     * attempt it was based on out of date. By default, {@link #find}.
     */
    default Optional<Attempt> findCurrent(String attemptId) {
        return find(attemptId);
    }

    int countFor(String playerId, String quizId);

    /** Whether any attempt, finished or not, was ever started at the quiz. */
    boolean existsForQuiz(String quizId);

    /** Every finished attempt at the quiz, any version. */
    List<Attempt> finished(String quizId);

    /** Hands every finished attempt of every quiz to the visitor, one at a time, in no particular order. */
    void forEachFinished(Consumer<Attempt> visitor);

    /**
     * Hands the result of every finished attempt of every quiz to the visitor, one at a time, in no particular
     * order: what the leaderboards are rebuilt from. A store that can sum the scores itself overrides this, so that
     * a start does not read every answer ever given.
     *
     * @param players finds a player's name for the stores that do not read it with the attempt
     */
    default void forEachFinishedResult(PlayerStore players, Consumer<FinishedResult> visitor) {
        forEachFinished(attempt -> visitor.accept(FinishedResult.of(attempt,
                players.find(attempt.playerId()).map(org.kydp.quiz.model.Player::name).orElse(null))));
    }
}
