package org.kydp.quiz.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.kydp.quiz.store.StatisticsStore.StatsRows;

/**
 * The running sums of the statistics, kept in memory: what {@link InMemoryStore} keeps, and what the statistics of a
 * live session are summed in. Safe for concurrent use.
 */
public final class RunningSums implements StatisticsStore {

    private record DayKey(String quizId, int version, long epochDay) implements Comparable<DayKey> {
        @Override
        public int compareTo(DayKey other) {
            int byQuiz = quizId.compareTo(other.quizId);
            if (byQuiz != 0) {
                return byQuiz;
            }
            return version != other.version ? Integer.compare(version, other.version)
                    : Long.compare(epochDay, other.epochDay);
        }
    }

    private static final class Sums {
        long started;
        long finished;
        long players;
        long scoreSum;
        long scoreSquares;
        final Map<String, long[]> bins = new TreeMap<>(); // kind + from -> {from, width, attempts}
        final Map<String, StatsRows.Question> questions = new TreeMap<>();
        final Map<List<String>, Long> responses = new TreeMap<>(RunningSums::compareKeys);
    }

    private final TreeMap<DayKey, Sums> days = new TreeMap<>();

    /**
     * Adds what one start or finish counts.
     *
     * @param firstAttempt whether a start is its player's first attempt at the quiz (counts a player)
     */
    public synchronized void add(Tally tally, boolean firstAttempt) {
        if (tally.counts().isEmpty()) {
            return;
        }
        Sums sums = days.computeIfAbsent(new DayKey(tally.quizId(), tally.quizVersion(), tally.epochDay()),
                key -> new Sums());
        for (Tally.Count count : tally.counts()) {
            if (count instanceof Tally.Started) {
                sums.started++;
                sums.players += firstAttempt ? 1 : 0;
            } else if (count instanceof Tally.Finished finished) {
                sums.finished++;
                sums.scoreSum += finished.score();
                sums.scoreSquares += finished.score() * finished.score();
            } else if (count instanceof Tally.Bin bin) {
                sums.bins.computeIfAbsent(bin.kind() + "/" + bin.from(),
                        key -> new long[] {bin.from(), bin.width(), 0})[2]++;
            } else if (count instanceof Tally.QuestionSums question) {
                sums.questions.merge(question.questionId(), rowOf(question), RunningSums::plus);
            } else if (count instanceof Tally.Response response) {
                sums.responses.merge(List.of(response.questionId(), response.kind().name(), response.response()),
                        1L, Long::sum);
            }
        }
    }

    /** What is kept for one quiz, version and day. */
    @FunctionalInterface
    public interface DayVisitor {
        void visit(String quizId, int version, long epochDay, StatsRows sums);
    }

    /** Hands the sums of each quiz, version and day to the visitor, in order. */
    public synchronized void forEachDay(DayVisitor visitor) {
        for (DayKey key : days.keySet()) {
            visitor.visit(key.quizId(), key.version(), key.epochDay(),
                    read(key.quizId(), OptionalInt.of(key.version()), key.epochDay(), key.epochDay()));
        }
    }

    @Override
    public synchronized StatsRows read(String quizId, OptionalInt version, long fromDay, long toDay) {
        Map<Long, StatsRows.Day> perDay = new TreeMap<>();
        Map<String, long[]> bins = new TreeMap<>();
        Map<String, StatsRows.Question> questions = new TreeMap<>();
        Map<List<String>, Long> responses = new TreeMap<>(RunningSums::compareKeys);
        for (Map.Entry<DayKey, Sums> entry : days.entrySet()) {
            DayKey key = entry.getKey();
            if (!key.quizId().equals(quizId) || version.isPresent() && version.getAsInt() != key.version()
                    || key.epochDay() < fromDay || key.epochDay() > toDay) {
                continue;
            }
            Sums sums = entry.getValue();
            perDay.merge(key.epochDay(), new StatsRows.Day(key.epochDay(), sums.started, sums.finished,
                    sums.players, sums.scoreSum, sums.scoreSquares), RunningSums::plus);
            sums.bins.forEach((bin, counts) -> bins.merge(bin, counts.clone(),
                    (a, b) -> new long[] {a[0], a[1], a[2] + b[2]}));
            sums.questions.forEach((id, row) -> questions.merge(id, row, RunningSums::plus));
            sums.responses.forEach((response, times) -> responses.merge(response, times, Long::sum));
        }
        List<StatsRows.Bin> binRows = new ArrayList<>();
        bins.forEach((bin, counts) -> binRows.add(new StatsRows.Bin(Tally.BinKind.valueOf(bin.substring(0,
                bin.indexOf('/'))), counts[0], (int) counts[1], counts[2])));
        List<StatsRows.Response> responseRows = new ArrayList<>();
        responses.forEach((response, times) -> responseRows.add(new StatsRows.Response(response.get(0),
                Tally.ResponseKind.valueOf(response.get(1)), response.get(2), times)));
        return new StatsRows(List.copyOf(perDay.values()), binRows, List.copyOf(questions.values()), responseRows);
    }

    private static StatsRows.Question rowOf(Tally.QuestionSums q) {
        double x = q.scored() ? q.x() : 0;
        double y = q.scored() ? q.y() : 0;
        return new StatsRows.Question(q.questionId(), 1, one(q.served()), one(q.answered()), one(q.skipped()),
                one(q.timedOut()), one(q.fullyRight()), q.timed() ? q.timeMs() : 0, one(q.timed()), one(q.scored()),
                x, x * x, y, y * y, x * y);
    }

    private static long one(boolean counted) {
        return counted ? 1 : 0;
    }

    private static StatsRows.Question plus(StatsRows.Question a, StatsRows.Question b) {
        return new StatsRows.Question(a.questionId(), a.attempts() + b.attempts(), a.served() + b.served(),
                a.answered() + b.answered(), a.skipped() + b.skipped(), a.timedOut() + b.timedOut(),
                a.fullyRight() + b.fullyRight(), a.timeMs() + b.timeMs(), a.timed() + b.timed(),
                a.scored() + b.scored(), a.sumX() + b.sumX(), a.sumXx() + b.sumXx(), a.sumY() + b.sumY(),
                a.sumYy() + b.sumYy(), a.sumXy() + b.sumXy());
    }

    private static StatsRows.Day plus(StatsRows.Day a, StatsRows.Day b) {
        return new StatsRows.Day(a.epochDay(), a.started() + b.started(), a.finished() + b.finished(),
                a.players() + b.players(), a.scoreSum() + b.scoreSum(), a.scoreSquares() + b.scoreSquares());
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
