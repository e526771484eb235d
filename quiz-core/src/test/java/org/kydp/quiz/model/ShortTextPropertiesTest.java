package org.kydp.quiz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kydp.quiz.SampleQuestions.info;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of short-answer matching over many seeded random inputs; a failure names its seed. */
class ShortTextPropertiesTest {

    /** Letters, marks, digits, spaces and invisibles from the scripts players use, and some troublemakers. */
    private static final List<String> PALETTE = List.of(
            "a", "B", "z", "Q", "0", "7", "-", ".", "'", "é", "É", "e\u0301", "ñ", "ß", "ẞ", "ﬁ", "ﬃ", "Å", "K",
            "क", "ख", "न", "ष", "र", "ा", "ि", "ु", "ौ", "्", "़", "ँ", "ं", "ऩ", "क़", "ज़", "य़", "ॐ", "०", "१", "२",
            "Σ", "σ", "ς", "Ά", "ᾳ", "\u0345", "İ", "ı", "I", "i", "Ａ", "ｚ", "０", "½", "²", "Ⅻ", "㎏",
            "\u1100", "\u1161", "가", "\uD83D\uDE93", "\u0301", "\u0308", "\u093C",
            " ", "  ", "\t", "\n", "\u00A0", "\u2003", "\u3000", "\u1680", "\u2028", "\u0085",
            "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD");

    private static final List<String> SPACES = List.of(" ", "  ", "\t", "\n", "\u00A0", "\u2003", "\u3000",
            "\u2028");

    private static final List<String> ZERO_WIDTH = List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF",
            "\u00AD");

    private static final List<String> ACCEPTED = List.of(
            "एक सौ बारह", "दिल्ली पुलिस", "\u0958\u093E\u0928\u0942\u0928", "क्षत्रिय", "साइबर अपराध", "112",
            "Delhi Police", "Straße", "cafe\u0301 au lait", "ΟΔΟΣ ΚΑΙ ΔΡΟΜΟΣ", "İstanbul", "ＡＢＣ 1930",
            "Ὀδυσσεύς", "न\u093C");

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(0, 25);
        for (int i = 0; i < length; i++) {
            text.append(PALETTE.get(random.nextInt(PALETTE.size())));
        }
        return text.toString();
    }

    private static String pick(SplittableRandom random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** The same words, typed carelessly: extra spaces, invisible characters anywhere, any case. */
    static String perturbed(String accepted, SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        if (random.nextBoolean()) {
            out.append(pick(random, SPACES));
        }
        int[] codePoints = accepted.codePoints().toArray();
        for (int codePoint : codePoints) {
            String character = Character.toString(codePoint);
            if (random.nextInt(4) == 0) {
                out.append(pick(random, ZERO_WIDTH));
            }
            if (character.equals(" ")) {
                out.append(pick(random, SPACES));
                continue;
            }
            out.append(switch (random.nextInt(3)) {
                case 0 -> character.toUpperCase(Locale.ROOT);
                case 1 -> character.toLowerCase(Locale.ROOT);
                default -> character;
            });
        }
        if (random.nextBoolean()) {
            out.append(pick(random, ZERO_WIDTH)).append(pick(random, SPACES));
        }
        return out.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void normalising_twice_changes_nothing_more(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 20; i++) {
            String text = randomText(random);
            String once = ShortText.normalise(text);

            assertThat(ShortText.normalise(once)).as(() -> "seed " + seed + ", text " + codePoints(text)).isEqualTo(once);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void a_normalised_text_is_nfkc_with_single_spaces_between_words_and_nothing_invisible(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 20; i++) {
            String text = randomText(random);
            String normal = ShortText.normalise(text);

            assertThat(normal).as(() -> "seed " + seed + ", text " + codePoints(text))
                    .isEqualTo(Normalizer.normalize(normal, Normalizer.Form.NFKC))
                    .doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ")
                    .doesNotContainPattern("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD\\t\\n]");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void grading_ignores_extra_spaces_invisible_characters_and_case(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String accepted = pick(random, ACCEPTED);
        ShortText question = new ShortText(info("q"), List.of(
                ShortText.Accepted.fully(accepted), new ShortText.Accepted("सौ", 0.5, null)));
        Grade expected = question.grade(new Answer.Text(accepted));

        for (int i = 0; i < 10; i++) {
            String typed = perturbed(accepted, random);

            assertThat(question.grade(new Answer.Text(typed)))
                    .as(() -> "seed " + seed + ": " + accepted + " typed as " + codePoints(typed))
                    .isEqualTo(expected);
        }
        assertThat(expected.correct()).isTrue();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void a_partly_right_answer_keeps_its_credit_however_it_is_typed(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ShortText question = new ShortText(info("q"), List.of(
                ShortText.Accepted.fully("एक सौ बारह"), new ShortText.Accepted("दिल्ली पुलिस", 0.25, null)));

        assertThat(question.grade(new Answer.Text(perturbed("दिल्ली पुलिस", random))).fraction())
                .as("seed %d", seed).isEqualTo(0.25);
    }

    private static String codePoints(String text) {
        StringBuilder out = new StringBuilder("\"" + text + "\" [");
        text.codePoints().forEach(cp -> out.append(String.format(" U+%04X", cp)));
        return out.append(" ]").toString();
    }
}
