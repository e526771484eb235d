package org.kydp.quiz.model;

import java.util.List;

import org.kydp.quiz.error.ValidationException;

/** A statement the player marks true or false. */
public record TrueFalse(
        String id,
        LocalizedText text,
        int points,
        boolean answer,
        LocalizedText feedbackWhenRight,
        LocalizedText feedbackWhenWrong,
        LocalizedText explanation,
        String source) implements Question {

    public TrueFalse {
        QuestionChecks.common(id, text, points);
        feedbackWhenRight = QuestionChecks.orEmpty(feedbackWhenRight);
        feedbackWhenWrong = QuestionChecks.orEmpty(feedbackWhenWrong);
        explanation = QuestionChecks.orEmpty(explanation);
        source = QuestionChecks.orEmpty(source);
    }

    public TrueFalse(String id, LocalizedText text, int points, boolean answer,
                     LocalizedText explanation, String source) {
        this(id, text, points, answer, null, null, explanation, source);
    }

    @Override
    public QuestionType type() {
        return QuestionType.TRUE_FALSE;
    }

    @Override
    public Grade grade(Answer given) {
        if (!(given instanceof Answer.Bool bool)) {
            throw ValidationException.of("answer.value", "a true_false question takes {\"value\": true|false}");
        }
        return bool.value() == answer ? Grade.right(feedbackWhenRight) : Grade.wrong(feedbackWhenWrong);
    }

    @Override
    public Answer correctAnswer() {
        return new Answer.Bool(answer);
    }

    @Override
    public List<Choice> choices() {
        return List.of();
    }
}
