package org.kydp.quiz.scoring;

/**
 * What one answer earned.
 *
 * @param base        the points for the answer itself (negative with negative marking, never below the floor)
 * @param streakBonus the bonus for a run of right answers
 * @param streak      the run of right answers this answer ends on (0 after a wrong one)
 */
public record Points(int base, int streakBonus, int streak) {

    public static final Points NONE = new Points(0, 0, 0);

    public int total() {
        return base + streakBonus;
    }
}
