package org.kydp.quiz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kydp.quiz.SampleQuestions.info;
import static org.kydp.quiz.ValidationErrors.fieldsOf;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.error.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.kydp.quiz.SampleQuestions;

class NumericTest {

    /** 112 exactly for all the points, 100..120 for half. */
    private final Numeric question = SampleQuestions.numeric(10);

    private static Numeric exactly(double value, double tolerance) {
        return new Numeric(info("q"), List.of(new Numeric.Exact(value, tolerance, 1.0, null)));
    }

    private static Numeric between(double min, double max) {
        return new Numeric(info("q"), List.of(new Numeric.Range(min, max, 1.0, null)));
    }

    private static double fraction(Numeric question, double number) {
        return question.grade(new Answer.Number(number)).fraction();
    }

    @Test
    void the_exact_value_is_correct() {
        assertThat(question.grade(new Answer.Number(112))).isEqualTo(Grade.right(null));
        assertThat(question.grade(new Answer.Number(112.0))).isEqualTo(Grade.right(null));
    }

    @Test
    void a_value_in_a_partial_credit_range_earns_its_fraction_and_feedback() {
        assertThat(question.grade(new Answer.Number(100)))
                .isEqualTo(new Grade(false, 0.5, 0.5, LocalizedText.en("Near.")));
        assertThat(fraction(question, 111.9)).isEqualTo(0.5);
        assertThat(fraction(question, 120)).isEqualTo(0.5);
    }

    @Test
    void a_value_outside_every_accepted_answer_is_wrong() {
        assertThat(question.grade(new Answer.Number(99.999))).isEqualTo(Grade.wrong(null));
        assertThat(question.grade(new Answer.Number(120.001))).isEqualTo(Grade.wrong(null));
        assertThat(question.grade(new Answer.Number(-112))).isEqualTo(Grade.wrong(null));
    }

