package org.kydp.quiz.store;

import java.util.List;
import java.util.Optional;

import org.kydp.quiz.error.ConflictException;
import org.kydp.quiz.model.Quiz;

/** Keeps every version of every quiz, and which quizzes are published. */
public interface QuizStore {

    /**
     * Adds this version of the quiz. A version once stored never changes, since attempts in progress play it: saving
     * a version that is stored already adds nothing if its content is the same, and is refused otherwise.
     *
     * @return whether the version was added; false if it was stored already, with this content
     * @throws ConflictException if this version is stored with other content
     */
    boolean save(Quiz quiz);

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

    /** The refusal of other content under a version stored already. */
    static ConflictException versionTaken(Quiz quiz) {
        return new ConflictException("version " + quiz.version() + " of quiz " + quiz.id()
                + " is stored already, with other content, and a stored version never changes (attempts may be "
                + "playing it): store the change as a new version");
    }
}
