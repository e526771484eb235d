package org.kydp.quiz.attempt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionType;

/**
 * A question as a player sees it before answering. It has no field that could carry the answer key:
 * no correctness, weight, accepted text, tolerance or order. Choices of an ordering and the right side
 * of a matching are always shuffled; options are shuffled when the quiz says so.
 *
 * @param index     0-based position in the attempt
 * @param choices   options to pick from or items to order; empty for other types
 * @param left      matching: the items to pair; empty for other types
 * @param right     matching: the items to pair them with; empty for other types
 * @param timeLimit the question's own time limit; {@code null} for none
 * @param deadline  when answers stop being accepted (before grace): the earlier of the question's and the
 *                  attempt's deadlines; {@code null} for no limit
 */
public record QuestionView(
        String id,
        int index,
        int count,
        QuestionType type,
        LocalizedText text,
        List<Question.Choice> choices,
        List<Question.Choice> left,
        List<Question.Choice> right,
        int points,
        Duration timeLimit,
        Instant deadline,
        Languages languages) {

    public QuestionView {
        choices = List.copyOf(choices);
        left = List.copyOf(left);
        right = List.copyOf(right);
    }
}
