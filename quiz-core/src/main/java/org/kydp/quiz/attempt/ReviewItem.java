package org.kydp.quiz.attempt;

import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LocalizedText;

/**
 * One question looked back on after finishing.
 *
 * @param given what the player answered; {@code null} if unanswered or late
 */
public record ReviewItem(
        String questionId,
        int index,
        LocalizedText text,
        Answer given,
        boolean correct,
        int points,
        int maxPoints,
        LocalizedText feedback,
        LocalizedText explanation,
        String source,
        Answer correctAnswer) {
}
