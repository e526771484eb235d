package org.kydp.quiz.store;

import java.util.List;
import java.util.Objects;

import org.kydp.quiz.model.Attempt;

/**
 * What one attempt adds to its quiz's statistics, on one day of the engine's zone: counts the store adds to its
 * running sums in the transaction that starts or finishes the attempt, so that the statistics of a quiz are read
 * in the time of a few rows per question and day, however many attempts there were.
 *
 * @param epochDay the day (in the engine's zone) as days since 1970-01-01: of the start for a start, of the finish
 *                 for a finish
 */
public record Tally(String quizId, int quizVersion, long epochDay, List<Count> counts) {

    public Tally {
        Objects.requireNonNull(quizId, "quizId");
        counts = List.copyOf(counts);
    }

    /** A tally that counts nothing: for writes that are not to be counted (restoring data, tests). */
    public static Tally nothing(Attempt attempt) {
        return new Tally(attempt.quizId(), attempt.quizVersion(), 0, List.of());
    }

    /** One addition to one running sum. */
    public sealed interface Count permits Started, Finished, Bin, QuestionSums, Response {
    }

    /** An attempt started; its player counts among the quiz's players if it is their first attempt at the quiz. */
    public record Started() implements Count {
    }

    /** An attempt finished with this score. */
    public record Finished(long score) implements Count {
    }

    /** A finished attempt falls into a bin of a distribution: {@code from} is the bin's lowest value. */
    public record Bin(BinKind kind, long from, int width) implements Count {
    }

    /** The distributions kept as bins. */
    public enum BinKind {
        /** The attempt's score, in points. */
        SCORE,
        /** The attempt's duration, in seconds. */
        DURATION
    }

    /**
     * What one finished attempt adds for one of its questions. {@code x} is the fraction of the question's points
     * earned and {@code y} the score of the rest of the attempt; both are added, with their squares and product, only
     * for a question that earns points ({@code scored}).
     */
    public record QuestionSums(String questionId, boolean served, boolean answered, boolean skipped, boolean timedOut,
                               boolean fullyRight, long timeMs, boolean timed, boolean scored, double x, double y)
            implements Count {

        public QuestionSums {
            Objects.requireNonNull(questionId, "questionId");
        }
    }

    /** An answer to a question chose an option, gave a wrong answer as it reads normalised, or placed an item right. */
    public record Response(String questionId, ResponseKind kind, String response) implements Count {

        public Response {
            Objects.requireNonNull(questionId, "questionId");
            Objects.requireNonNull(response, "response");
        }
    }

    /** What a {@link Response} counts. */
    public enum ResponseKind {
        OPTION, WRONG, ITEM
    }
}
