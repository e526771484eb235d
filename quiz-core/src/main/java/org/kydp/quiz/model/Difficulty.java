package org.kydp.quiz.model;

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
        throw new IllegalArgumentException("unknown difficulty: " + name);
    }
}
