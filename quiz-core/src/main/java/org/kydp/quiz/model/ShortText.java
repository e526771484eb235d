package org.kydp.quiz.model;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.internal.Arguments;

/**
 * Type a short answer. It matches an accepted answer after Unicode NFKC normalisation, case folding,
 * trimming, collapsing white space and dropping zero-width characters, so it works for Devanagari as for
 * Latin script. Each accepted answer may earn partial credit; the best match counts.
 */
public record ShortText(QuestionInfo info, List<Accepted> accepted) implements Question {

    /** The longest answer a player may submit, in characters. */
    public static final int MAX_LENGTH = 500;

    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
    /** Any Unicode white space, not only ASCII: {@code \s} alone misses U+1680, U+2028, U+2029 and U+0085. */
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    /** An accepted answer and the fraction of the points it earns. */
    public record Accepted(String text, double fraction, LocalizedText feedback) {
        public Accepted {
            Arguments.required("text", text);
            if (normalise(text).isEmpty()) {
                throw ValidationException.of("answers", "an accepted answer must not be blank");
            }
            if (!(fraction > 0 && fraction <= 1)) {
                throw ValidationException.of("answers", "accepted answer '" + text + "': fraction must be in (0, 1]");
            }
            feedback = feedback == null ? LocalizedText.empty() : feedback;
        }

        public static Accepted fully(String text) {
            return new Accepted(text, 1.0, null);
        }
    }

    public ShortText {
        accepted = List.copyOf(accepted);
        Choices.requireAtLeast(info.id(), "accepted answers", accepted, 1);
        if (accepted.stream().noneMatch(a -> a.fraction() == 1.0)) {
            throw ValidationException.of("answers",
                    "question " + info.id() + ": needs an accepted answer worth full points");
        }
    }

    /**
     * The form answers are compared in. Zero-width characters go first: left in place, one between a letter and
     * its combining mark (न + ZWJ + ़) keeps NFKC from composing them, and dropping it afterwards would leave the
     * pair uncomposed, unequal to the precomposed letter (ऩ) and to the result of normalising again.
     */
    public static String normalise(String text) {
        String visible = ZERO_WIDTH.matcher(text).replaceAll("");
        String nfkc = Normalizer.normalize(visible, Normalizer.Form.NFKC);
        String folded = Normalizer.normalize(foldCase(nfkc), Normalizer.Form.NFKC);
        return SPACES.matcher(folded).replaceAll(" ").strip();
    }

    /**
     * Full case folding, as near as the JDK comes: lower-casing alone leaves ß unequal to SS and a final ς unequal
     * to σ. Lower, upper, then lower case again puts every character Unicode's full case folding equates into one
     * form (ẞ → ß → SS → ss); upper then lower alone would stop at ß for ẞ. The one difference from Unicode: the
     * Turkish dotless ı also matches i.
     */
    private static String foldCase(String text) {
        return text.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    @Override
    public QuestionType type() {
        return QuestionType.SHORT_TEXT;
    }

    @Override
    public Grade grade(Answer answer) {
        if (!(answer instanceof Answer.Text text)) {
            throw Choices.wrongShape(type(), Answer.Text.class, "text", "{\"text\": \"…\"}");
        }
        if (text.text().codePointCount(0, text.text().length()) > MAX_LENGTH) {
            throw org.kydp.quiz.error.ValidationException.of("answer.text",
                    "must be at most " + MAX_LENGTH + " characters");
        }
        String given = normalise(text.text());
        return accepted.stream()
                .filter(a -> normalise(a.text()).equals(given))
                .max(Comparator.comparingDouble(Accepted::fraction))
                .map(a -> Grade.of(a.fraction(), a.feedback()))
                .orElse(Grade.wrong(null));
    }

    @Override
    public Optional<Answer> correctAnswer() {
        return accepted.stream().filter(a -> a.fraction() == 1.0).findFirst().map(a -> new Answer.Text(a.text()));
    }
}
