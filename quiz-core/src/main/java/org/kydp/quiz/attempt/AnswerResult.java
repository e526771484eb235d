package org.kydp.quiz.attempt;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.QuestionType;

/**
 * What a player learns right after answering. No component is ever null: a part the quiz's
 * {@link org.kydp.quiz.model.ReviewPolicy ReviewPolicy} keeps back is an empty {@code Optional} or an
 * {@linkplain LocalizedText#empty() empty text}. Only parts whose timing is
 * {@link org.kydp.quiz.model.ReviewTiming#AFTER_EACH_ANSWER AFTER_EACH_ANSWER} are shown here:
 *
 * <table>
 *   <caption>Which components are empty, by the timing of the review policy's part</caption>
 *   <tr><th>component</th><th>policy part</th><th>after_each_answer</th><th>after_finish, never</th></tr>
 *   <tr><td>{@code correct}</td><td>correctness</td><td>present; empty for a poll</td><td>empty</td></tr>
 *   <tr><td>{@code points}, {@code streakBonus}, {@code score}</td><td>points</td><td>present</td>
 *       <td>empty</td></tr>
 *   <tr><td>{@code feedback}</td><td>feedback</td><td>the feedback of the answer given; empty text if the question
 *       has none for it</td><td>empty text</td></tr>
 *   <tr><td>{@code explanation}</td><td>explanation</td><td>the question's explanation; empty text if it has none
 *       </td><td>empty text</td></tr>
 *   <tr><td>{@code correctAnswer}</td><td>correctAnswer</td><td>present; empty for a poll</td><td>empty</td></tr>
 * </table>
 *
 * <p>Texts have the quiz's default language as their {@linkplain LocalizedText#defaultLanguage() default}.
 *
 * @param type      the question's type
 * @param answered  how many questions of the attempt are answered now
 * @param votes     for a poll, how everyone voted so far (option id to votes); empty for a scored question
 * @param languages the quiz's languages, to choose the one to show the texts in
 */
public record AnswerResult(
        String questionId,
        QuestionType type,
        int answered,
        int questionCount,
        Optional<Boolean> correct,
        OptionalInt points,
        OptionalInt streakBonus,
        OptionalInt score,
        LocalizedText feedback,
        LocalizedText explanation,
        Optional<Answer> correctAnswer,
        Map<String, Long> votes,
        Languages languages) {

    public AnswerResult {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(correct, "correct");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(streakBonus, "streakBonus");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(correctAnswer, "correctAnswer");
        votes = Map.copyOf(votes);
        Objects.requireNonNull(languages, "languages");
    }
}
