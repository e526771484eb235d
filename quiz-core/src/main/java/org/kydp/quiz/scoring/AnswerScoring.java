package org.kydp.quiz.scoring;

import java.time.Duration;

import org.kydp.quiz.model.Grade;
import org.kydp.quiz.model.MultipleResponse;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.ScoringRules;

/**
 * Turns a graded answer into points under a quiz's {@link ScoringRules}: multiple-response grading,
 * fixed or speed points, negative marking with a floor, and streak bonuses. Grading says how right an
 * answer is; this says what that is worth.
 */
public final class AnswerScoring {

    /** Answers within this time earn full speed points. */
    public static final Duration FULL_SPEED_WINDOW = Duration.ofMillis(500);

    private final ScoringRules rules;

    public AnswerScoring(ScoringRules rules) {
        this.rules = rules;
    }

    /**
     * @param elapsed      time from the question's first serving to the answer
     * @param limit        the question's time limit; needed for speed points, else may be {@code null}
     * @param streakBefore right answers in a row just before this one
     */
    public Points score(Question question, Grade grade, Duration elapsed, Duration limit, int streakBefore) {
        if (!question.scored()) {
            return new Points(0, 0, streakBefore);
        }
        int base = Math.max(rules.floor(), basePoints(question, grade, elapsed, limit));
        if (!rules.streakBonus()) {
            return new Points(base, 0, grade.correct() ? streakBefore + 1 : 0);
        }
        if (!grade.correct()) {
            return new Points(base, 0, 0);
        }
        int streak = streakBefore + 1;
        int bonus = Math.min(ScoringRules.STREAK_CAP, ScoringRules.STREAK_STEP * (streak - 1));
        return new Points(base, bonus, streak);
    }

    /** The most one answer to this question can earn. */
    public int maxPoints(Question question) {
        if (!question.scored()) {
            return 0;
        }
        return question.points() + (rules.streakBonus() ? ScoringRules.STREAK_CAP : 0);
    }

    /** The fewest points one answer to this question can earn. */
    public int minPoints(Question question) {
        return question.scored() ? Math.min(0, rules.floor()) : 0;
    }

    private int basePoints(Question question, Grade grade, Duration elapsed, Duration limit) {
        double fraction = fraction(question, grade);
        if (fraction > 0) {
            return (int) Math.round(question.points() * fraction * speedFactor(elapsed, limit));
        }
        if (fraction < 0) {
            return -(int) Math.round(-question.points() * fraction);
        }
        if (grade.fractionNoPenalty() > 0) {
            return 0; // some of it was right, and the wrong parts cancelled it: no further penalty
        }
        return -(int) Math.round(question.points() * rules.negativeMarking());
    }

    private double fraction(Question question, Grade grade) {
        if (!(question instanceof MultipleResponse)) {
            return grade.fraction();
        }
        return switch (rules.multipleResponse()) {
            case ALL_OR_NOTHING -> grade.correct() ? 1.0 : 0.0;
            case PROPORTIONAL_WITH_PENALTY -> grade.fraction();
            case PROPORTIONAL_WITHOUT_PENALTY -> grade.fractionNoPenalty();
        };
    }

    /** 1 − (t / T) / 2, with t clamped to [0, T]; 1 within the first half second or for fixed points. */
    double speedFactor(Duration elapsed, Duration limit) {
        if (rules.mode() != ScoringRules.Mode.SPEED || elapsed.compareTo(FULL_SPEED_WINDOW) <= 0) {
            return 1.0;
        }
        double t = Math.min(elapsed.toNanos(), limit.toNanos());
        return 1.0 - (t / limit.toNanos()) / 2.0;
    }
}
