package org.kydp.quiz.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A text in one or more languages, keyed by a lowercase language code ({@code en}, {@code hi}).
 */
public record LocalizedText(Map<String, String> values) {

    public LocalizedText {
        Objects.requireNonNull(values, "values");
        values = Map.copyOf(new LinkedHashMap<>(values));
    }

    public static LocalizedText of(String language, String text) {
        return new LocalizedText(Map.of(language, text));
    }

    public static LocalizedText en(String english) {
        return of("en", english);
    }

    public static LocalizedText bilingual(String english, String hindi) {
        return new LocalizedText(Map.of("en", english, "hi", hindi));
    }

    public static LocalizedText empty() {
        return new LocalizedText(Map.of());
    }

    /** The text in {@code language}, else in {@code fallback}, else in any language, else "". */
    public String in(String language, String fallback) {
        String text = values.get(language);
        if (text != null) {
            return text;
        }
        text = values.get(fallback);
        if (text != null) {
            return text;
        }
        return values.values().stream().findFirst().orElse("");
    }

    /** The texts joined per language with a space, skipping empty ones. */
    public static LocalizedText join(java.util.List<LocalizedText> texts) {
        Map<String, String> joined = new LinkedHashMap<>();
        for (LocalizedText text : texts) {
            text.values.forEach((language, value) -> {
                if (!value.isBlank()) {
                    joined.merge(language, value, (a, b) -> a + " " + b);
                }
            });
        }
        return new LocalizedText(joined);
    }

    public boolean has(String language) {
        String text = values.get(language);
        return text != null && !text.isBlank();
    }

    public Set<String> languages() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
