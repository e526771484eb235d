package org.kydp.quiz.model;

/** When a player is shown correctness, points, feedback, explanation and the right answer. */
public enum ReviewPolicy {
    /** After each answer, and again in the review at the end. */
    AFTER_EACH_ANSWER("after_each_answer"),
    /** Only in the review when the attempt is finished. */
    AFTER_FINISH("after_finish"),
    /** Never: the player learns only the final score. */
    NEVER("never");

    private final String wireName;

    ReviewPolicy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ReviewPolicy fromWireName(String name) {
        for (ReviewPolicy policy : values()) {
            if (policy.wireName.equals(name)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown review policy: " + name);
    }
}
