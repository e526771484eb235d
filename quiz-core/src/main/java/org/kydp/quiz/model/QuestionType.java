package org.kydp.quiz.model;

import org.kydp.quiz.error.ValidationException;

/** The kinds of question, named as they are on the wire. */
public enum QuestionType {
    SINGLE_CHOICE("single_choice"),
    MULTIPLE_RESPONSE("multiple_response"),
    TRUE_FALSE("true_false"),
    SHORT_TEXT("short_text"),
    NUMERIC("numeric"),
    ORDERING("ordering"),
    MATCHING("matching"),
    POLL("poll");

    private final String wireName;

    QuestionType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static QuestionType fromWireName(String name) {
        for (QuestionType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw ValidationException.of("type", "unknown question type: " + name);
    }
}
