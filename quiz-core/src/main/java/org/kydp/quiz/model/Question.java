package org.kydp.quiz.model;

import java.util.List;

/**
 * A question with its answer key. Grading lives with the type: each type checks the shape of an
 * answer, grades it, and says which of its parts a player may see before answering.
 */
public sealed interface Question permits SingleChoice, TrueFalse {

    String id();

    QuestionType type();

    LocalizedText text();

    int points();

    LocalizedText explanation();

    String source();

    /**
     * Grades an answer.
     *
     * @throws org.kydp.quiz.error.ValidationException if the answer has the wrong shape for this type
     *     or names something the question does not have
     */
    Grade grade(Answer answer);

    /** The answer that earns full points, as a player would submit it. */
    Answer correctAnswer();

    /** The choices a player picks from, without any sign of which are right; empty for types without choices. */
    List<Choice> choices();

    /** A choice as a player sees it: an id and a text, nothing else. */
    record Choice(String id, LocalizedText text) {
    }
}
