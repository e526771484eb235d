package org.kydp.quiz.content;

import java.util.List;

import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.model.Quiz;

/**
 * A quiz read leniently, with what its document had that was left out: one warning per unknown field, each with
 * its path ({@code questions[2].timeLimitMS}) and, where a known name is close, the name probably meant.
 */
public record QuizWithWarnings(Quiz quiz, List<FieldError> warnings) {

    public QuizWithWarnings {
        java.util.Objects.requireNonNull(quiz, "quiz");
        warnings = List.copyOf(warnings);
    }
}
