package org.kydp.quiz.model;

import java.util.List;
import java.util.Optional;

/**
 * A question with its answer key. Grading lives with the type: each type checks the shape of an
 * answer, grades it, and says which of its parts a player may see before answering.
 */
public sealed interface Question
        permits SingleChoice, MultipleResponse, TrueFalse, ShortText, Numeric, Ordering, Matching, Poll {

    QuestionInfo info();

    QuestionType type();

    /**
     * Grades an answer.
     *
     * @throws org.kydp.quiz.error.ValidationException if the answer has the wrong shape for this type
     *     or names something the question does not have
     */
    Grade grade(Answer answer);

    /** The answer that earns full points, as a player would submit it; empty for a poll. */
    Optional<Answer> correctAnswer();

    default String id() {
        return info().id();
    }

    default LocalizedText text() {
        return info().text();
    }

    default int points() {
        return info().points();
    }

    default LocalizedText explanation() {
        return info().explanation();
    }

    default String source() {
        return info().source();
    }

    /** Whether answers earn points; polls do not. */
    default boolean scored() {
        return true;
    }

    /** What a player picks from or arranges, without any sign of what is right; empty for types without. */
    default List<Choice> choices() {
        return List.of();
    }

    /** Whether the choices must always be shuffled, because their stored order is the answer (ordering). */
    default boolean choicesRevealTheAnswer() {
        return false;
    }

    /** Matching: the items to pair, left side; empty for other types. */
    default List<Choice> left() {
        return List.of();
    }

    /** Matching: the items to pair them with, right side (always shuffled for players); empty for other types. */
    default List<Choice> right() {
        return List.of();
    }

    /** A choice as a player sees it: an id and a text, nothing else. */
    record Choice(String id, LocalizedText text) {
    }
}
