package org.kydp.quiz.leaderboard.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.kydp.quiz.leaderboard.Window;
import org.kydp.quiz.model.AttemptGrading;

/**
 * The boards of one quiz: one for all time, and one per calendar day and per calendar week (from Monday) in the
 * engine's zone, keyed by the date the day or week starts. A finished attempt goes into the all-time board and
 * into the board of the day and the week it finished in; the day and week windows read the board of today's date,
 * so they roll over at midnight and on Monday without any scan. Boards of days and weeks before the current one
 * are dropped when a later one is created; an attempt finishing in a day or week already over (one that ran out of
 * time before midnight and is finished after it) counts for all time only, as no window shows that day any more.
 */
public final class QuizBoards {

    private final AttemptGrading grading;
    private final ZoneId zone;
    private final Board allTime;
    private final ConcurrentNavigableMap<LocalDate, Board> days = new ConcurrentSkipListMap<>();
    private final ConcurrentNavigableMap<LocalDate, Board> weeks = new ConcurrentSkipListMap<>();
    /** The attempts counted, under the average grade only (null otherwise): about 100 bytes per attempt. */
    private final Set<String> counted;

    public QuizBoards(AttemptGrading grading, ZoneId zone) {
        this.grading = grading;
        this.zone = zone;
        this.allTime = new Board(grading);
        this.counted = grading == AttemptGrading.AVERAGE ? ConcurrentHashMap.newKeySet() : null;
    }

    public AttemptGrading grading() {
        return grading;
    }

    /**
     * Counts a finished attempt in every window it belongs to, as of {@code now}, once: an attempt counted already
     * changes nothing. The highest, first and last grades are the same however often one attempt is counted; the
     * average is not, so under it the boards keep the id of every attempt they counted.
     */
    public void record(String attemptId, String playerId, String name, int score, long durationMs,
                       Instant finishedAt, Instant now) {
        if (counted != null && !counted.add(attemptId)) {
            return;
        }
        long finishMs = finishedAt.toEpochMilli();
        allTime.record(playerId, name, score, durationMs, finishMs);
        LocalDate finishDay = LocalDate.ofInstant(finishedAt, zone);
        LocalDate today = LocalDate.ofInstant(now, zone);
        recordInBucket(days, finishDay, today, playerId, name, score, durationMs, finishMs);
        recordInBucket(weeks, weekOf(finishDay), weekOf(today), playerId, name, score, durationMs, finishMs);
    }

    private void recordInBucket(ConcurrentNavigableMap<LocalDate, Board> buckets, LocalDate bucket,
                                LocalDate current, String playerId, String name, int score, long durationMs,
                                long finishMs) {
        if (bucket.isBefore(current)) {
            return;
        }
        Board board = buckets.get(bucket);
        if (board == null) {
            board = buckets.computeIfAbsent(bucket, date -> new Board(grading));
            buckets.headMap(current).clear();
        }
        board.record(playerId, name, score, durationMs, finishMs);
    }

    /** The board a window shows as of {@code now}; null when nobody has finished in it. */
    public Board board(Window window, Instant now) {
        return switch (window) {
            case ALL -> allTime;
            case DAY -> days.get(LocalDate.ofInstant(now, zone));
            case WEEK -> weeks.get(weekOf(LocalDate.ofInstant(now, zone)));
        };
    }

    private static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
