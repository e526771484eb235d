package org.kydp.quiz.attempt;

import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.QuestionType;

/**
 * One question looked back on after finishing. Parts the review policy never shows are {@code null}.
 *
 * @param given   what the player answered; {@code null} if unanswered or late
 * @param correct whether it was right; {@code null} for polls or when hidden
 */
public record ReviewItem(
        String questionId,
        int index,
        QuestionType type,
        LocalizedText text,
        Answer given,
        Boolean correct,
        Integer points,
        int maxPoints,
        LocalizedText feedback,
        LocalizedText explanation,
        String source,
        Answer correctAnswer) {
}
