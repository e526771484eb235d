package org.kydp.quiz.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kydp.quiz.error.ValidationException;

class PlayerNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Asha|Asha",
        "  Asha  |Asha",
        "Asha   Rani|Asha Rani",
        "आशा रानी|आशा रानी",
        "क्षितिज|क्षितिज",
        "player_1.x-y|player_1.x-y",
        "१२३ Ravi|१२३ Ravi",
        "abcdefghijklmnopqrstuvwxyzabcdef|abcdefghijklmnopqrstuvwxyzabcdef"
    })
    void accepts_letters_of_any_script_digits_spaces_and_a_few_marks(String raw, String stored) {
        assertThat(PlayerNames.normalise(raw)).isEqualTo(stored);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "<img src=x onerror=alert(1)>", "Asha!", "a\tb", "a\nb", "😀",
        "abcdefghijklmnopqrstuvwxyzabcdefg", "robert'); drop table players;--"})
    void rejects_anything_else_on_the_name_field(String raw) {
        assertThatThrownBy(() -> PlayerNames.normalise(raw))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .allSatisfy(error -> assertThat(error.field()).isEqualTo("name")));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 32})
    void counts_characters_not_bytes(int length) {
        String name = "अ".repeat(length);
        assertThat(PlayerNames.normalise(name)).hasSize(length);
    }
}
