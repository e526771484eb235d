package org.kydp.quiz.model;

import java.util.List;
import java.util.Set;

import org.kydp.quiz.error.ValidationException;

/**
 * Each attempt draws {@code count} questions at random from those of the quiz that have one of the tags
 * (any tag if none are given) and one of the difficulties (any if none are given).
 */
public record QuestionDraw(int count, Set<String> tags, Set<Difficulty> difficulties) {

    public QuestionDraw {
        if (count < 1) {
            throw ValidationException.of("count", "a draw takes at least one question: " + count);
        }
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        difficulties = difficulties == null ? Set.of() : Set.copyOf(difficulties);
    }

    public boolean admits(Question question) {
        return admits(question.info());
    }

    public boolean admits(QuestionInfo info) {
        boolean tagged = tags.isEmpty() || info.tags().stream().anyMatch(tags::contains);
        boolean rated = difficulties.isEmpty() || info.difficulty().filter(difficulties::contains).isPresent();
        return tagged && rated;
    }

    public List<Question> pool(List<Question> questions) {
        return questions.stream().filter(this::admits).toList();
    }
}
