package org.kydp.quiz.model;

import java.util.Objects;

/** Invariants every question type enforces on construction. */
final class QuestionChecks {

    private QuestionChecks() {
    }

    static void common(String id, LocalizedText text, int points) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (id.isBlank()) {
            throw new IllegalArgumentException("question id must not be blank");
        }
        if (points <= 0) {
            throw new IllegalArgumentException("question " + id + ": points must be positive, got " + points);
        }
    }

    static LocalizedText orEmpty(LocalizedText text) {
        return text == null ? LocalizedText.empty() : text;
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
