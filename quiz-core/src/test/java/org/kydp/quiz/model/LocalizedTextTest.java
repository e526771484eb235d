package org.kydp.quiz.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocalizedTextTest {

    private final LocalizedText text = LocalizedText.bilingual("Police", "पुलिस");

    @Test
    void a_missing_language_falls_back_to_the_first_language_given() {
        assertThat(text.in("fr")).isEqualTo("Police");
        assertThat(text.withDefaultLanguage("hi").in("fr")).isEqualTo("पुलिस");
        assertThat(text.withDefaultLanguage("hi").defaultLanguage()).isEqualTo("hi");
    }

    @Test
    void the_fallback_asked_for_comes_before_the_default_language() {
        assertThat(text.in("hi", "en")).isEqualTo("पुलिस");
        assertThat(text.in("fr", "hi")).isEqualTo("पुलिस");
        assertThat(text.in("fr", "de")).isEqualTo("Police");
        assertThat(LocalizedText.empty().in("fr", "en")).isEmpty();
        assertThat(LocalizedText.empty().in("fr")).isEmpty();
    }

    @Test
    void a_default_language_the_text_lacks_changes_nothing() {
        assertThat(text.withDefaultLanguage("fr")).isSameAs(text);
    }

    @Test
    void order_does_not_count_in_equality() {
        Map<String, String> hindiFirst = new LinkedHashMap<>();
        hindiFirst.put("hi", "पुलिस");
        hindiFirst.put("en", "Police");

        assertThat(new LocalizedText(hindiFirst)).isEqualTo(text).hasSameHashCodeAs(text);
        assertThat(text.withDefaultLanguage("hi").languages()).containsExactly("hi", "en");
    }
}
