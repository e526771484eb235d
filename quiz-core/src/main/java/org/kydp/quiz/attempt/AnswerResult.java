package org.kydp.quiz.attempt;

import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LocalizedText;

/**
 * What a player learns after answering. When the quiz's review policy hides results until the end,
 * {@code revealed} is false and every field after it is {@code null}.
 */
public record AnswerResult(
        String questionId,
        int answered,
        int questionCount,
        boolean revealed,
        Boolean correct,
        Integer points,
        Integer score,
        LocalizedText feedback,
        LocalizedText explanation,
        Answer correctAnswer,
        Languages languages) {
}
