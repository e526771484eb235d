package org.kydp.quiz.attempt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionType;
import org.kydp.quiz.model.QuizRules;

/**
 * A question as a player sees it before answering. It has no field that could carry the answer key:
 * no correctness, weight, accepted text, tolerance or order. Choices of an ordering and the right side
 * of a matching are always shuffled; options are shuffled when the quiz says so. No component is ever null, whatever
 * the quiz's review policy; texts have the quiz's default language as their
 * {@linkplain LocalizedText#defaultLanguage() default}.
 *
 * @param index     0-based position in the attempt
 * @param choices   options to pick from or items to order; empty for other types
 * @param left      matching: the items to pair; empty for other types
 * @param right     matching: the items to pair them with; empty for other types
 * @param timeLimit the question's own time limit; empty for none
 * @param deadline  when answers stop being accepted (before grace): the earlier of the question's and the
 *                  attempt's deadlines; empty for no limit
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
        Optional<Duration> timeLimit,
        Optional<Instant> deadline,
        Languages languages) {

    public QuestionView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(languages, "languages");
        choices = List.copyOf(choices);
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    /**
     * The question as players see it in a play whose shuffles the seed fixes: options shuffled when the rules say
     * so (and always when their order is the answer), the right side of a matching always shuffled. Its texts get
     * the quiz's default language as their default.
     *
     * @param timeLimit the question's time limit; null for none
     * @param deadline  when answers stop being accepted; null for no limit
     */
    public static QuestionView of(Question question, QuizRules rules, long seed, int index, int count,
                                  Duration timeLimit, Instant deadline, Languages languages) {
        boolean shuffle = question.choicesRevealTheAnswer() || rules.shuffleOptions();
        List<Question.Choice> choices = shuffle ? Shuffles.shuffled(question.choices(), seed, question.id())
                : question.choices();
        List<Question.Choice> right = Shuffles.shuffled(question.right(), seed, question.id() + "/right");
        String language = languages.defaultLanguage();
        return new QuestionView(question.id(), index, count, question.type(),
                question.text().withDefaultLanguage(language), inDefault(choices, language),
                inDefault(question.left(), language), inDefault(right, language),
                question.scored() ? question.points() : 0, Optional.ofNullable(timeLimit),
                Optional.ofNullable(deadline), languages);
    }

    private static List<Question.Choice> inDefault(List<Question.Choice> choices, String language) {
        return choices.stream()
                .map(choice -> new Question.Choice(choice.id(), choice.text().withDefaultLanguage(language)))
                .toList();
    }
}
