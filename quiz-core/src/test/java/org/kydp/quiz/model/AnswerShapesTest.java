package org.kydp.quiz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kydp.quiz.ValidationErrors.errorsOf;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kydp.quiz.SampleQuestions;
import org.kydp.quiz.error.ErrorCode;
import org.kydp.quiz.error.FieldError;

/** Every type takes one answer shape and rejects all the others, naming the field it expected. */
class AnswerShapesTest {

    private static final List<Answer> EVERY_SHAPE = List.of(
            new Answer.Choice("a"),
            Answer.Choices.of("a"),
            new Answer.Bool(true),
            new Answer.Text("a"),
            new Answer.Number(1),
            new Answer.Order(List.of("a")),
            new Answer.Pairs(Map.of("a", "b")));

    private static final Map<QuestionType, String> FIELD = Map.of(
            QuestionType.SINGLE_CHOICE, "choice",
            QuestionType.MULTIPLE_RESPONSE, "choices",
            QuestionType.TRUE_FALSE, "value",
            QuestionType.SHORT_TEXT, "text",
            QuestionType.NUMERIC, "number",
            QuestionType.ORDERING, "order",
            QuestionType.MATCHING, "pairs",
            QuestionType.POLL, "choice");

    private static final Map<QuestionType, String> JAVA = Map.of(
            QuestionType.SINGLE_CHOICE, "Choice",
            QuestionType.MULTIPLE_RESPONSE, "Choices",
            QuestionType.TRUE_FALSE, "Bool",
            QuestionType.SHORT_TEXT, "Text",
            QuestionType.NUMERIC, "Number",
            QuestionType.ORDERING, "Order",
            QuestionType.MATCHING, "Pairs",
            QuestionType.POLL, "Choice");

    static Stream<Arguments> wrongShapes() {
        return SampleQuestions.everyType(10).stream().flatMap(question -> EVERY_SHAPE.stream()
                .filter(answer -> !answer.field().equals(FIELD.get(question.type())))
                .map(answer -> Arguments.of(question.type(), answer.getClass().getSimpleName(), question, answer)));
    }

    static Stream<Arguments> everyType() {
        return SampleQuestions.everyType(10).stream().map(question -> Arguments.of(question.type(), question));
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @MethodSource("wrongShapes")
    void a_question_rejects_an_answer_of_another_shape_naming_the_field_it_takes(
            QuestionType type, String shape, Question question, Answer answer) {
        List<FieldError> errors = errorsOf(() -> question.grade(answer));

        assertThat(errors).extracting(FieldError::field).containsExactly("answer." + FIELD.get(type));
        assertThat(errors.get(0).message()).as("the type, and the answer it takes in JSON and in Java")
                .contains(type.wireName(), "\"" + FIELD.get(type) + "\"", "(Answer." + JAVA.get(type) + ")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void a_question_takes_the_shape_of_its_correct_answer_and_grades_it_right(QuestionType type, Question question) {
        question.correctAnswer().ifPresent(answer -> {
            assertThat(answer.field()).isEqualTo(FIELD.get(type));
            Grade grade = question.grade(answer);
            assertThat(grade.correct()).isTrue();
            assertThat(grade.fraction()).isEqualTo(1.0);
            assertThat(grade.fractionNoPenalty()).isEqualTo(1.0);
        });
        assertThat(question.correctAnswer().isEmpty()).isEqualTo(type == QuestionType.POLL);
        assertThat(question.scored()).isEqualTo(type != QuestionType.POLL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void a_malformed_answer_is_a_validation_error(QuestionType type, Question question) {
        Answer wrong = type == QuestionType.TRUE_FALSE ? new Answer.Number(1) : new Answer.Bool(true);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> question.grade(wrong))
                .isInstanceOfSatisfying(org.kydp.quiz.error.ValidationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
    }
}
