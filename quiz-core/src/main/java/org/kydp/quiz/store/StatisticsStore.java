package org.kydp.quiz.store;

import java.util.List;
import java.util.OptionalInt;

/**
 * Reads the running sums that starts and finishes added ({@link Tally}), summed over a range of days: what the
 * statistics of a quiz are made of, in a few rows per question and day however many attempts there were.
 */
public interface StatisticsStore {

    /**
     * The sums of the quiz's attempts on the days from {@code fromDay} to {@code toDay}, both included (days since
     * 1970-01-01 in the engine's zone), of one version or of all.
     */
    StatsRows read(String quizId, OptionalInt version, long fromDay, long toDay);

    /**
     * The sums of all the quiz's attempts: per day for the days, over all days for the rest (which a store may keep
     * summed already, so that this reads a few rows per question however many days there were).
     */
    default StatsRows readAllDays(String quizId, OptionalInt version) {
        return read(quizId, version, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
    }

    /** The sums, per day for the days and summed over the days for the rest. */
    record StatsRows(List<Day> days, List<Bin> bins, List<Question> questions, List<Response> responses) {

        public StatsRows {
            days = List.copyOf(days);
            bins = List.copyOf(bins);
            questions = List.copyOf(questions);
            responses = List.copyOf(responses);
        }

        /** Starts, finishes, new players and score sums of one day. */
        public record Day(long epochDay, long started, long finished, long players, long scoreSum,
                          long scoreSquares) {
        }

        /** How many finished attempts fell into a bin. */
        public record Bin(Tally.BinKind kind, long from, int width, long attempts) {
        }

        /** The sums of one question over the finished attempts that had it. */
        public record Question(String questionId, long attempts, long served, long answered, long skipped,
                               long timedOut, long fullyRight, long timeMs, long timed, long scored, double sumX,
                               double sumXx, double sumY, double sumYy, double sumXy) {
        }

        /** How many times an answer to a question gave this response. */
        public record Response(String questionId, Tally.ResponseKind kind, String response, long times) {
        }
    }
}
