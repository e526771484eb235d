package org.kydp.quiz.model;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.kydp.quiz.error.ValidationException;

/**
 * Give a number. An accepted answer is a value with a tolerance ({@code 112 ± 0}) or a range
 * ({@code 100..120}); each earns a fraction of the points, and the best match counts.
 */
public record Numeric(QuestionInfo info, List<Accepted> accepted) implements Question {

    /** An accepted value or range. */
    public sealed interface Accepted {
        double fraction();

        LocalizedText feedback();

        boolean matches(double number);

        /** A number inside, as a player would give it. */
        double example();
    }

    /**
     * {@code value} plus or minus {@code tolerance}, bounds included. The distance is measured in decimal, as
     * the author wrote the numbers: in binary floating point |1.0 − 1.1| is a hair above 0.1, which would leave
     * out a bound of {@code 1.1 ± 0.1}.
     */
    public record Exact(double value, double tolerance, double fraction, LocalizedText feedback) implements Accepted {
        public Exact {
            requireFinite(value, "value");
            requireFinite(tolerance, "tolerance");
            if (tolerance < 0) {
                throw ValidationException.of("tolerance", "tolerance must not be negative: " + tolerance);
            }
            requireFraction(fraction);
            feedback = feedback == null ? LocalizedText.empty() : feedback;
        }

        @Override
        public boolean matches(double number) {
            BigDecimal distance = BigDecimal.valueOf(number).subtract(BigDecimal.valueOf(value)).abs();
            return distance.compareTo(BigDecimal.valueOf(tolerance)) <= 0;
        }

        @Override
        public double example() {
            return value;
        }
    }

    /** From {@code min} to {@code max}, bounds included. */
    public record Range(double min, double max, double fraction, LocalizedText feedback) implements Accepted {
        public Range {
            requireFinite(min, "min");
            requireFinite(max, "max");
            if (min > max) {
                throw ValidationException.of("answers", "range " + min + ".." + max + " is empty");
            }
            requireFraction(fraction);
            feedback = feedback == null ? LocalizedText.empty() : feedback;
        }

        @Override
        public boolean matches(double number) {
            return number >= min && number <= max;
        }

        @Override
        public double example() {
            return min + (max - min) / 2;
        }
    }

    public Numeric {
        accepted = List.copyOf(accepted);
        Choices.requireAtLeast(info.id(), "accepted answers", accepted, 1);
        if (accepted.stream().noneMatch(a -> a.fraction() == 1.0)) {
            throw ValidationException.of("answers",
                    "question " + info.id() + ": needs an accepted answer worth full points");
        }
    }

    @Override
    public QuestionType type() {
        return QuestionType.NUMERIC;
    }

    @Override
    public Grade grade(Answer answer) {
        if (!(answer instanceof Answer.Number number)) {
            throw Choices.wrongShape(type(), Answer.Number.class, "number", "{\"number\": 112}");
        }
        return accepted.stream()
                .filter(a -> a.matches(number.value()))
                .max(Comparator.comparingDouble(Accepted::fraction))
                .map(a -> Grade.of(a.fraction(), a.feedback()))
                .orElse(Grade.wrong(null));
    }

    @Override
    public Optional<Answer> correctAnswer() {
        return accepted.stream().filter(a -> a.fraction() == 1.0).findFirst()
                .map(a -> new Answer.Number(a.example()));
    }

    private static void requireFinite(double number, String name) {
        if (!Double.isFinite(number)) {
            throw ValidationException.of("answers", name + " must be a finite number: " + number);
        }
    }

    private static void requireFraction(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw ValidationException.of("fraction", "fraction must be in (0, 1]: " + fraction);
        }
    }
}
