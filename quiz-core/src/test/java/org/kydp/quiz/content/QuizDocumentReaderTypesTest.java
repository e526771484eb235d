package org.kydp.quiz.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Difficulty;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Matching;
import org.kydp.quiz.model.MultipleResponse;
import org.kydp.quiz.model.Numeric;
import org.kydp.quiz.model.Option;
import org.kydp.quiz.model.Ordering;
import org.kydp.quiz.model.Poll;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionType;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.ShortText;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.TrueFalse;
import org.kydp.quiz.model.WeightedOption;

/** The reader turns each question type of the native JSON format into its model. */
class QuizDocumentReaderTypesTest {

    private final Quiz quiz = QuizDocumentReader.read(QuizDocuments.text("every-type.json"));

    private <T extends Question> T question(String id, Class<T> type) {
        return type.cast(quiz.question(id).orElseThrow());
    }

    @Test
    void reads_the_quiz_itself() {
        assertThat(quiz.id()).isEqualTo("every-type");
        assertThat(quiz.version()).isEqualTo(2);
        assertThat(quiz.defaultLanguage()).isEqualTo("en");
        assertThat(quiz.languages()).containsExactly("en", "hi");
        assertThat(quiz.title()).isEqualTo(LocalizedText.bilingual("Know your Delhi Police", "अपनी दिल्ली पुलिस को जानो"));
        assertThat(quiz.description().in("hi", "en")).isEqualTo("हर प्रकार का एक प्रश्न।");
        assertThat(quiz.tags()).containsExactly("delhi-police", "sample");
        assertThat(quiz.questions()).extracting(Question::type).containsExactly(
                QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_RESPONSE, QuestionType.MULTIPLE_RESPONSE,
                QuestionType.TRUE_FALSE, QuestionType.SHORT_TEXT, QuestionType.NUMERIC, QuestionType.ORDERING,
                QuestionType.MATCHING, QuestionType.POLL);
    }

    @Test
    void reads_what_every_question_has() {
        SingleChoice emergency = question("emergency", SingleChoice.class);

        assertThat(emergency.points()).isEqualTo(5);
        assertThat(emergency.text().in("hi", "en")).isEqualTo("भारत का एकल आपातकालीन नंबर कौन सा है?");
        assertThat(emergency.explanation()).isEqualTo(
                LocalizedText.bilingual("112 is the single emergency number.", "112 एकल आपातकालीन नंबर है।"));
        assertThat(emergency.source()).isEqualTo("India Today (25 Sep 2019)");
        assertThat(emergency.info().tags()).containsExactly("helplines");
        assertThat(emergency.info().difficulty()).contains(Difficulty.EASY);
        assertThat(emergency.info().timeLimit()).contains(Duration.ofSeconds(20));
    }

    @Test
    void a_question_without_points_is_worth_ten_and_other_parts_are_optional() {
        TrueFalse mha = question("mha", TrueFalse.class);

        assertThat(mha.points()).isEqualTo(10);
        assertThat(mha.explanation()).isEqualTo(LocalizedText.empty());
        assertThat(mha.source()).isEmpty();
        assertThat(mha.info().tags()).isEmpty();
        assertThat(mha.info().difficulty()).isEmpty();
        assertThat(mha.info().timeLimit()).isEmpty();
    }

