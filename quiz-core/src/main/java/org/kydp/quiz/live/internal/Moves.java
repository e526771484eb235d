package org.kydp.quiz.live.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.kydp.quiz.error.InvalidPhaseException;
import org.kydp.quiz.error.LiveSessionNotFoundException;
import org.kydp.quiz.error.LiveSessionStartedException;
import org.kydp.quiz.model.LiveFact;
import org.kydp.quiz.model.LivePhase;
import org.kydp.quiz.model.LivePlayer;
import org.kydp.quiz.model.LiveSession;
import org.kydp.quiz.model.LiveSettings;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.store.LiveChange;

/**
 * The rules of a live session's state machine: which move each phase allows and what it changes. Pure: a move
 * takes the session as stored and the time, and returns the change, or refuses with {@link InvalidPhaseException}.
 * <pre>
 * lobby ──advance──▶ question 0 ──close (host, or the deadline)──▶ results 0 ──advance──▶ question 1 … results n−1
 *   ──advance──▶ ended; end, from any phase but ended ──▶ ended (an open question closes first)
 * </pre>
 */
public final class Moves {

    private Moves() {
    }

    /** From the lobby or results: the next question, or the end after the last. */
    public static LiveChange advance(LiveSession session, Quiz quiz, Instant now) {
        switch (session.phase()) {
            case LOBBY, RESULTS -> {
                int next = session.questionIndex() + 1;
                if (next == session.questionCount()) {
                    return LiveChange.of(session.ended(now), new LiveFact.Ended(0, now));
                }
                LiveSession opened = session.opened(next, now, timeLimit(session, quiz, next));
                return LiveChange.of(opened, new LiveFact.Opened(0, now, next, opened.answersOpenAt(),
                        opened.deadline()));
            }
            case QUESTION -> throw new InvalidPhaseException("question " + session.questionIndex()
                    + " is open: close it before advancing");
            default -> throw new InvalidPhaseException("the session has ended");
        }
    }

    /** Closes the open question now (by the host, or because its deadline came). */
    public static LiveChange close(LiveSession session, Instant now) {
        if (session.phase() != LivePhase.QUESTION) {
            throw new InvalidPhaseException("no question is open (the session is in " + session.phase().wireName()
                    + ")");
        }
        return LiveChange.of(session.closed(now), new LiveFact.Closed(0, now, session.questionIndex()));
    }

    /** Ends the session; an open question closes first, so that its answers count. */
    public static LiveChange end(LiveSession session, Instant now) {
        return switch (session.phase()) {
            case ENDED -> throw new InvalidPhaseException("the session has ended already");
            case QUESTION -> new LiveChange(session.closed(now).ended(now), List.of(
                    new LiveFact.Closed(0, now, session.questionIndex()), new LiveFact.Ended(0, now)), null, null);
            default -> LiveChange.of(session.ended(now), new LiveFact.Ended(0, now));
        };
    }

    /** A player joins, as the session's next ordinal: in the lobby, or later if the session lets players join late. */
    public static LiveChange join(LiveSession session, LivePlayer player, Instant now) {
        if (session.isEnded()) {
            throw new LiveSessionNotFoundException("live session " + session.id() + " has ended");
        }
        if (session.phase() != LivePhase.LOBBY && !session.settings().lateJoin()) {
            throw new LiveSessionStartedException("the session has started and does not let players join late");
        }
        LiveSession joined = session.joinedBy(now);
        LivePlayer numbered = player.withOrdinal(session.joined());
        return new LiveChange(joined, List.of(new LiveFact.Joined(0, now, numbered.ordinal(), joined.players())),
                numbered, null);
    }

    /** A player leaves, or the host removes them. */
    public static LiveChange leave(LiveSession session, int ordinal, boolean removed, Instant now) {
        if (session.isEnded()) {
            throw new InvalidPhaseException("the session has ended");
        }
        LiveSession left = session.leftBy(now);
        return new LiveChange(left, List.of(new LiveFact.Left(0, now, ordinal, left.players(), removed)), null,
                ordinal);
    }

    /**
     * How long question {@code index} is open: the session's setting, else the question's own or the quiz's
     * per-question limit, else {@link LiveSettings#DEFAULT_QUESTION_TIME}.
     */
    public static Duration timeLimit(LiveSession session, Quiz quiz, int index) {
        Question question = quiz.question(session.questionIds().get(index)).orElseThrow();
        return session.settings().questionTimeLimit().or(() -> quiz.rules().timeLimitOf(question))
                .orElse(LiveSettings.DEFAULT_QUESTION_TIME);
    }
}
