package org.kydp.quiz.stats;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.RecordedAnswer;
import org.kydp.quiz.model.ShortText;
import org.kydp.quiz.scoring.AnswerScoring;
import org.kydp.quiz.store.Tally;
import org.kydp.quiz.store.Tally.Count;

/**
 * What a start or a finish adds to the statistics ({@link Tally}), worked out from the attempt and its quiz by the
 * engine, so that every store keeps the same sums. The definitions are those of Moodle's quiz statistics: see
 * {@link QuestionStatistics}.
 */
public final class Tallies {

    /** A duration below an hour is binned to the second; above, to the hour. */
    static final long SECONDS_BINNED_ONE_BY_ONE = 3600;
    /** Scores are binned so that no quiz has more than about this many score bins a day. */
    static final int SCORE_BINS = 100;
    /** Wrong answers are kept to this many characters: enough to read, and a bounded key. */
    static final int KEPT_LENGTH = 200;

    private final ZoneId zone;

    public Tallies(ZoneId zone) {
        this.zone = zone;
    }

    public long dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate().toEpochDay();
    }

    /** What starting the attempt adds: one start, and a player if it is their first attempt at the quiz. */
    public Tally started(Attempt attempt) {
        return new Tally(attempt.quizId(), attempt.quizVersion(), dayOf(attempt.startedAt()),
                List.of(new Tally.Started()));
    }

    /** What finishing the attempt adds, on the day it finished: its score, its duration and each question's sums. */
    public Tally finished(Attempt attempt, Quiz quiz) {
        List<Count> counts = new ArrayList<>();
        long score = attempt.score();
        counts.add(new Tally.Finished(score));
        int width = scoreBinWidth(maxScore(attempt, quiz));
        counts.add(new Tally.Bin(Tally.BinKind.SCORE, Math.floorDiv(score, width) * (long) width, width));
        counts.add(durationBin(attempt.duration()));
        AnswerScoring scoring = new AnswerScoring(quiz.rules().scoring());
        for (String questionId : attempt.questionIds()) {
            Question question = quiz.question(questionId).orElseThrow();
            RecordedAnswer answer = attempt.answers().get(questionId);
            counts.add(questionSums(attempt, question, answer, scoring));
            if (answer != null && !answer.isLate()) {
                responses(question, answer, counts);
            }
        }
        return new Tally(attempt.quizId(), attempt.quizVersion(), dayOf(attempt.finishedAt()), counts);
    }

    static int scoreBinWidth(int maxScore) {
        return Math.max(1, (maxScore + SCORE_BINS - 1) / SCORE_BINS);
    }

    static Tally.Bin durationBin(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds < SECONDS_BINNED_ONE_BY_ONE ? new Tally.Bin(Tally.BinKind.DURATION, seconds, 1)
                : new Tally.Bin(Tally.BinKind.DURATION, seconds / 3600 * 3600, 3600);
    }

    private static int maxScore(Attempt attempt, Quiz quiz) {
        AnswerScoring scoring = new AnswerScoring(quiz.rules().scoring());
        return attempt.questionIds().stream()
                .mapToInt(id -> scoring.maxPoints(quiz.question(id).orElseThrow())).sum();
    }

    private static Tally.QuestionSums questionSums(Attempt attempt, Question question, RecordedAnswer answer,
                                                   AnswerScoring scoring) {
        boolean served = attempt.servedAt().containsKey(question.id());
        boolean answered = answer != null && !answer.isLate();
        boolean timedOut = answer != null && answer.isLate();
        Instant servedAt = attempt.servedAt().get(question.id());
        boolean timed = answered && servedAt != null;
        long timeMs = timed ? Math.max(0, Duration.between(servedAt, answer.at()).toMillis()) : 0;
        int points = answer == null ? 0 : answer.points();
        return new Tally.QuestionSums(question.id(), served, answered, served && answer == null, timedOut,
                answered && answer.correct(), timeMs, timed, question.scored(),
                fraction(question, answer, scoring), attempt.score() - points);
    }

    /**
     * The fraction of the question's points earned, as Moodle computes its facility: the mark less the lowest mark
     * possible, over the range of marks; a streak bonus is not the question's. An unanswered question earns its
     * lowest mark, 0.
     */
    static double fraction(Question question, RecordedAnswer answer, AnswerScoring scoring) {
        if (!question.scored()) {
            return 0;
        }
        int min = scoring.minPoints(question);
        int range = question.points() - min;
        int base = answer == null ? 0 : answer.points() - answer.streakBonus();
        return range <= 0 ? 0 : Math.max(0, Math.min(1, (double) (base - min) / range));
    }

    private static void responses(Question question, RecordedAnswer recorded, List<Count> counts) {
        String id = question.id();
        Answer answer = recorded.answer();
        if (answer instanceof Answer.Choice choice) {
            counts.add(option(id, choice.optionId()));
        } else if (answer instanceof Answer.Choices choices) {
            choices.optionIds().forEach(option -> counts.add(option(id, option)));
        } else if (answer instanceof Answer.Bool bool) {
            counts.add(option(id, Boolean.toString(bool.value())));
        } else if (answer instanceof Answer.Text text && !recorded.correct()) {
            counts.add(new Tally.Response(id, Tally.ResponseKind.WRONG, shortened(ShortText.normalise(text.text()))));
        } else if (answer instanceof Answer.Number number && !recorded.correct()) {
            counts.add(new Tally.Response(id, Tally.ResponseKind.WRONG, plain(number.value())));
        } else if (answer instanceof Answer.Order order) {
            itemsPlacedRight(question, order, counts);
        } else if (answer instanceof Answer.Pairs pairs) {
            itemsPairedRight(question, pairs, counts);
        }
    }

    /** A wrong answer as kept: its first {@link #KEPT_LENGTH} characters, never half a character. */
    static String shortened(String text) {
        if (text.length() <= KEPT_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(KEPT_LENGTH - 1)) ? KEPT_LENGTH - 1 : KEPT_LENGTH;
        return text.substring(0, end);
    }

    private static Tally.Response option(String questionId, String optionId) {
        return new Tally.Response(questionId, Tally.ResponseKind.OPTION, optionId);
    }

    /** A number as a person would write it: 1098, not 1098.0; 0.5, not 5.0E-1. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void itemsPlacedRight(Question question, Answer.Order order, List<Count> counts) {
        if (question.correctAnswer().orElse(null) instanceof Answer.Order right) {
            for (int i = 0; i < order.itemIds().size() && i < right.itemIds().size(); i++) {
                if (order.itemIds().get(i).equals(right.itemIds().get(i))) {
                    counts.add(new Tally.Response(question.id(), Tally.ResponseKind.ITEM, order.itemIds().get(i)));
                }
            }
        }
    }

    private static void itemsPairedRight(Question question, Answer.Pairs pairs, List<Count> counts) {
        if (question.correctAnswer().orElse(null) instanceof Answer.Pairs right) {
            for (Map.Entry<String, String> pair : pairs.pairs().entrySet()) {
                if (pair.getValue().equals(right.pairs().get(pair.getKey()))) {
                    counts.add(new Tally.Response(question.id(), Tally.ResponseKind.ITEM, pair.getKey()));
                }
            }
        }
    }
}
