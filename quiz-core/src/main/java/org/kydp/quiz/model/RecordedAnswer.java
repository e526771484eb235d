package org.kydp.quiz.model;

import java.time.Instant;

import org.kydp.quiz.internal.Arguments;


/**
 * The one answer an attempt keeps for a question.
 *
 * @param answer  what the player submitted; {@code null} when the answer came too late and counts as unanswered
 * @param correct whether it was graded correct (always false when late)
 * @param points  the points it earned in all, its streak bonus included
 * @param streakBonus the part of the points that is a bonus for a run of right answers
 * @param at      when the server received it
 */
public record RecordedAnswer(String questionId, Answer answer, boolean correct, int points, int streakBonus,
                             Instant at) {

    public RecordedAnswer {
        Arguments.required("questionId", questionId);
        Arguments.required("at", at);
    }

    public static RecordedAnswer late(String questionId, Instant at) {
        return new RecordedAnswer(questionId, null, false, 0, 0, at);
    }

    public boolean isLate() {
        return answer == null;
    }
}
