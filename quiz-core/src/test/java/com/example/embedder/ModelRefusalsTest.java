package com.example.embedder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.error.ErrorCode;
import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.QuestionType;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;

/** Content built in Java that breaks a rule, or lacks a part it needs, is refused as the engine refuses anything: a QuizException with a code. */
class ModelRefusalsTest {

    @Test
    void a_rule_broken_in_java_is_a_validation_error_naming_the_field() {
        assertThat(refusal(() -> QuizRules.defaults().withTimeLimit(Duration.ZERO)))
                .extracting(FieldError::field).containsExactly("timeLimit");
        assertThat(refusal(() -> new Answer.Number(Double.NaN)))
                .extracting(FieldError::field).containsExactly("number");
        assertThat(refusal(() -> QuestionType.fromWireName("essay")))
                .extracting(FieldError::field).containsExactly("type");
        assertThat(refusal(() -> new Quiz("empty", 1, "en", List.of("en"), LocalizedText.en("Empty"), null, List.of(),
                QuizRules.defaults(), List.of()))).extracting(FieldError::field).containsExactly("questions");
        assertThat(refusal(() -> new Quiz("untitled", 1, "en", List.of("en"), null, null, List.of(),
                QuizRules.defaults(), List.of()))).extracting(FieldError::field).containsExactly("title");
    }

    private static List<FieldError> refusal(Runnable building) {
        ValidationException refused = catchThrowableOfType(ValidationException.class, building::run);
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION);
        return refused.errors();
    }
}
