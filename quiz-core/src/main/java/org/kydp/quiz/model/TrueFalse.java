package org.kydp.quiz.model;

import java.util.Optional;

/** A statement the player marks true or false. */
public record TrueFalse(QuestionInfo info, boolean answer, LocalizedText feedbackWhenRight,
                        LocalizedText feedbackWhenWrong) implements Question {

    public TrueFalse {
        feedbackWhenRight = feedbackWhenRight == null ? LocalizedText.empty() : feedbackWhenRight;
        feedbackWhenWrong = feedbackWhenWrong == null ? LocalizedText.empty() : feedbackWhenWrong;
    }

    public TrueFalse(QuestionInfo info, boolean answer) {
        this(info, answer, null, null);
    }

    @Override
    public QuestionType type() {
        return QuestionType.TRUE_FALSE;
    }

    @Override
    public Grade grade(Answer given) {
        if (!(given instanceof Answer.Bool bool)) {
            throw Choices.wrongShape(type(), Answer.Bool.class, "value", "{\"value\": true|false}");
        }
        return bool.value() == answer ? Grade.right(feedbackWhenRight) : Grade.wrong(feedbackWhenWrong);
    }

    @Override
    public Optional<Answer> correctAnswer() {
        return Optional.of(new Answer.Bool(answer));
    }
}
