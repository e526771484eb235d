package org.kydp.quiz.attempt;

import java.time.Instant;
import java.util.List;

import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionType;

/**
 * A question as a player sees it before answering. It has no field that could carry the answer key:
 * no correctness, weight, accepted text, tolerance or order.
 *
 * @param index    0-based position in the attempt
 * @param deadline when answers stop being accepted (before grace); {@code null} for no limit
 */
public record QuestionView(
        String id,
        int index,
        int count,
        QuestionType type,
        LocalizedText text,
        List<Question.Choice> choices,
        int points,
        Instant deadline,
        Languages languages) {

    public QuestionView {
        choices = List.copyOf(choices);
    }
}
