package org.kydp.quiz.attempt;

import java.util.List;

import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionDraw;
import org.kydp.quiz.model.Quiz;

/**
 * The questions one play of a quiz asks, in order: all of them in the quiz's order, or drawn at random from a
 * pool, shuffled when the quiz says so. The seed fixes the draw and the shuffle, so the same seed always gives the
 * same order.
 */
public final class QuestionOrder {

    private QuestionOrder() {
    }

    /** The ids of the questions asked, in the order they are asked. */
    public static List<String> of(Quiz quiz, long seed) {
        List<Question> questions = quiz.questions();
        if (quiz.rules().draw().isPresent()) {
            QuestionDraw draw = quiz.rules().draw().get();
            questions = Shuffles.shuffled(draw.pool(questions), seed, "draw").subList(0, draw.count());
            if (!quiz.rules().shuffleQuestions()) {
                questions = quiz.questions().stream().filter(questions::contains).toList();
            }
        } else if (quiz.rules().shuffleQuestions()) {
            questions = Shuffles.shuffled(questions, seed, "questions");
        }
        return questions.stream().map(Question::id).toList();
    }
}
