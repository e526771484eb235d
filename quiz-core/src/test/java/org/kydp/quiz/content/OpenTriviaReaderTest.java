package org.kydp.quiz.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Difficulty;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.TrueFalse;

class OpenTriviaReaderTest {

    private static final String RESPONSE = """
            {"response_code": 0, "results": [
              {"type": "multiple", "difficulty": "easy", "category": "Science &amp; Nature",
               "question": "Which of these is &quot;Na&quot; on the periodic table?",
               "correct_answer": "Sodium", "incorrect_answers": ["Nitrogen", "Neon", "Nickel"]},
              {"type": "boolean", "difficulty": "hard", "category": "History",
               "question": "The Caf&eacute; was in M&uuml;nchen &#8211; &#x2018;true&#x2019;?",
               "correct_answer": "False", "incorrect_answers": ["True"]},
              {"type": "multiple", "difficulty": "medium", "category": "X", "question": "",
               "correct_answer": "a", "incorrect_answers": ["b"]}
            ]}
            """;

    @Test
    void reads_multiple_choice_and_boolean_questions_with_entities_decoded() {
        ImportResult result = OpenTriviaReader.read(RESPONSE, "en");

        SingleChoice first = (SingleChoice) result.questions().get(0);
        assertThat(first.text().in("en", "en")).isEqualTo("Which of these is \"Na\" on the periodic table?");
        assertThat(first.options()).hasSize(4);
        String right = ((Answer.Choice) first.correctAnswer().orElseThrow()).optionId();
        assertThat(first.options()).filteredOn(o -> o.id().equals(right)).singleElement()
                .satisfies(o -> assertThat(o.text().in("en", "en")).isEqualTo("Sodium"));
        assertThat(first.info().tags()).containsExactly("Science & Nature");
        assertThat(first.info().difficulty()).contains(Difficulty.EASY);
        TrueFalse second = (TrueFalse) result.questions().get(1);
        assertThat(second.text().in("en", "en")).isEqualTo("The Café was in München – ‘true’?");
        assertThat(second.answer()).isFalse();
        assertThat(result.skipped()).singleElement().satisfies(issue -> {
            assertThat(issue.line()).isEqualTo(3);
            assertThat(issue.reason()).contains("text");
        });
    }

    @Test
    void a_failed_response_or_another_shape_is_refused() {
        assertThatThrownBy(() -> OpenTriviaReader.read("{\"response_code\": 1, \"results\": []}", "en"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("code 1");
        assertThatThrownBy(() -> OpenTriviaReader.read("[]", "en")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> OpenTriviaReader.read("{", "en")).isInstanceOf(ValidationException.class);
    }

    @Test
    void unknown_entities_are_left_as_they_are() {
        assertThat(HtmlEntities.decode("&notanentity; &amp;&#0; &#x1F600;")).isEqualTo("&notanentity; &&#0; 😀");
    }
}
