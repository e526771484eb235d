package org.kydp.quiz.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The statistics of a quiz over a range of days in the engine's zone, of one version or of all: how many played,
 * how they scored, and how the crowd answered each question.
 *
 * @param version  the version asked for; empty for all versions
 * @param from     the first day counted; empty for "since the first attempt"
 * @param to       the last day counted; empty for "until now"
 * @param started  attempts started on the days counted
 * @param finished attempts finished on the days counted; every other figure is over these
 * @param players  players whose first attempt at the quiz (of the version asked for) started on the days counted:
 *                 over all time, the number of distinct players
 * @param medianDurationMs the median time from start to finish, to the second below (above an hour, to the hour)
 * @param perDay   every day from the first to the last one counted (or with attempts), with its starts and finishes
 * @param questions one entry per question that was part of a finished attempt, in the quiz's order
 */
public record QuizStatistics(String quizId, OptionalInt version, Optional<LocalDate> from, Optional<LocalDate> to,
                             long started, long finished, long players, Score score, OptionalLong medianDurationMs,
                             List<Day> perDay, List<QuestionStatistics> questions) {

    public QuizStatistics {
        perDay = List.copyOf(perDay);
        questions = List.copyOf(questions);
    }

    /**
     * The scores of the finished attempts.
     *
     * @param mean      the mean score
     * @param median    the median score: exact for quizzes of up to 100 points; above, scores are counted in 100
     *                  bins and the median is the middle of its bin
     * @param sd        the sample standard deviation (n − 1 in the denominator, as Moodle's), given from 2 attempts
     * @param maxScore  the most points an attempt at the quiz (latest version asked for) can earn
     * @param histogram ten bins of equal width from 0 to {@code maxScore}
     */
    public record Score(OptionalDouble mean, OptionalDouble median, OptionalDouble sd, int maxScore,
                        List<HistogramBin> histogram) {

        public Score {
            histogram = List.copyOf(histogram);
        }
    }

    /** Finished attempts whose score is from {@code from} up to {@code to} (the last bin includes {@code to}). */
    public record HistogramBin(double from, double to, long attempts) {
    }

    /** One day of the engine's zone. */
    public record Day(LocalDate date, long started, long finished) {
    }
}
