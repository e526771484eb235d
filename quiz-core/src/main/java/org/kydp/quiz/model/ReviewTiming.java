package org.kydp.quiz.model;

import org.kydp.quiz.error.ValidationException;

/** When one part of the review (correctness, points, feedback, explanation, right answer) is shown. */
public enum ReviewTiming {
    /** After each answer, and again in the review at the end. */
    AFTER_EACH_ANSWER("after_each_answer"),
    /** Only in the review when the attempt is finished. */
    AFTER_FINISH("after_finish"),
    /** Never: the player learns only the final score. */
    NEVER("never");

    private final String wireName;

    ReviewTiming(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ReviewTiming fromWireName(String name) {
        for (ReviewTiming policy : values()) {
            if (policy.wireName.equals(name)) {
                return policy;
            }
        }
        throw ValidationException.of("review", "unknown review timing: " + name);
    }
}
