package org.kydp.quiz.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.MultipleResponse;
import org.kydp.quiz.model.Poll;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionType;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.WeightedOption;
import org.kydp.quiz.scoring.AnswerScoring;

/** The demo content's answer key: what a test answers to each question, and what that answer earns. */
record AnswerKey(Quiz quiz) {

    /** A wrong short answer, in Devanagari ("don't know"), so that typing it exercises Hindi input too. */
    static final String WRONG_TEXT = "पता नहीं";

    AnswerKey {
        if (quiz.rules().scoring().streakBonus()) {
            throw new IllegalArgumentException("points() does not count streak bonuses; " + quiz.id() + " has them");
        }
    }

    static AnswerKey of(String quizId) {
        return new AnswerKey(DemoContent.load().stream()
                .filter(quiz -> quiz.id().equals(quizId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo quiz " + quizId)));
    }

    Question question(String questionId) {
        return quiz.question(questionId).orElseThrow(() -> new AssertionError("no question " + questionId));
    }

    String source(String questionId) {
        return question(questionId).source();
    }

    Set<QuestionType> types() {
        Set<QuestionType> types = EnumSet.noneOf(QuestionType.class);
        quiz.questions().forEach(question -> types.add(question.type()));
        return types;
    }

    /** The most a player can score: the points of every scored question. */
    int maxScore() {
        return quiz.questions().stream().filter(Question::scored).mapToInt(Question::points).sum();
    }

    /**
     * The right answer to most questions and a wrong or partly right one to every third, so that the score tells
     * them apart; for a poll, one of its options.
     */
    Answer chosenAnswer(int index, String questionId) {
        Question question = question(questionId);
        if (question instanceof Poll poll) {
            return new Answer.Choice(poll.options().get(index % poll.options().size()).id());
        }
        Answer right = question.correctAnswer().orElseThrow();
        return index % 3 == 1 ? partlyWrong(question, right) : right;
    }

    private static Answer partlyWrong(Question question, Answer right) {
        if (right instanceof Answer.Bool bool) {
            return new Answer.Bool(!bool.value());
        }
        if (right instanceof Answer.Choices choices) {
            List<String> ids = new ArrayList<>(choices.optionIds());
            ids.remove(0);
            ids.add(wrongOptions((MultipleResponse) question).get(0));
            return new Answer.Choices(Set.copyOf(ids));
        }
        if (right instanceof Answer.Text) {
            return new Answer.Text(WRONG_TEXT);
        }
        if (right instanceof Answer.Number number) {
            return new Answer.Number(number.value() + 1);
        }
        if (right instanceof Answer.Order order) {
            List<String> reversed = new ArrayList<>(order.itemIds());
            Collections.reverse(reversed);
            return new Answer.Order(reversed);
        }
        if (right instanceof Answer.Pairs pairs) {
            List<String> lefts = question.left().stream().map(Question.Choice::id).toList();
            Map<String, String> swapped = new LinkedHashMap<>(pairs.pairs());
            swapped.put(lefts.get(0), pairs.pairs().get(lefts.get(1)));
            swapped.put(lefts.get(1), pairs.pairs().get(lefts.get(0)));
            return new Answer.Pairs(swapped);
        }
        return question.choices().stream()
                .map(choice -> (Answer) new Answer.Choice(choice.id()))
                .filter(choice -> !choice.equals(right))
                .findFirst()
                .orElseThrow();
    }

    /** An answer that earns nothing; for a poll, its last option. */
    Answer worthless(String questionId) {
        Question question = question(questionId);
        if (question instanceof Poll poll) {
            return new Answer.Choice(poll.options().get(poll.options().size() - 1).id());
        }
        Answer right = question.correctAnswer().orElseThrow();
        if (right instanceof Answer.Choices) {
            return new Answer.Choices(new TreeSet<>(wrongOptions((MultipleResponse) question)));
        }
        if (right instanceof Answer.Number number) {
            return new Answer.Number(-number.value() - 1);
        }
        if (right instanceof Answer.Order order) {
            List<String> rotated = new ArrayList<>(order.itemIds());
            Collections.rotate(rotated, 1);
            return new Answer.Order(rotated);
        }
        if (right instanceof Answer.Pairs pairs) {
            List<String> lefts = question.left().stream().map(Question.Choice::id).toList();
            Map<String, String> rotated = new LinkedHashMap<>();
            for (int i = 0; i < lefts.size(); i++) {
                rotated.put(lefts.get(i), pairs.pairs().get(lefts.get((i + 1) % lefts.size())));
            }
            return new Answer.Pairs(rotated);
        }
        return partlyWrong(question, right);
    }

    private static List<String> wrongOptions(MultipleResponse question) {
        return question.options().stream().filter(option -> !option.correct()).map(WeightedOption::id).toList();
    }

    boolean isRight(String questionId, Answer answer) {
        return question(questionId).grade(answer).correct();
    }

    /** The points the quiz's scoring gives the answer, partial credit included (no streaks, no speed points). */
    int points(String questionId, Answer answer) {
        Question question = question(questionId);
        return new AnswerScoring(quiz.rules().scoring())
                .score(question, question.grade(answer), Duration.ZERO, null, 0).total();
    }
}