    @ParameterizedTest(name = "{0} ± {1}: {2} matches {3}")
    @CsvSource({
            "112,   2,    110,      true",
            "112,   2,    114,      true",
            "112,   2,    109.999,  false",
            "112,   2,    114.001,  false",
            "112,   0,    112,      true",
            "112,   0,    112.0001, false",
            "1.1,   0.1,  1.0,      true",
            "1.1,   0.1,  1.2,      true",
            "0.3,   0.1,  0.2,      true",
            "0.3,   0.1,  0.4,      true",
            "0.3,   0.1,  0.4001,   false",
            "2.5,   0.3,  2.2,      true",
            "2.5,   0.3,  2.8,      true",
            "9.81,  0.01, 9.8,      true",
            "9.81,  0.01, 9.82,     true",
            "9.81,  0.01, 9.7999,   false",
            "1e6,   0.1,  999999.9, true",
            "-40,   0.5,  -40.5,    true",
            "-40,   0.5,  -39.5,    true",
            "-40,   0.5,  -41,      false",
            "-0.1,  0.2,  0.1,      true",
            "-0.1,  0.2,  -0.3,     true"})
    void a_tolerance_includes_both_of_its_bounds(double value, double tolerance, double given, boolean matches) {
        assertThat(exactly(value, tolerance).grade(new Answer.Number(given)).correct()).isEqualTo(matches);
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    /** Authors write decimals; the bounds they write are in, and the next decimal beyond them is out. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_decimal_bounds_of_a_tolerance_are_in_and_the_next_decimal_is_out(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int scale = random.nextInt(0, 4);
        BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal value = BigDecimal.valueOf(random.nextLong(-100_000, 100_000), scale);
        BigDecimal tolerance = BigDecimal.valueOf(random.nextLong(0, 1_000), scale);
        Numeric question = exactly(value.doubleValue(), tolerance.doubleValue());

        for (BigDecimal in : List.of(value, value.subtract(tolerance), value.add(tolerance))) {
            assertThat(question.grade(new Answer.Number(in.doubleValue())).correct())
                    .as("seed %d: %s ± %s takes %s", seed, value, tolerance, in).isTrue();
        }
        for (BigDecimal out : List.of(value.subtract(tolerance).subtract(step), value.add(tolerance).add(step))) {
            assertThat(question.grade(new Answer.Number(out.doubleValue())).correct())
                    .as("seed %d: %s ± %s refuses %s", seed, value, tolerance, out).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}..{1}: {2} matches {3}")
    @CsvSource({
            "100,   120,   100,    true",
            "100,   120,   120,    true",
            "100,   120,   110.5,  true",
            "100,   120,   99.99,  false",
            "100,   120,   120.01, false",
            "-10,   -5,    -10,    true",
            "-10,   -5,    -5,     true",
            "-10,   -5,    -4.9,   false",
            "-10,   -5,    5,      false",
            "7,     7,     7,      true",
            "7,     7,     7.0001, false"})
    void a_range_includes_both_of_its_ends(double min, double max, double given, boolean matches) {
        assertThat(between(min, max).grade(new Answer.Number(given)).correct()).isEqualTo(matches);
    }

    @Test
    void when_several_accepted_answers_match_the_best_fraction_wins() {
        Numeric overlapping = new Numeric(info("q"), List.of(
                new Numeric.Range(0, 1000, 0.25, LocalizedText.en("Far.")),
                new Numeric.Exact(112, 5, 0.5, LocalizedText.en("Near.")),
                new Numeric.Exact(112, 0, 1.0, LocalizedText.en("Exact.")),
                new Numeric.Range(110, 114, 0.75, null)));

        assertThat(overlapping.grade(new Answer.Number(112)))
                .isEqualTo(new Grade(true, 1.0, 1.0, LocalizedText.en("Exact.")));
        assertThat(fraction(overlapping, 113)).isEqualTo(0.75);
        assertThat(fraction(overlapping, 116)).isEqualTo(0.5);
        assertThat(overlapping.grade(new Answer.Number(500)))
                .isEqualTo(new Grade(false, 0.25, 0.25, LocalizedText.en("Far.")));
        assertThat(fraction(overlapping, -1)).isZero();
    }

    @Test
    void any_other_shape_is_rejected_on_answer_number() {
        assertThat(fieldsOf(() -> question.grade(new Answer.Text("112")))).containsExactly("answer.number");
        assertThat(fieldsOf(() -> question.grade(new Answer.Choice("112")))).containsExactly("answer.number");
    }

    @Test
    void a_numeric_answer_is_a_finite_number() {
        assertThatThrownBy(() -> new Answer.Number(Double.NaN)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Answer.Number(Double.POSITIVE_INFINITY))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void the_correct_answer_is_the_first_full_credit_value_or_the_middle_of_its_range() {
        assertThat(question.correctAnswer()).contains(new Answer.Number(112));
        assertThat(between(-10, -5).correctAnswer()).contains(new Answer.Number(-7.5));
        assertThat(between(-10, -5).grade(between(-10, -5).correctAnswer().orElseThrow()).correct()).isTrue();
    }

    @Test
    void a_tolerance_is_not_negative_and_numbers_are_finite() {
        assertThatThrownBy(() -> new Numeric.Exact(112, -0.5, 1.0, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("tolerance must not be negative");
        assertThatThrownBy(() -> new Numeric.Exact(Double.NaN, 0, 1.0, null)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new Numeric.Exact(1, Double.POSITIVE_INFINITY, 1.0, null))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> new Numeric.Range(Double.NEGATIVE_INFINITY, 0, 1.0, null))
                .hasMessageContaining("finite");
    }

    @Test
    void a_range_is_not_empty() {
        assertThatThrownBy(() -> new Numeric.Range(120, 100, 1.0, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("is empty");
        assertThatCode(() -> new Numeric.Range(7, 7, 1.0, null)).doesNotThrowAnyException();
    }

    @Test
    void an_accepted_answer_earns_a_fraction_in_zero_to_one() {
        assertThatThrownBy(() -> new Numeric.Exact(1, 0, 0, null)).hasMessageContaining("fraction");
        assertThatThrownBy(() -> new Numeric.Exact(1, 0, 1.5, null)).hasMessageContaining("fraction");
        assertThatThrownBy(() -> new Numeric.Range(1, 2, -0.5, null)).hasMessageContaining("fraction");
        assertThatThrownBy(() -> new Numeric.Range(1, 2, Double.NaN, null)).hasMessageContaining("fraction");
    }

    @Test
    void needs_an_accepted_answer_worth_full_points() {
        assertThatThrownBy(() -> new Numeric(info("q"), List.of(new Numeric.Exact(1, 0, 0.5, null))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("full points");
        assertThatThrownBy(() -> new Numeric(info("q"), List.of())).hasMessageContaining("at least 1");
    }
}
