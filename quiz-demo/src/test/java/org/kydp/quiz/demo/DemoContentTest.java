package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.content.QuizDocumentReader;
import org.kydp.quiz.content.QuizDocumentWriter;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.MultipleResponse;
import org.kydp.quiz.model.Option;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionType;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.ShortText;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.WeightedOption;

class DemoContentTest {

    private final List<Quiz> quizzes = DemoContent.load();

    @Test
    void seeds_four_bilingual_delhi_police_quizzes() {
        assertThat(quizzes).extracting(Quiz::id).containsExactly(
                "know-your-delhi-police", "emergency-helplines", "cyber-safety", "road-safety");
        assertThat(quizzes).allSatisfy(quiz -> {
            assertThat(quiz.languages()).containsExactly("en", "hi");
            assertThat(quiz.tags()).contains("delhi-police");
            assertBilingual(quiz.title());
            assertBilingual(quiz.description());
        });
    }

    @Test
    void every_demo_quiz_reads_back_exactly_as_the_document_writer_writes_it() {
        assertThat(quizzes).allSatisfy(quiz ->
                assertThat(QuizDocumentReader.read(QuizDocumentWriter.write(quiz))).isEqualTo(quiz));
    }

    @Test
    void every_question_teaches_with_an_explanation_and_a_source_in_both_languages() {
        assertThat(quizzes).allSatisfy(quiz -> {
            assertThat(quiz.questions()).hasSizeGreaterThanOrEqualTo(12);
            assertThat(quiz.questions()).allSatisfy(question -> {
                assertBilingual(question.text());
                assertBilingual(question.explanation());
                assertThat(question.source()).isNotBlank();
            });
        });
    }

    @Test
    void choice_questions_have_bilingual_options_and_feedback() {
        List<SingleChoice> choices = quizzes.stream().flatMap(q -> q.questions().stream())
                .filter(SingleChoice.class::isInstance).map(SingleChoice.class::cast).toList();

        assertThat(choices).isNotEmpty();
        for (SingleChoice question : choices) {
            for (Option option : question.options()) {
                assertBilingual(option.text());
                assertBilingual(option.feedback());
            }
        }
    }

    @Test
    void every_quiz_mixes_at_least_four_question_types() {
        assertThat(quizzes).allSatisfy(quiz -> assertThat(typesOf(quiz)).as(quiz.id()).hasSizeGreaterThanOrEqualTo(4));
    }

    @Test
    void every_question_type_appears_in_the_demo() {
        Set<QuestionType> used = quizzes.stream().flatMap(quiz -> typesOf(quiz).stream()).collect(Collectors.toSet());
        assertThat(used).containsExactlyInAnyOrder(QuestionType.values());
    }

    @Test
    void the_quizzes_played_whole_in_the_browser_each_hold_every_question_type() {
        for (String id : List.of("emergency-helplines", "know-your-delhi-police")) {
            Quiz quiz = quizzes.stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
            assertThat(typesOf(quiz)).as(id).containsExactlyInAnyOrder(QuestionType.values());
        }
    }

    @Test
    void the_readme_walkthrough_still_finds_112_as_option_b_of_the_first_helplines_question() {
        Question first = quizzes.get(1).questions().get(0);
        assertThat(first).isInstanceOf(SingleChoice.class);
        assertThat(first.correctAnswer()).contains(new Answer.Choice("b"));
        assertThat(first.choices()).filteredOn(choice -> choice.id().equals("b")).singleElement()
                .satisfies(choice -> assertThat(choice.text().in("en", "en")).isEqualTo("112"));
    }

    @Test
    void everything_a_player_chooses_from_is_bilingual() {
        List<Question> questions = quizzes.stream().flatMap(q -> q.questions().stream()).toList();
        assertThat(questions).allSatisfy(question -> {
            question.choices().forEach(choice -> assertBilingual(choice.text()));
            question.left().forEach(choice -> assertBilingual(choice.text()));
            question.right().forEach(choice -> assertBilingual(choice.text()));
        });
        questions.stream().filter(MultipleResponse.class::isInstance).map(MultipleResponse.class::cast)
                .flatMap(question -> question.options().stream()).map(WeightedOption::feedback)
                .forEach(DemoContentTest::assertBilingual);
    }

    @Test
    void short_answers_are_accepted_in_devanagari_and_in_latin_letters() {
        List<ShortText> questions = quizzes.stream().flatMap(q -> q.questions().stream())
                .filter(ShortText.class::isInstance).map(ShortText.class::cast).toList();
        assertThat(questions).isNotEmpty().allSatisfy(question -> {
            List<String> full = question.accepted().stream().filter(a -> a.fraction() == 1.0)
                    .map(ShortText.Accepted::text).toList();
            assertThat(full).as(question.id()).anyMatch(DemoContentTest::isDevanagari)
                    .anyMatch(text -> text.chars().allMatch(c -> c < 0x250));
        });
        Question motto = quizzes.get(0).question("motto").orElseThrow();
        for (String spelling : List.of("शांति", "शान्ति", "Shanti", " SHANTI ", "shaanti")) {
            assertThat(motto.grade(new Answer.Text(spelling)).correct()).as(spelling).isTrue();
        }
        assertThat(motto.grade(new Answer.Text("सेवा")).correct()).isFalse();
    }

    @Test
    void the_helpline_on_1098_is_right_by_its_long_standing_name_and_by_the_government_one() {
        Question name = quizzes.get(1).question("childline-name").orElseThrow();
        for (String answer : List.of("Childline", "child line", "Child Helpline", " CHILD HELPLINE 1098 ",
                "चाइल्डलाइन", "चाइल्ड हेल्पलाइन", "चाइल्ड हेल्पलाइन 1098")) {
            assertThat(name.grade(new Answer.Text(answer)).correct()).as(answer).isTrue();
        }
        assertThat(name.grade(new Answer.Text("Helpline")).correct()).isFalse();
        assertThat(name.grade(new Answer.Text("हेल्पलाइन")).correct()).isFalse();
    }

    @Test
    void the_hindi_is_written_in_devanagari() {
        List<String> hindi = quizzes.stream().flatMap(q -> q.questions().stream()).map(Question::text)
                .map(text -> text.in("hi", "en")).toList();
        assertThat(hindi).allSatisfy(text -> assertThat(isDevanagari(text)).as(text).isTrue());
    }

    private static Set<QuestionType> typesOf(Quiz quiz) {
        return quiz.questions().stream().map(Question::type).collect(Collectors.toSet());
    }

    private static boolean isDevanagari(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.DEVANAGARI);
    }

    private static void assertBilingual(LocalizedText text) {
        assertThat(text.has("en")).as("English text of %s", text).isTrue();
        assertThat(text.has("hi")).as("Hindi text of %s", text).isTrue();
    }
}
