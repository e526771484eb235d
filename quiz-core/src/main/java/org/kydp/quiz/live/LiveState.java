package org.kydp.quiz.live;

import java.util.Optional;
import java.util.OptionalInt;

import org.kydp.quiz.attempt.Languages;

/**
 * A live session now, as one viewer sees it: what a client needs after a reload or without an event stream. Sent
 * first on an event stream as the {@code state} event.
 *
 * @param session     the session (its join code only for the host)
 * @param question    the question open, or the last one shown; empty in the lobby
 * @param results     the results of the last question, while they are shown ({@code results} phase); else empty
 * @param ended       the podium, once the session ended; else empty
 * @param you         for a player: their name, score, rank, streak and whether they answered the open question;
 *                    empty for the host
 * @param standing    for a player: where they stand after the results shown, or at the end; else empty
 * @param lastEventId the id of the last event this state includes: a stream resumes after it
 */
public record LiveState(LiveSessionView session, Optional<LiveEvent.QuestionOpened> question,
                        Optional<LiveEvent.QuestionResults> results, Optional<LiveEvent.SessionEnded> ended,
                        Optional<You> you, Optional<Standing> standing, long lastEventId,
                        Languages languages) {

    /**
     * A player's own state.
     *
     * @param rank            the rank after the last closed question; empty before any closed
     * @param answeredCurrent whether they answered the open question
     */
    public record You(String playerId, String name, int score, OptionalInt rank, int streak, boolean answeredCurrent) {
    }
}
