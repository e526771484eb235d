package org.kydp.quiz.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.kydp.quiz.error.FieldError;

/** An RFC 9457 problem document. {@code type} ends in a stable slug. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String TYPE_BASE = "https://kydp-quiz.org/problems/";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of());
    }

    public static Problem of(int status, String slug, String title, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + slug, title, status, detail, errors);
    }

    public String slug() {
        return type.substring(TYPE_BASE.length());
    }
}
