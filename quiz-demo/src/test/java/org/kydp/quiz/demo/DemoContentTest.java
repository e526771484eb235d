package org.kydp.quiz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.content.QuizDocumentReader;
import org.kydp.quiz.content.QuizDocumentWriter;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Option;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.SingleChoice;

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
    void the_hindi_is_written_in_devanagari() {
        List<String> hindi = quizzes.stream().flatMap(q -> q.questions().stream()).map(Question::text)
                .map(text -> text.in("hi", "en")).toList();
        assertThat(hindi).allSatisfy(text -> assertThat(text.codePoints()
                .anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.DEVANAGARI)).isTrue());
    }

    private static void assertBilingual(LocalizedText text) {
        assertThat(text.has("en")).as("English text of %s", text).isTrue();
        assertThat(text.has("hi")).as("Hindi text of %s", text).isTrue();
    }
}
