package org.kydp.quiz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kydp.quiz.SampleQuestions.info;
import static org.kydp.quiz.ValidationErrors.fieldsOf;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.error.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kydp.quiz.SampleQuestions;

class ShortTextTest {

    /** "एक सौ बारह" and "112" earn all the points, "सौ" half. */
    private final ShortText question = SampleQuestions.shortText(10);

    private static ShortText accepting(String... texts) {
        return new ShortText(info("q"), java.util.Arrays.stream(texts).map(ShortText.Accepted::fully).toList());
    }

    private static boolean matches(ShortText question, String given) {
        return question.grade(new Answer.Text(given)).correct();
    }

    @Test
    void an_accepted_answer_in_devanagari_is_correct() {
        assertThat(question.grade(new Answer.Text("एक सौ बारह"))).isEqualTo(Grade.right(null));
        assertThat(matches(question, "112")).isTrue();
    }

    @Test
    void extra_white_space_around_and_between_words_does_not_matter() {
        assertThat(matches(question, "  एक   सौ बारह ")).isTrue();
        assertThat(matches(question, "\tएक\nसौ\r\nबारह\t")).isTrue();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"00A0", "2003", "202F", "3000", "1680", "2028", "2029", "0085", "205F"})
    void any_unicode_white_space_separates_words_like_a_space(String codePoint) {
        String space = Character.toString(Integer.parseInt(codePoint, 16));

        assertThat(matches(question, "एक" + space + "सौ" + space + space + "बारह" + space)).isTrue();
        assertThat(ShortText.normalise("Delhi" + space + "Police")).isEqualTo("delhi police");
    }

    @Test
    void white_space_inside_a_word_still_counts() {
        assertThat(matches(question, "एकसौ बारह")).isFalse();
        assertThat(matches(question, "1 12")).isFalse();
    }

    @Test
    void a_precomposed_nukta_letter_matches_the_letter_followed_by_a_nukta() {
        ShortText law = accepting("\u0958\u093E\u0928\u0942\u0928");            // क़ानून with precomposed क़ (U+0958)
        ShortText lawDecomposed = accepting("\u0915\u093C\u093E\u0928\u0942\u0928"); // क + nukta + ानून

        assertThat(matches(law, "\u0915\u093C\u093E\u0928\u0942\u0928")).isTrue();
        assertThat(matches(lawDecomposed, "\u0958\u093E\u0928\u0942\u0928")).isTrue();
        assertThat(matches(law, "\u0915\u093E\u0928\u0942\u0928")).as("without the nukta it is another letter")
                .isFalse();
    }

    @Test
    void a_zero_width_joiner_or_non_joiner_makes_no_difference() {
        ShortText kshatriya = accepting("क्षत्रिय");

        assertThat(matches(kshatriya, "क्\u200Dषत्रिय")).isTrue();
        assertThat(matches(kshatriya, "क्\u200Cषत्रिय")).isTrue();
        assertThat(matches(question, "एक\u200C सौ\u200D बारह")).isTrue();
        assertThat(matches(question, "\u200B\uFEFF1\u20601\u00AD2")).isTrue();
    }

    @Test
    void a_zero_width_character_between_a_letter_and_its_combining_mark_makes_no_difference() {
        // NFKC composes न + nukta into ऩ (U+0929) and e + acute into é, but only when nothing stands between them
        assertThat(matches(accepting("\u0929"), "\u0928\u200D\u093C")).isTrue();
        assertThat(matches(accepting("\u0928\u093C"), "\u0928\u200C\u093C")).isTrue();
        assertThat(matches(accepting("café"), "cafe\u200B\u0301")).isTrue();
        assertThat(matches(accepting("cafe\u0301"), "CAF\u200DÉ")).isTrue();
    }

    @Test
    void full_width_latin_letters_and_digits_match_their_ordinary_forms() {
        assertThat(matches(accepting("abc"), "ＡＢＣ")).isTrue();
        assertThat(matches(accepting("ＡＢＣ"), "abc")).isTrue();
        assertThat(matches(question, "１１２")).isTrue();
    }

    @Test
    void case_does_not_matter() {
        ShortText police = accepting("Delhi Police");

        assertThat(matches(police, "delhi police")).isTrue();
        assertThat(matches(police, "DELHI POLICE")).isTrue();
        assertThat(matches(police, "dElHi PoLiCe")).isTrue();
    }

    @Test
    void case_folding_goes_beyond_lower_casing() {
        assertThat(matches(accepting("Straße"), "STRASSE")).isTrue();
        assertThat(matches(accepting("STRASSE"), "straße")).isTrue();
        assertThat(matches(accepting("straße"), "STRAẞE")).as("capital sharp s").isTrue();
        assertThat(matches(accepting("STRAẞE"), "strasse")).as("capital sharp s").isTrue();
        assertThat(ShortText.normalise("ẞ")).isEqualTo(ShortText.normalise(ShortText.normalise("ẞ")));
        assertThat(matches(accepting("ΟΔΟΣ"), "οδοσ")).as("final sigma").isTrue();
        assertThat(matches(accepting("ﬁre"), "FIRE")).as("a ligature").isTrue();
    }

    @Test
    void the_turkish_dotted_and_dotless_i_never_crash_and_plain_i_matches_either_case() {
        ShortText istanbul = accepting("İstanbul");

        assertThatCode(() -> matches(istanbul, "istanbul")).doesNotThrowAnyException();
        assertThatCode(() -> matches(istanbul, "ıstanbul")).doesNotThrowAnyException();
        assertThatCode(() -> matches(istanbul, "İSTANBUL")).doesNotThrowAnyException();
        assertThat(matches(istanbul, "İSTANBUL")).isTrue();
        assertThat(matches(accepting("Istanbul"), "istanbul")).isTrue();
        assertThat(ShortText.normalise("İ")).isEqualTo(ShortText.normalise(ShortText.normalise("İ")));
    }

    @Test
    void a_partly_right_answer_earns_its_fraction_and_feedback() {
        assertThat(question.grade(new Answer.Text(" सौ ")))
                .isEqualTo(new Grade(false, 0.5, 0.5, LocalizedText.en("Close.")));
    }

    @Test
    void when_several_accepted_answers_match_the_best_credit_wins() {
        ShortText city = new ShortText(info("q"), List.of(
                new ShortText.Accepted("delhi", 0.5, LocalizedText.en("Half.")),
                new ShortText.Accepted("DELHI", 1.0, LocalizedText.en("Full.")),
                new ShortText.Accepted("Delhi", 0.75, null)));

        assertThat(city.grade(new Answer.Text("Delhi")))
                .isEqualTo(new Grade(true, 1.0, 1.0, LocalizedText.en("Full.")));
    }

    @Test
    void an_answer_matching_nothing_is_wrong() {
        assertThat(question.grade(new Answer.Text("एक सौ"))).isEqualTo(Grade.wrong(null));
        assertThat(question.grade(new Answer.Text(""))).isEqualTo(Grade.wrong(null));
        assertThat(question.grade(new Answer.Text(" \u200B "))).isEqualTo(Grade.wrong(null));
    }

    @Test
    void an_answer_longer_than_the_limit_is_rejected_on_answer_text() {
        String atLimit = "क".repeat(ShortText.MAX_LENGTH);

        assertThat(question.grade(new Answer.Text(atLimit)).correct()).isFalse();
        assertThat(fieldsOf(() -> question.grade(new Answer.Text(atLimit + "क")))).containsExactly("answer.text");
        assertThat(fieldsOf(() -> question.grade(new Answer.Text("1".repeat(10_000)))))
                .containsExactly("answer.text");
    }

    @Test
    void the_limit_counts_characters_not_utf16_units() {
        String emoji = "\uD83D\uDE93".repeat(ShortText.MAX_LENGTH); // 🚓, two UTF-16 units each

        assertThatCode(() -> question.grade(new Answer.Text(emoji))).doesNotThrowAnyException();
    }

    @Test
    void any_other_shape_is_rejected_on_answer_text() {
        assertThat(fieldsOf(() -> question.grade(new Answer.Number(112)))).containsExactly("answer.text");
        assertThat(fieldsOf(() -> question.grade(new Answer.Choice("112")))).containsExactly("answer.text");
    }

    @Test
    void the_correct_answer_is_the_first_accepted_answer_worth_full_points() {
        ShortText partFirst = new ShortText(info("q"), List.of(
                new ShortText.Accepted("सौ", 0.5, null), ShortText.Accepted.fully("एक सौ बारह")));

        assertThat(question.correctAnswer()).contains(new Answer.Text("एक सौ बारह"));
        assertThat(partFirst.correctAnswer()).contains(new Answer.Text("एक सौ बारह"));
        assertThat(question.choices()).isEmpty();
    }

    @Test
    void an_accepted_answer_is_not_blank_and_earns_a_fraction_in_zero_to_one() {
        assertThatThrownBy(() -> ShortText.Accepted.fully("  ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> ShortText.Accepted.fully("\u200B\u200D")).hasMessageContaining("blank");
        assertThatThrownBy(() -> new ShortText.Accepted("x", 0, null)).hasMessageContaining("fraction");
        assertThatThrownBy(() -> new ShortText.Accepted("x", -0.5, null)).hasMessageContaining("fraction");
        assertThatThrownBy(() -> new ShortText.Accepted("x", 1.01, null)).hasMessageContaining("fraction");
        assertThatThrownBy(() -> new ShortText.Accepted("x", Double.NaN, null)).hasMessageContaining("fraction");
    }

    @Test
    void needs_an_accepted_answer_worth_full_points() {
        assertThatThrownBy(() -> new ShortText(info("q"), List.of(new ShortText.Accepted("x", 0.9, null))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("full points");
        assertThatThrownBy(() -> new ShortText(info("q"), List.of()))
                .hasMessageContaining("at least 1 accepted answers");
    }
}
