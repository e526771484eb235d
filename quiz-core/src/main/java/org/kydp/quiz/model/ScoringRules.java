package org.kydp.quiz.model;


import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.internal.Arguments;

/**
 * How answers turn into points, chosen per quiz.
 *
 * @param mode              fixed points, or Kahoot-style speed points
 * @param negativeMarking   the fraction of a question's points a wrong answer costs, 0 for none
 * @param floor             the fewest points one question can give (0 or less)
 * @param multipleResponse  how partly right multiple-response answers score
 * @param streakBonus       +100 for each consecutive right answer after the first, up to +500
 */
public record ScoringRules(Mode mode, double negativeMarking, int floor, MultipleResponseGrading multipleResponse,
                           boolean streakBonus) {

    public static final int STREAK_STEP = 100;
    public static final int STREAK_CAP = 500;

    /** Fixed points, no negative marking, floor 0, proportional multiple response with penalty, no streaks. */
    public static final ScoringRules DEFAULT = new ScoringRules(Mode.FIXED, 0, 0,
            MultipleResponseGrading.PROPORTIONAL_WITH_PENALTY, false);

    public ScoringRules {
        Arguments.required("mode", mode);
        Arguments.required("multipleResponse", multipleResponse);
        if (!(negativeMarking >= 0 && negativeMarking <= 1)) {
            throw ValidationException.of("negativeMarking",
                    "negative marking must be a fraction within [0, 1]: " + negativeMarking);
        }
        if (floor > 0) {
            throw ValidationException.of("floor", "the floor must be 0 or negative: " + floor);
        }
    }

    public ScoringRules withMode(Mode newMode) {
        return new ScoringRules(newMode, negativeMarking, floor, multipleResponse, streakBonus);
    }

    public ScoringRules withNegativeMarking(double fraction, int newFloor) {
        return new ScoringRules(mode, fraction, newFloor, multipleResponse, streakBonus);
    }

    public ScoringRules withMultipleResponse(MultipleResponseGrading grading) {
        return new ScoringRules(mode, negativeMarking, floor, grading, streakBonus);
    }

    public ScoringRules withStreakBonus(boolean on) {
        return new ScoringRules(mode, negativeMarking, floor, multipleResponse, on);
    }

    /** Fixed points, or points that shrink with the time taken. */
    public enum Mode {
        FIXED("fixed"),
        /** points × (1 − (t / T) / 2), full points within half a second; needs a per-question time limit. */
        SPEED("speed");

        private final String wireName;

        Mode(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Mode fromWireName(String name) {
            for (Mode mode : values()) {
                if (mode.wireName.equals(name)) {
                    return mode;
                }
            }
            throw ValidationException.of("mode", "unknown scoring mode: " + name);
        }
    }

    /** How a partly right multiple-response answer scores. */
    public enum MultipleResponseGrading {
        /** Full points only for exactly the right options. */
        ALL_OR_NOTHING("all_or_nothing"),
        /** The weights of the chosen options, wrong ones subtracting. */
        PROPORTIONAL_WITH_PENALTY("proportional_with_penalty"),
        /** The weights of the chosen right options; wrong choices cost nothing. */
        PROPORTIONAL_WITHOUT_PENALTY("proportional_without_penalty");

        private final String wireName;

        MultipleResponseGrading(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static MultipleResponseGrading fromWireName(String name) {
            for (MultipleResponseGrading grading : values()) {
                if (grading.wireName.equals(name)) {
                    return grading;
                }
            }
            throw ValidationException.of("multipleResponse", "unknown multiple-response grading: " + name);
        }
    }
}
