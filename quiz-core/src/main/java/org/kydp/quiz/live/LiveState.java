package org.kydp.quiz.live;

import org.kydp.quiz.attempt.Languages;

/**
 * A live session now, as one viewer sees it: what a client needs after a reload or without an event stream. Sent
 * first on an event stream as the {@code state} event.
 *
 * @param session     the session (its join code only for the host)
 * @param question    the question open, or the last one shown; {@code null} in the lobby
 * @param results     the results of the last question, while they are shown ({@code results} phase)
 * @param ended       the podium, once the session ended
 * @param you         for a player: their name, score, rank, streak and whether they answered the open question;
 *                    {@code null} for the host
 * @param lastEventId the id of the last event this state includes: a stream resumes after it
 */
public record LiveState(LiveSessionView session, LiveEvent.QuestionOpened question, LiveEvent.QuestionResults results,
                        LiveEvent.SessionEnded ended, You you, Standing standing, long lastEventId,
                        Languages languages) {

    /**
     * A player's own state.
     *
     * @param rank            the rank after the last closed question; {@code null} before any closed
     * @param answeredCurrent whether they answered the open question
     */
    public record You(String playerId, String name, int score, Integer rank, int streak, boolean answeredCurrent) {
    }
}
