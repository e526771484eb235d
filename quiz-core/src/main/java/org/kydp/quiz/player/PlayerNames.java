package org.kydp.quiz.player;

import java.text.Normalizer;
import java.util.regex.Pattern;

import org.kydp.quiz.error.ValidationException;

/**
 * Display names: 1 to 32 characters after trimming; letters of any script (with their combining
 * marks, so Devanagari works), digits, spaces and {@code _-.}. Runs of spaces become one.
 */
public final class PlayerNames {

    public static final int MAX_LENGTH = 32;

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd} _.\\-]+");
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private PlayerNames() {
    }

    /** Returns the name as it will be stored, or throws a {@link ValidationException} on field {@code name}. */
    public static String normalise(String raw) {
        if (raw == null) {
            throw ValidationException.of("name", "is required");
        }
        String name = SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC).strip()).replaceAll(" ");
        if (name.isEmpty()) {
            throw ValidationException.of("name", "must not be blank");
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            throw ValidationException.of("name", "must be at most " + MAX_LENGTH + " characters, got " + length);
        }
        if (!ALLOWED.matcher(name).matches()) {
            throw ValidationException.of("name", "may contain only letters, digits, spaces and _ - .");
        }
        return name;
    }
}
