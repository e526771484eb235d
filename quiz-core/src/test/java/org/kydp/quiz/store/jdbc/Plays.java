package org.kydp.quiz.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Option;
import org.kydp.quiz.model.Poll;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionInfo;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.TrueFalse;

/**
 * Whole plays through the engine, writing what a player of the demo writes: register, start an attempt on a quiz of
 * {@link #QUESTIONS} bilingual questions (single choice and true or false, and a poll), fetch and answer every
 * question, right or wrong at random, finish. About 49 statements a play, as over HTTP.
 */
final class Plays {

    static final String QUIZ_ID = "delhi-police-disk";
    static final int QUESTIONS = 15;

    private Plays() {
    }

    /** The quiz the plays are of: 10 single-choice questions, 4 true-or-false and a poll. */
    static Quiz quiz() {
        List<Question> questions = new ArrayList<>();
        for (int q = 1; q <= 10; q++) {
            List<Option> options = new ArrayList<>();
            for (String id : List.of("a", "b", "c", "d")) {
                LocalizedText text = LocalizedText.bilingual("Helpline " + id + q, "हेल्पलाइन " + id + q);
                options.add(id.equals("b") ? Option.right(id, text) : Option.wrong(id, text));
            }
            questions.add(new SingleChoice(QuestionInfo.of("choice-" + q, LocalizedText.bilingual(
                    "Which number do you call for emergency " + q + "?",
                    "आपातकाल " + q + " के लिए कौन सा नंबर मिलाएँ?"), 10), options));
        }
        for (int q = 1; q <= 4; q++) {
            questions.add(new TrueFalse(QuestionInfo.of("fact-" + q, LocalizedText.bilingual(
                    "Delhi Police fact " + q + " is true.", "दिल्ली पुलिस तथ्य " + q + " सही है।"), 10), q % 2 == 0));
        }
        questions.add(new Poll(QuestionInfo.of("topic", LocalizedText.bilingual("What should the next quiz be about?",
                "अगली प्रश्नोत्तरी किस बारे में हो?"), 1), List.of(
                new Question.Choice("cyber", LocalizedText.bilingual("Cyber safety", "साइबर सुरक्षा")),
                new Question.Choice("road", LocalizedText.bilingual("Road safety", "सड़क सुरक्षा")))));
        return new Quiz(QUIZ_ID, 1, "en", List.of("en", "hi"), LocalizedText.bilingual("Know your Delhi Police",
                "अपनी दिल्ली पुलिस को जानो"), null, List.of(), QuizRules.defaults(), questions);
    }

    /** One whole play by a new player. */
    static void play(QuizEngine engine, String playerName, RandomGenerator random) {
        String playerId = engine.registerPlayer(playerName).player().id();
        String attemptId = engine.startAttempt(playerId, QUIZ_ID).id();
        Optional<QuestionView> question;
        while ((question = engine.currentQuestion(playerId, attemptId)).isPresent()) {
            engine.answer(playerId, attemptId, question.get().id(), answer(question.get(), random));
        }
        engine.finish(playerId, attemptId);
    }

    private static Answer answer(QuestionView question, RandomGenerator random) {
        return switch (question.type()) {
            case TRUE_FALSE -> new Answer.Bool(random.nextBoolean());
            case SINGLE_CHOICE, POLL -> new Answer.Choice(
                    question.choices().get(random.nextInt(question.choices().size())).id());
            default -> throw new IllegalStateException("not in the quiz of the plays: " + question.type());
        };
    }
}
