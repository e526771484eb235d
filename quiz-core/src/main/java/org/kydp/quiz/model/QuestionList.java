package org.kydp.quiz.model;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A quiz's questions: an immutable list that also finds a question by its id in constant time. Playing looks
 * questions up by id on every request (the score of an attempt sums its questions' points, a streak walks the
 * questions before the one answered), so a scan of the list per lookup would make a quiz of 10,000 questions, which
 * a GIFT import can make, take a second per request.
 */
final class QuestionList extends AbstractList<Question> implements RandomAccess {

    private final List<Question> questions;
    private final Map<String, Question> byId;

    private QuestionList(List<Question> questions) {
        this.questions = questions;
        this.byId = new HashMap<>(questions.size() * 2);
        for (Question question : questions) {
            byId.putIfAbsent(question.id(), question);
        }
    }

    static QuestionList of(List<Question> questions) {
        return questions instanceof QuestionList indexed ? indexed : new QuestionList(List.copyOf(questions));
    }

    /** The question with this id, or null. */
    Question byId(String questionId) {
        return byId.get(questionId);
    }

    /** Whether the ids of the questions are all different. */
    boolean idsAreUnique() {
        return byId.size() == questions.size();
    }

    @Override
    public Question get(int index) {
        return questions.get(index);
    }

    @Override
    public int size() {
        return questions.size();
    }
}
