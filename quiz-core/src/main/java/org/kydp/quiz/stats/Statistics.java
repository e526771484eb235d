package org.kydp.quiz.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.internal.Arguments;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.store.QuizStore;
import org.kydp.quiz.store.StatisticsStore;
import org.kydp.quiz.store.StatisticsStore.StatsRows;
import org.kydp.quiz.store.Tally;

/**
 * The statistics of quizzes for their owners: which questions citizens get wrong, how the crowd answered each, and
 * how many played on which day. Read from running sums the store keeps with every start and finish, so that a quiz
 * with a million attempts reads as fast as one with ten.
 */
public final class Statistics {

    private final QuizStore quizzes;
    private final StatisticsStore sums;
    private final LiveStatistics live;

    public Statistics(QuizStore quizzes, StatisticsStore sums, LiveStatistics live) {
        this.quizzes = quizzes;
        this.sums = sums;
        this.live = live;
    }

    /**
     * The statistics of a quiz.
     *
     * @throws NotFoundException if there is no such quiz, or no such version of it
     */
    public QuizStatistics quiz(String quizId, StatsQuery query) {
        Arguments.required("quizId", quizId);
        Arguments.required("query", query);
        Quiz reference = query.version().isPresent()
                ? quizzes.find(quizId, query.version().getAsInt()).orElseThrow(() -> new NotFoundException(
                        "quiz " + quizId + " has no version " + query.version().getAsInt()))
                : quizzes.latest(quizId).orElseThrow(() -> NotFoundException.quiz(quizId));
        long fromDay = query.from().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE / 2);
        long toDay = query.to().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE / 2);
        StatsRows rows = query.from().isEmpty() && query.to().isEmpty() ? sums.readAllDays(quizId, query.version())
                : sums.read(quizId, query.version(), fromDay, toDay);
        long started = rows.days().stream().mapToLong(StatsRows.Day::started).sum();
        long finished = rows.days().stream().mapToLong(StatsRows.Day::finished).sum();
        long players = rows.days().stream().mapToLong(StatsRows.Day::players).sum();
        List<QuestionStatistics> questions = inQuizOrder(reference,
                Figures.questions(rows, id -> contentOf(quizId, reference, id)));
        return new QuizStatistics(quizId, query.version(), query.from(), query.to(), started, finished, players,
                score(rows, finished, reference.maxScore()), median(bins(rows, Tally.BinKind.DURATION))
                .map(seconds -> OptionalLong.of(Math.round(seconds * 1000))).orElse(OptionalLong.empty()),
                perDay(rows, query), questions);
    }

    /**
     * The same per-question figures for the players of one live session, from its answers.
     *
     * @throws NotFoundException if there is no such session
     */
    public List<QuestionStatistics> liveSession(String sessionId) {
        Arguments.required("sessionId", sessionId);
        return live.of(sessionId);
    }

    private static QuizStatistics.Score score(StatsRows rows, long finished, int maxScore) {
        long sum = rows.days().stream().mapToLong(StatsRows.Day::scoreSum).sum();
        long squares = rows.days().stream().mapToLong(StatsRows.Day::scoreSquares).sum();
        OptionalDouble mean = finished > 0 ? OptionalDouble.of((double) sum / finished) : OptionalDouble.empty();
        OptionalDouble sd = finished > 1
                ? OptionalDouble.of(Math.sqrt(Math.max(0, (squares - (double) sum * sum / finished) / (finished - 1))))
                : OptionalDouble.empty();
        List<StatsRows.Bin> bins = bins(rows, Tally.BinKind.SCORE);
        OptionalDouble median = median(bins).map(OptionalDouble::of).orElse(OptionalDouble.empty());
        return new QuizStatistics.Score(mean, median, sd, maxScore, histogram(bins, maxScore));
    }

    private static List<StatsRows.Bin> bins(StatsRows rows, Tally.BinKind kind) {
        return rows.bins().stream().filter(bin -> bin.kind() == kind)
                .sorted(Comparator.comparingLong(StatsRows.Bin::from)).toList();
    }

    /** The value a bin stands for: its only value, or its middle. */
    private static double valueOf(StatsRows.Bin bin) {
        return bin.from() + (bin.width() - 1) / 2.0;
    }

    /** The median of the binned values: the middle one, or the mean of the two middle ones. */
    static Optional<Double> median(List<StatsRows.Bin> sorted) {
        long n = sorted.stream().mapToLong(StatsRows.Bin::attempts).sum();
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of((nth(sorted, (n - 1) / 2) + nth(sorted, n / 2)) / 2);
    }

    private static double nth(List<StatsRows.Bin> sorted, long index) {
        long seen = 0;
        for (StatsRows.Bin bin : sorted) {
            seen += bin.attempts();
            if (index < seen) {
                return valueOf(bin);
            }
        }
        throw new IllegalStateException("no value " + index);
    }

    private static List<QuizStatistics.HistogramBin> histogram(List<StatsRows.Bin> bins, int maxScore) {
        int count = 10;
        double width = Math.max(1, maxScore) / (double) count;
        long[] attempts = new long[count];
        for (StatsRows.Bin bin : bins) {
            int index = (int) Math.floor(valueOf(bin) / width);
            attempts[Math.max(0, Math.min(count - 1, index))] += bin.attempts();
        }
        List<QuizStatistics.HistogramBin> histogram = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            histogram.add(new QuizStatistics.HistogramBin(i * width, (i + 1) * width, attempts[i]));
        }
        return histogram;
    }

    private static List<QuizStatistics.Day> perDay(StatsRows rows, StatsQuery query) {
        Map<Long, StatsRows.Day> byDay = new HashMap<>();
        rows.days().forEach(day -> byDay.put(day.epochDay(), day));
        OptionalLong first = query.from().map(date -> OptionalLong.of(date.toEpochDay()))
                .orElseGet(() -> byDay.keySet().stream().mapToLong(Long::longValue).min());
        OptionalLong last = query.to().map(date -> OptionalLong.of(date.toEpochDay()))
                .orElseGet(() -> byDay.keySet().stream().mapToLong(Long::longValue).max());
        List<QuizStatistics.Day> days = new ArrayList<>();
        if (first.isEmpty() || last.isEmpty()) {
            return days;
        }
        for (long day = first.getAsLong(); day <= last.getAsLong(); day++) {
            StatsRows.Day sums = byDay.get(day);
            days.add(new QuizStatistics.Day(LocalDate.ofEpochDay(day), sums == null ? 0 : sums.started(),
                    sums == null ? 0 : sums.finished()));
        }
        return days;
    }

    /** The question as the reference version has it, or as the latest earlier version that had it. */
    private Question contentOf(String quizId, Quiz reference, String questionId) {
        Optional<Question> question = reference.question(questionId);
        for (int version = reference.version() - 1; question.isEmpty() && version >= 1; version--) {
            question = quizzes.find(quizId, version).flatMap(quiz -> quiz.question(questionId));
        }
        return question.orElse(null);
    }

    private static List<QuestionStatistics> inQuizOrder(Quiz quiz, List<QuestionStatistics> questions) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < quiz.questions().size(); i++) {
            order.put(quiz.questions().get(i).id(), i);
        }
        return questions.stream().sorted(Comparator.comparing(
                (QuestionStatistics q) -> order.getOrDefault(q.questionId(), Integer.MAX_VALUE))
                .thenComparing(QuestionStatistics::questionId)).toList();
    }
}
