package org.kydp.quiz.store;

import java.util.List;
import java.util.Optional;

import org.kydp.quiz.model.Quiz;

/** Keeps every version of every quiz, and which quizzes are published. */
public interface QuizStore {

    /** Stores this version of the quiz (replacing the same id and version if present). */
    void save(Quiz quiz);

    Optional<Quiz> find(String quizId, int version);

    Optional<Quiz> latest(String quizId);

    /** The latest version of every quiz, ordered by id. */
    List<Quiz> latestAll();

    /** The latest version of every published quiz, ordered by id: the catalogue players choose from. */
    default List<Quiz> published() {
        return latestAll().stream().filter(quiz -> isPublished(quiz.id())).toList();
    }

    void setPublished(String quizId, boolean published);

    /** Removes every version of the quiz and its published flag. */
    void delete(String quizId);

    boolean isPublished(String quizId);
}
