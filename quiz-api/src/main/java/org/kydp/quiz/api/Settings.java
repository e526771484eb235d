package org.kydp.quiz.api;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads one setting by name: the system property {@code quiz.db.url} wins over the environment variable
 * {@code QUIZ_DB_URL}; blank counts as unset.
 */
final class Settings {

    private final Map<String, String> env;
    private final Properties properties;

    Settings(Map<String, String> env, Properties properties) {
        this.env = env;
        this.properties = properties;
    }

    /** The value of {@code QUIZ_<name>} / {@code quiz.<name in lower case, dots for underscores>}, or null. */
    String get(String name) {
        String property = properties.getProperty("quiz." + name.toLowerCase(Locale.ROOT).replace('_', '.'));
        String value = property != null ? property : env.get("QUIZ_" + name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The setting as a whole number, or {@code fallback} when it is not set. */
    int getInt(String name, int fallback) {
        String value = get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("QUIZ_" + name + " must be a whole number, got '" + value + "'", e);
        }
    }
}