    @Test
    void reads_a_single_choice_question_with_option_feedback() {
        SingleChoice emergency = question("emergency", SingleChoice.class);

        assertThat(emergency.options()).extracting(Option::id, Option::correct)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", false),
                        org.assertj.core.groups.Tuple.tuple("b", true),
                        org.assertj.core.groups.Tuple.tuple("c", false));
        assertThat(emergency.options().get(0).feedback())
                .isEqualTo(LocalizedText.bilingual("That is Childline.", "यह चाइल्डलाइन है।"));
        assertThat(emergency.options().get(1).feedback()).isEqualTo(LocalizedText.empty());
        assertThat(emergency.correctAnswer()).contains(new Answer.Choice("b"));
    }

    @Test
    void reads_a_multiple_response_question_with_weights() {
        MultipleResponse weighted = question("helplines-weighted", MultipleResponse.class);

        assertThat(weighted.options()).extracting(WeightedOption::id, WeightedOption::weight).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", 0.5), org.assertj.core.groups.Tuple.tuple("b", 0.5),
                org.assertj.core.groups.Tuple.tuple("c", -1.0));
        assertThat(weighted.options().get(0).feedback().in("hi", "en")).isEqualTo("हाँ।");
        assertThat(weighted.correctAnswer()).contains(Answer.Choices.of("a", "b"));
    }

    @Test
    void a_multiple_response_question_marked_with_correct_only_shares_one_among_its_right_options() {
        MultipleResponse marked = question("helplines-marked", MultipleResponse.class);

        assertThat(marked.options()).extracting(WeightedOption::weight).satisfiesExactly(
                w -> assertThat(w).isCloseTo(1 / 3.0, within(1e-12)),
                w -> assertThat(w).isCloseTo(1 / 3.0, within(1e-12)),
                w -> assertThat(w).isCloseTo(1 / 3.0, within(1e-12)),
                w -> assertThat(w).isCloseTo(-1 / 3.0, within(1e-12)));
        assertThat(marked.correctAnswer()).contains(Answer.Choices.of("a", "b", "c"));
        assertThat(marked.grade(Answer.Choices.of("a", "b", "c")).correct()).isTrue();
        assertThat(marked.grade(Answer.Choices.of("a", "d")).fraction()).isCloseTo(0, within(1e-12));
    }

    @Test
    void reads_a_true_false_question_with_its_feedback() {
        TrueFalse mha = question("mha", TrueFalse.class);

        assertThat(mha.answer()).isTrue();
        assertThat(mha.feedbackWhenRight()).isEqualTo(LocalizedText.bilingual("Right.", "सही।"));
        assertThat(mha.feedbackWhenWrong()).isEqualTo(LocalizedText.bilingual("It does.", "है।"));
    }

    @Test
    void reads_a_short_text_question_whose_answers_earn_full_points_unless_told() {
        ShortText inWords = question("in-words", ShortText.class);

        assertThat(inWords.accepted()).extracting(ShortText.Accepted::text, ShortText.Accepted::fraction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("एक सौ बारह", 1.0),
                        org.assertj.core.groups.Tuple.tuple("112", 1.0),
                        org.assertj.core.groups.Tuple.tuple("सौ", 0.5));
        assertThat(inWords.accepted().get(2).feedback()).isEqualTo(LocalizedText.bilingual("Almost.", "लगभग।"));
        assertThat(inWords.grade(new Answer.Text("  एक   सौ बारह ")).correct()).isTrue();
    }

    @Test
    void reads_a_numeric_question_with_exact_values_tolerances_and_ranges() {
        Numeric founded = question("founded", Numeric.class);

        assertThat(founded.points()).isEqualTo(20);
        assertThat(founded.accepted()).containsExactly(
                new Numeric.Exact(1948, 0, 1.0, null),
                new Numeric.Exact(1948, 2, 0.5, LocalizedText.bilingual("Close.", "क़रीब।")),
                new Numeric.Range(1940, 1960, 0.25, null));
        assertThat(founded.grade(new Answer.Number(1950)).fraction()).isEqualTo(0.5);
        assertThat(founded.grade(new Answer.Number(1941)).fraction()).isEqualTo(0.25);
    }

    @Test
    void reads_an_ordering_question_whose_items_are_in_the_right_order() {
        Ordering sequence = question("sequence", Ordering.class);

        assertThat(sequence.items()).extracting(Question.Choice::id).containsExactly("dial", "say", "wait");
        assertThat(sequence.items().get(1).text().in("hi", "en")).isEqualTo("अपना स्थान बताएँ");
        assertThat(sequence.correctAnswer()).contains(new Answer.Order(List.of("dial", "say", "wait")));
    }

    @Test
    void reads_a_matching_question_with_an_extra_right_item() {
        Matching match = question("match", Matching.class);

        assertThat(match.left()).extracting(Question.Choice::id).containsExactly("l1", "l2");
        assertThat(match.right()).extracting(Question.Choice::id).containsExactly("r1", "r2", "r3");
        assertThat(match.pairs()).isEqualTo(Map.of("l1", "r1", "l2", "r2"));
        assertThat(match.right().get(0).text()).isEqualTo(LocalizedText.bilingual("Cyber fraud", "साइबर धोखाधड़ी"));
    }

    @Test
    void reads_a_poll() {
        Poll opinion = question("opinion", Poll.class);

        assertThat(opinion.options()).extracting(Question.Choice::id).containsExactly("yes", "no");
        assertThat(opinion.scored()).isFalse();
    }

    @Test
    void reads_the_same_document_from_a_stream() {
        Quiz fromStream = QuizDocumentReader.read(new java.io.ByteArrayInputStream(
                QuizDocuments.text("every-type.json").getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(fromStream).isEqualTo(quiz);
    }

    @Test
    void a_quiz_in_one_language_may_give_its_texts_as_plain_strings() {
        Quiz english = QuizDocumentReader.read("""
                {"id": "one-language", "title": "Helplines",
                 "questions": [{"id": "q", "type": "true_false", "text": "112 is free to call.", "answer": true}]}
                """);

        assertThat(english.languages()).containsExactly("en");
        assertThat(english.defaultLanguage()).isEqualTo("en");
        assertThat(english.title()).isEqualTo(LocalizedText.en("Helplines"));
        assertThat(english.questions().get(0).text()).isEqualTo(LocalizedText.en("112 is free to call."));
        assertThat(english.version()).isEqualTo(1);
    }
}
