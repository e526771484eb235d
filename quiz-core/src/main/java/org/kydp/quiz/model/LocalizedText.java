package org.kydp.quiz.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.kydp.quiz.internal.Arguments;

/**
 * A text in one or more languages, keyed by a lowercase language code ({@code en}, {@code hi}).
 *
 * <p>The languages keep the order they were given in, and the first one is the text's <em>default language</em>:
 * the one {@link #in(String)} falls back to. Texts the engine hands out (questions, choices, feedback,
 * explanations, quiz titles) have the quiz's default language first, so {@code in("fr")} on a quiz written in
 * English and Hindi whose default is English gives the English text. Two texts are equal when they have the same
 * text in each language, whatever their order.
 */
public record LocalizedText(Map<String, String> values) {

    /** Keeps the values in the order given; no language or text may be null. */
    public LocalizedText {
        Arguments.required("values", values);
        Map<String, String> ordered = new LinkedHashMap<>();
        values.forEach((language, text) -> ordered.put(Arguments.required("language", language),
                Objects.requireNonNull(text, () -> "text in " + language)));
        values = Collections.unmodifiableMap(ordered);
    }

    public static LocalizedText of(String language, String text) {
        return new LocalizedText(Map.of(language, text));
    }

    public static LocalizedText en(String english) {
        return of("en", english);
    }

    /** English and Hindi, English being the default language. */
    public static LocalizedText bilingual(String english, String hindi) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("en", english);
        values.put("hi", hindi);
        return new LocalizedText(values);
    }

    /** No text in any language: {@link #in(String)} gives "". */
    public static LocalizedText empty() {
        return new LocalizedText(Map.of());
    }

    /**
     * The same text with {@code language} as its default language, if it has that language; else unchanged.
     */
    public LocalizedText withDefaultLanguage(String language) {
        if (!values.containsKey(language) || defaultLanguage().equals(language)) {
            return this;
        }
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put(language, values.get(language));
        reordered.putAll(values);
        return new LocalizedText(reordered);
    }

    /** The language {@link #in(String)} falls back to: the first one given; "" for an empty text. */
    public String defaultLanguage() {
        return values.isEmpty() ? "" : values.keySet().iterator().next();
    }

    /** The text in {@code language}, else in the {@linkplain #defaultLanguage() default language}, else "". */
    public String in(String language) {
        String text = values.get(language);
        return text != null ? text : values.getOrDefault(defaultLanguage(), "");
    }

    /**
     * The text in {@code language}, else in {@code fallback}, else in the {@linkplain #defaultLanguage() default
     * language}, else "".
     */
    public String in(String language, String fallback) {
        String text = values.get(language);
        if (text != null) {
            return text;
        }
        text = values.get(fallback);
        return text != null ? text : in(language);
    }

    /** The texts joined per language with a space, skipping empty ones. */
    public static LocalizedText join(List<LocalizedText> texts) {
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

    /** The languages the text is in, the default language first. */
    public Set<String> languages() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
