package org.kydp.quiz.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.AttemptGrading;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.ReviewPolicy;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.TrueFalse;

class QuizDocumentReaderTest {

    private static final String VALID = """
            {
              "id": "helplines",
              "defaultLanguage": "en",
              "languages": ["en", "hi"],
              "title": {"en": "Helplines", "hi": "हेल्पलाइन"},
              "tags": ["delhi-police", "helplines"],
              "rules": {"timeLimitMs": 600000, "gracePeriodMs": 1500, "attemptsAllowed": 3, "review": "after_finish",
                        "grading": "average"},
              "questions": [
                {"id": "emergency", "type": "single_choice", "points": 5,
                 "text": {"en": "Emergency number?", "hi": "आपातकालीन नंबर?"},
                 "options": [
                   {"id": "a", "text": {"en": "1098", "hi": "1098"}},
                   {"id": "b", "text": {"en": "112", "hi": "112"}, "correct": true,
                    "feedback": {"en": "Yes.", "hi": "हाँ।"}}
                 ],
                 "explanation": {"en": "112 it is.", "hi": "112 ही है।"},
                 "source": "India Today (25 Sep 2019)"},
                {"id": "mha", "type": "true_false", "answer": true,
                 "text": {"en": "Reports to MHA.", "hi": "गृह मंत्रालय के अधीन।"}}
              ]
            }
            """;

    @Test
    void reads_a_bilingual_quiz_with_its_rules_and_questions() {
        Quiz quiz = QuizDocumentReader.read(VALID);

        assertThat(quiz.id()).isEqualTo("helplines");
        assertThat(quiz.version()).isEqualTo(1);
        assertThat(quiz.languages()).containsExactly("en", "hi");
        assertThat(quiz.title().in("hi", "en")).isEqualTo("हेल्पलाइन");
        assertThat(quiz.tags()).containsExactly("delhi-police", "helplines");
        assertThat(quiz.rules().timeLimit()).contains(Duration.ofMinutes(10));
        assertThat(quiz.rules().gracePeriod()).isEqualTo(Duration.ofMillis(1500));
        assertThat(quiz.rules().attemptsAllowed()).isEqualTo(3);
        assertThat(quiz.rules().review()).isEqualTo(ReviewPolicy.AFTER_FINISH);
        assertThat(quiz.rules().grading()).isEqualTo(AttemptGrading.AVERAGE);
        assertThat(quiz.questions()).hasSize(2);
        SingleChoice emergency = (SingleChoice) quiz.questions().get(0);
        assertThat(emergency.points()).isEqualTo(5);
        assertThat(emergency.correctAnswer()).contains(new Answer.Choice("b"));
        assertThat(emergency.options().get(1).feedback().in("hi", "en")).isEqualTo("हाँ।");
        assertThat(emergency.source()).isEqualTo("India Today (25 Sep 2019)");
        TrueFalse mha = (TrueFalse) quiz.questions().get(1);
        assertThat(mha.points()).isEqualTo(10);
        assertThat(mha.correctAnswer()).contains(new Answer.Bool(true));
    }

    @Test
    void reports_every_problem_at_once_each_with_its_path() {
        String broken = VALID
                .replace("\"hi\": \"हेल्पलाइन\"", "\"hi\": \"\"")
                .replace("\"points\": 5", "\"points\": -5")
                .replace("\"correct\": true,", "")
                .replace("\"id\": \"mha\"", "\"id\": \"emergency\"")
                .replace("\"answer\": true", "\"answer\": \"yes\"")
                .replace("\"review\": \"after_finish\"", "\"review\": \"sometimes\"");

        assertThatThrownBy(() -> QuizDocumentReader.read(broken))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder(
                                "title.hi",
                                "rules.review",
                                "questions[0].points",
                                "questions[0].options",
                                "questions[1].id",
                                "questions[1].answer"));
    }

    @Test
    void reports_malformed_json_with_its_location() {
        assertThatThrownBy(() -> QuizDocumentReader.read("{\"id\": \"x\",\n  \"title\": }"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 2");
    }

    @Test
    void a_translation_in_an_undeclared_language_is_an_error() {
        String extra = VALID.replace("\"title\": {\"en\": \"Helplines\",", "\"title\": {\"fr\": \"x\", \"en\": \"Helplines\",");
        assertThatThrownBy(() -> QuizDocumentReader.read(extra))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("title.fr");
    }
}
