package org.kydp.quiz.admin;

import java.util.List;

import org.kydp.quiz.error.ErrorCode;
import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.error.QuizException;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.store.AttemptStore;
import org.kydp.quiz.store.QuizStore;

/**
 * Managing quizzes: create, edit (each edit is a new version; attempts in progress keep theirs),
 * publish, unpublish and delete (refused once anyone has played: unpublish instead).
 */
public final class QuizAdministration {

    private final QuizStore quizzes;
    private final AttemptStore attempts;
    private final Object lock = new Object();

    public QuizAdministration(QuizStore quizzes, AttemptStore attempts) {
        this.quizzes = quizzes;
        this.attempts = attempts;
    }

    /** A quiz's latest version and whether players can see it. */
    public record QuizEntry(Quiz quiz, boolean published) {
    }

    /** Stores a new quiz as version 1, unpublished. */
    public QuizEntry create(Quiz quiz) {
        synchronized (lock) {
            if (quizzes.latest(quiz.id()).isPresent()) {
                throw new QuizException(ErrorCode.CONFLICT, "quiz " + quiz.id()
                        + " exists already: edit it with PUT, or choose another id");
            }
            quizzes.save(quiz.withVersion(1));
            return get(quiz.id());
        }
    }

    /** Stores the quiz as a new version of the one with this id; attempts in progress keep the version they began. */
    public QuizEntry update(String quizId, Quiz quiz) {
        if (!quiz.id().equals(quizId)) {
            throw ValidationException.of("id", "'" + quiz.id() + "' does not match the quiz being edited, " + quizId);
        }
        synchronized (lock) {
            Quiz latest = latest(quizId);
            quizzes.save(quiz.withVersion(latest.version() + 1));
            return get(quizId);
        }
    }

    /**
     * Creates the quiz from imported questions, or makes them the questions of its new version if it exists,
     * keeping its description, tags and rules.
     */
    public QuizEntry importQuestions(String quizId, LocalizedText title, List<String> languages,
                                     List<Question> questions) {
        if (questions.isEmpty()) {
            throw ValidationException.of("questions", "nothing could be imported");
        }
        if (!quizId.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw ValidationException.of("quizId", "use 1 to 64 lowercase letters, digits and hyphens");
        }
        synchronized (lock) {
            Quiz existing = quizzes.latest(quizId).orElse(null);
            int version = existing == null ? 1 : existing.version() + 1;
            try {
                quizzes.save(existing == null
                        ? new Quiz(quizId, version, languages.get(0), languages, title, null, List.of(),
                                QuizRules.defaults(), questions)
                        : new Quiz(quizId, version, languages.get(0), languages, title, existing.description(),
                                existing.tags(), existing.rules(), questions, existing.feedbackBands()));
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("questions", e.getMessage());
            }
            return get(quizId);
        }
    }

    public boolean exists(String quizId) {
        return quizzes.latest(quizId).isPresent();
    }

    public QuizEntry get(String quizId) {
        return new QuizEntry(latest(quizId), quizzes.isPublished(quizId));
    }

    /** Every quiz, published or not, ordered by id. */
    public List<QuizEntry> list() {
        return quizzes.latestAll().stream().map(quiz -> new QuizEntry(quiz, quizzes.isPublished(quiz.id()))).toList();
    }

    public QuizEntry publish(String quizId) {
        latest(quizId);
        quizzes.setPublished(quizId, true);
        return get(quizId);
    }

    public QuizEntry unpublish(String quizId) {
        latest(quizId);
        quizzes.setPublished(quizId, false);
        return get(quizId);
    }

    /** Deletes a quiz that nobody has played; one with attempts can only be unpublished. */
    public void delete(String quizId) {
        synchronized (lock) {
            latest(quizId);
            if (attempts.existsForQuiz(quizId)) {
                throw new QuizException(ErrorCode.CONFLICT, "quiz " + quizId
                        + " has attempts, so deleting it would lose them: unpublish it instead");
            }
            quizzes.delete(quizId);
        }
    }

    private Quiz latest(String quizId) {
        return quizzes.latest(quizId).orElseThrow(() -> new NotFoundException("quiz " + quizId + " not found"));
    }
}
