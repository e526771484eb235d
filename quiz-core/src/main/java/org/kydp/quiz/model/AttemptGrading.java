package org.kydp.quiz.model;

import org.kydp.quiz.error.ValidationException;

/** Which of a player's finished attempts at a quiz the leaderboard counts. */
public enum AttemptGrading {
    /** The best attempt: highest score, then shortest duration, then earliest finish. */
    HIGHEST("highest"),
    /** The first finished attempt. */
    FIRST("first"),
    /** The latest finished attempt. */
    LAST("last"),
    /** The mean score and mean duration of all finished attempts (rounded to whole points and milliseconds). */
    AVERAGE("average");

    private final String wireName;

    AttemptGrading(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AttemptGrading fromWireName(String name) {
        for (AttemptGrading grading : values()) {
            if (grading.wireName.equals(name)) {
                return grading;
            }
        }
        throw ValidationException.of("grading", "unknown attempt grading: " + name);
    }
}
