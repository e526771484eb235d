package org.kydp.quiz.model;

import java.time.Instant;

import org.kydp.quiz.internal.Arguments;

/**
 * A player's one answer to one question of a live session, graded and scored when it was given (and revealed
 * only when the question closes).
 *
 * @param ordinal     the answering player's ordinal in the session
 * @param fraction    how right it was, from the grade (-1 to 1)
 * @param points      the points it earned in all, its streak bonus included
 * @param streakBonus the part of the points that is a bonus for a run of right answers
 * @param at          when the server received it
 */
public record LiveAnswer(String sessionId, int questionIndex, int ordinal, Answer answer, boolean correct,
                         double fraction, int points, int streakBonus, Instant at) {

    public LiveAnswer {
        Arguments.required("sessionId", sessionId);
        Arguments.required("answer", answer);
        Arguments.required("at", at);
    }
}
