package org.kydp.quiz.attempt;

import java.util.Map;

import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LocalizedText;

/**
 * What a player learns after answering. Each part the quiz's review policy keeps for later is
 * {@code null}; {@code correct} is also {@code null} for polls, whose {@code votes} show how everyone
 * voted so far.
 */
public record AnswerResult(
        String questionId,
        int answered,
        int questionCount,
        Boolean correct,
        Integer points,
        Integer streakBonus,
        Integer score,
        LocalizedText feedback,
        LocalizedText explanation,
        Answer correctAnswer,
        Map<String, Long> votes,
        Languages languages) {
}
