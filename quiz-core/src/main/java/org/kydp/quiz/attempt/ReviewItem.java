package org.kydp.quiz.attempt;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.QuestionType;

/**
 * One question looked back on after finishing. No component is ever null. A part whose timing in the quiz's
 * {@link org.kydp.quiz.model.ReviewPolicy ReviewPolicy} is
 * {@link org.kydp.quiz.model.ReviewTiming#AFTER_EACH_ANSWER AFTER_EACH_ANSWER} or
 * {@link org.kydp.quiz.model.ReviewTiming#AFTER_FINISH AFTER_FINISH} is shown; one whose timing is
 * {@link org.kydp.quiz.model.ReviewTiming#NEVER NEVER} is empty:
 *
 * <table>
 *   <caption>Which components are empty, by the timing of the review policy's part</caption>
 *   <tr><th>component</th><th>policy part</th><th>after_each_answer, after_finish</th><th>never</th></tr>
 *   <tr><td>{@code correct}</td><td>correctness</td><td>present (false if unanswered); empty for a poll</td>
 *       <td>empty</td></tr>
 *   <tr><td>{@code points}</td><td>points</td><td>present (0 if unanswered)</td><td>empty</td></tr>
 *   <tr><td>{@code feedback}</td><td>feedback</td><td>the feedback of the answer given; empty text if unanswered
 *       or the question has none for it</td><td>empty text</td></tr>
 *   <tr><td>{@code explanation}</td><td>explanation</td><td>the question's explanation; empty text if it has none
 *       </td><td>empty text</td></tr>
 *   <tr><td>{@code correctAnswer}</td><td>correctAnswer</td><td>present; empty for a poll</td><td>empty</td></tr>
 * </table>
 *
 * <p>Texts have the quiz's default language as their {@linkplain LocalizedText#defaultLanguage() default}.
 *
 * @param given     what the player answered, under every policy; empty if unanswered or answered too late
 * @param maxPoints what the question is worth; 0 for a poll
 * @param source    where the question's facts come from, under every policy; "" if the question names none
 */
public record ReviewItem(
        String questionId,
        int index,
        QuestionType type,
        LocalizedText text,
        Optional<Answer> given,
        Optional<Boolean> correct,
        OptionalInt points,
        int maxPoints,
        LocalizedText feedback,
        LocalizedText explanation,
        String source,
        Optional<Answer> correctAnswer) {

    public ReviewItem {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(given, "given");
        Objects.requireNonNull(correct, "correct");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(correctAnswer, "correctAnswer");
    }
}
