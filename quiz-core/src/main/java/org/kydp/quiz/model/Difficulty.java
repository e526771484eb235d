package org.kydp.quiz.model;

import org.kydp.quiz.error.ValidationException;

/** How hard a question is, for drawing questions from a pool. */
public enum Difficulty {
    EASY("easy"),
    MEDIUM("medium"),
    HARD("hard");

    private final String wireName;

    Difficulty(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Difficulty fromWireName(String name) {
        for (Difficulty difficulty : values()) {
            if (difficulty.wireName.equals(name)) {
                return difficulty;
            }
        }
        throw ValidationException.of("difficulty", "unknown difficulty: " + name);
    }
}
