package org.kydp.quiz.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Quiz;

/** A text asked for in a language the quiz lacks falls back to the quiz's default language, never to another. */
class DefaultLanguageTest {

    private final QuizEngine engine = QuizEngine.builder().build();

    @Test
    void a_quiz_whose_default_is_english_gives_english_for_french() {
        engine.publish(SampleQuizzes.helplines());

        Played played = play();

        assertThat(engine.quiz("helplines").orElseThrow().title().in("fr")).isEqualTo("Helplines");
        assertThat(played.question().text().in("fr")).isEqualTo("Which number is India's single emergency number?");
        assertThat(played.question().choices().get(0).text().in("fr")).isEqualTo("1098");
        assertThat(played.answer().explanation().in("fr")).isEqualTo("112 is the single emergency number.");
        assertThat(played.answer().explanation().in("fr", "de")).isEqualTo("112 is the single emergency number.");
        assertThat(played.finish().review().get(0).feedback().in("fr")).isEqualTo("Right: 112.");
    }

    @Test
    void a_quiz_whose_default_is_hindi_gives_hindi_for_french() {
        engine.publish(inHindiFirst(SampleQuizzes.helplines()));

        Played played = play();

        assertThat(engine.quiz("helplines").orElseThrow().title().in("fr")).isEqualTo("हेल्पलाइन");
        assertThat(played.question().text().in("fr")).isEqualTo("भारत का एकल आपातकालीन नंबर कौन सा है?");
        assertThat(played.answer().explanation().in("fr")).isEqualTo("112 एकल आपातकालीन नंबर है।");
        assertThat(played.answer().explanation().in("fr", "en")).isEqualTo("112 is the single emergency number.");
        assertThat(played.finish().review().get(0).feedback().in("fr")).isEqualTo("सही: 112।");
        assertThat(played.answer().explanation().in("en")).isEqualTo("112 is the single emergency number.");
    }

    private record Played(QuestionView question, AnswerResult answer, FinishResult finish) {
    }

    private Played play() {
        String asha = engine.registerPlayer("Asha").player().id();
        String attempt = engine.startAttempt(asha, "helplines").id();
        QuestionView question = engine.currentQuestion(asha, attempt).orElseThrow();
        AnswerResult answer = engine.answer(asha, attempt, "emergency", new Answer.Choice("b"));
        return new Played(question, answer, engine.finish(asha, attempt));
    }

    private static Quiz inHindiFirst(Quiz quiz) {
        return new Quiz(quiz.id(), quiz.version(), "hi", List.of("en", "hi"), quiz.title(), quiz.description(),
                quiz.tags(), quiz.rules(), quiz.questions(), quiz.feedbackBands());
    }
}
