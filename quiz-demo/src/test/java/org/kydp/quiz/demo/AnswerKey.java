package org.kydp.quiz.demo;

import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;

/** The demo content's answer key: what a test answers to each question, and what that answer earns. */
record AnswerKey(Quiz quiz) {

    static AnswerKey of(String quizId) {
        return new AnswerKey(DemoContent.load().stream()
                .filter(quiz -> quiz.id().equals(quizId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo quiz " + quizId)));
    }

    Question question(String questionId) {
        return quiz.question(questionId).orElseThrow(() -> new AssertionError("no question " + questionId));
    }

    /** The right answer to most questions and a wrong one to every third, so that the score tells them apart. */
    Answer chosenAnswer(int index, String questionId) {
        Question question = question(questionId);
        Answer right = question.correctAnswer().orElseThrow();
        if (index % 3 != 1) {
            return right;
        }
        if (right instanceof Answer.Bool bool) {
            return new Answer.Bool(!bool.value());
        }
        return question.choices().stream()
                .map(choice -> (Answer) new Answer.Choice(choice.id()))
                .filter(choice -> !choice.equals(right))
                .findFirst()
                .orElseThrow();
    }

    boolean isRight(String questionId, Answer answer) {
        return question(questionId).grade(answer).correct();
    }

    /** The points of the quiz's fixed scoring: all of a question's points for a right answer, none otherwise. */
    int points(String questionId, Answer answer) {
        return isRight(questionId, answer) ? question(questionId).points() : 0;
    }
}
