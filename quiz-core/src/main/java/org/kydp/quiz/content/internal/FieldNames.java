package org.kydp.quiz.content.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The field names one kind of object of a document accepts, and the one an unknown name was probably meant as. */
public record FieldNames(List<String> names) {

    /** How far (in edits, ignoring case) a misspelt name may be from the one it is taken for. */
    static final int MAX_DISTANCE = 2;

    public FieldNames {
        names = List.copyOf(names);
    }

    public static FieldNames of(String... names) {
        return new FieldNames(List.of(names));
    }

    /** These names and more. */
    public FieldNames and(String... more) {
        List<String> all = new java.util.ArrayList<>(names);
        all.addAll(List.of(more));
        return new FieldNames(all);
    }

    public boolean contains(String name) {
        return names.contains(name);
    }

    /** The closest accepted name, if one is within two edits (case aside); the first of equals. */
    public Optional<String> closestTo(String unknown) {
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String name : names) {
            int distance = distance(unknown.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The message for a field not among these names. */
    public String unknown(String name) {
        return closestTo(name).map(guess -> "unknown field; did you mean " + guess + "?")
                .orElseGet(() -> "unknown field; known here: " + String.join(", ", names));
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions that turn one into the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
