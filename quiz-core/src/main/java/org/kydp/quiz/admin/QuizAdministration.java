package org.kydp.quiz.admin;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.kydp.quiz.error.ConflictException;
import org.kydp.quiz.error.ErrorCode;
import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.error.QuizException;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.internal.Arguments;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.store.AttemptStore;
import org.kydp.quiz.store.QuizStore;

/**
 * Managing quizzes: create, edit (each edit is a new version; attempts in progress keep theirs),
 * publish, unpublish and delete (refused once anyone has played: unpublish instead).
 *
 * <p>Every change of content, whichever way it comes (a new quiz, an edit, an import, a revision published by the
 * engine), goes through {@link #addVersion}: a stored version is never changed, and each new one is followed by a
 * re-ranking of the quiz's leaderboards under its grading rule. Versions are numbered by the database: an edit made
 * on two servers at the same moment makes two versions, one after the other.
 */
public final class QuizAdministration {

    /** How many times a new version is numbered again after another server took its number. */
    private static final int MAX_NUMBERING_RUNS = 5;

    private final QuizStore quizzes;
    private final AttemptStore attempts;
    private final Consumer<String> contentChanged;
    private final Object lock = new Object();

    public QuizAdministration(QuizStore quizzes, AttemptStore attempts) {
        this(quizzes, attempts, quizId -> { });
    }

    /** As above, telling {@code contentChanged} the id of every quiz given a new version. */
    public QuizAdministration(QuizStore quizzes, AttemptStore attempts, Consumer<String> contentChanged) {
        this.quizzes = quizzes;
        this.attempts = attempts;
        this.contentChanged = contentChanged;
    }

    /** A quiz's latest version and whether players can see it. */
    public record QuizEntry(Quiz quiz, boolean published) {
    }

    /** Stores a new quiz as version 1, unpublished. */
    public QuizEntry create(Quiz quiz) {
        Arguments.required("quiz", quiz);
        synchronized (lock) {
            if (quizzes.latest(quiz.id()).isPresent() || !add(quiz.withVersion(1))) {
                throw new QuizException(ErrorCode.CONFLICT, "quiz " + quiz.id()
                        + " exists already: edit it with PUT, or choose another id");
            }
            return entry(quiz.id());
        }
    }

    /** Stores the quiz as a new version of the one with this id; attempts in progress keep the version they began. */
    public QuizEntry update(String quizId, Quiz quiz) {
        Arguments.required("quizId", quizId);
        Arguments.required("quiz", quiz);
        if (!quiz.id().equals(quizId)) {
            throw ValidationException.of("id", "'" + quiz.id() + "' does not match the quiz being edited, " + quizId);
        }
        latest(quizId);
        addVersion(quizId, latest -> quiz.withVersion(latest.map(Quiz::version).orElse(0) + 1));
        return entry(quizId);
    }

    /**
     * Creates the quiz from imported questions, or makes them the questions of its new version if it exists,
     * keeping its description, tags and rules.
     */
    public QuizEntry importQuestions(String quizId, LocalizedText title, List<String> languages,
                                     List<Question> questions) {
        Arguments.required("quizId", quizId);
        Arguments.required("title", title);
        Arguments.required("languages", languages);
        Arguments.required("questions", questions);
        if (questions.isEmpty()) {
            throw ValidationException.of("questions", "nothing could be imported");
        }
        if (!quizId.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw ValidationException.of("quizId", "use 1 to 64 lowercase letters, digits and hyphens");
        }
        addVersion(quizId, latest -> latest
                .map(existing -> new Quiz(quizId, existing.version() + 1, languages.get(0), languages, title,
                        existing.description(), existing.tags(), existing.rules(), questions,
                        existing.feedbackBands()))
                .orElseGet(() -> new Quiz(quizId, 1, languages.get(0), languages, title, null, List.of(),
                        QuizRules.defaults(), questions)));
        return entry(quizId);
    }

    /**
     * Stores this version of the quiz, unless it is stored already with the same content, and publishes the quiz.
     *
     * @throws org.kydp.quiz.error.ConflictException if the version is stored with other content
     */
    public QuizEntry publishVersion(Quiz quiz) {
        Arguments.required("quiz", quiz);
        synchronized (lock) {
            add(quiz);
        }
        quizzes.setPublished(quiz.id(), true);
        return entry(quiz.id());
    }

    /**
     * Publishes the quiz's content as a new version, unless its latest stored version has the same content, in
     * which case that version is published again. The first version of a quiz keeps the version the quiz carries.
     *
     * @return the version published
     */
    public Quiz publishRevision(Quiz quiz) {
        Arguments.required("quiz", quiz);
        Quiz published = addVersion(quiz.id(), latest -> latest
                .map(stored -> quiz.withVersion(stored.version()).equals(stored) ? stored
                        : quiz.withVersion(stored.version() + 1))
                .orElse(quiz));
        quizzes.setPublished(quiz.id(), true);
        return published;
    }

    /**
     * The one way content changes: stores the version {@code next} makes of the latest one (empty if none), as
     * the version after it; if another server stored that version meanwhile, numbers it again after that one.
     */
    private Quiz addVersion(String quizId, Function<Optional<Quiz>, Quiz> next) {
        synchronized (lock) {
            for (int run = 1; ; run++) {
                Optional<Quiz> latest = quizzes.latest(quizId);
                Quiz version = next.apply(latest);
                if (latest.isPresent() && version == latest.get()) {
                    return version;
                }
                try {
                    add(version);
                    return version;
                } catch (ConflictException taken) {
                    if (run == MAX_NUMBERING_RUNS) {
                        throw taken;
                    }
                }
            }
        }
    }

    /** Stores the version and re-ranks the quiz; false if it was stored already, with the same content. */
    private boolean add(Quiz version) {
        boolean added = quizzes.save(version);
        contentChanged.accept(version.id());
        return added;
    }

    public boolean exists(String quizId) {
        Arguments.required("quizId", quizId);
        return quizzes.latest(quizId).isPresent();
    }

    /** The latest version of a quiz, published or not; empty if there is no quiz with this id. */
    public Optional<QuizEntry> get(String quizId) {
        Arguments.required("quizId", quizId);
        return quizzes.latest(quizId).map(quiz -> new QuizEntry(quiz, quizzes.isPublished(quizId)));
    }

    /** Every quiz, published or not, ordered by id. */
    public List<QuizEntry> list() {
        return quizzes.latestAll().stream().map(quiz -> new QuizEntry(quiz, quizzes.isPublished(quiz.id()))).toList();
    }

    public QuizEntry publish(String quizId) {
        Arguments.required("quizId", quizId);
        Quiz quiz = latest(quizId);
        quizzes.setPublished(quizId, true);
        return new QuizEntry(quiz, true);
    }

    public QuizEntry unpublish(String quizId) {
        Arguments.required("quizId", quizId);
        Quiz quiz = latest(quizId);
        quizzes.setPublished(quizId, false);
        return new QuizEntry(quiz, false);
    }

    /** Deletes a quiz that nobody has played; one with attempts can only be unpublished. */
    public void delete(String quizId) {
        Arguments.required("quizId", quizId);
        synchronized (lock) {
            latest(quizId);
            if (attempts.existsForQuiz(quizId)) {
                throw new QuizException(ErrorCode.CONFLICT, "quiz " + quizId
                        + " has attempts, so deleting it would lose them: unpublish it instead");
            }
            quizzes.delete(quizId);
        }
    }

    private QuizEntry entry(String quizId) {
        return new QuizEntry(latest(quizId), quizzes.isPublished(quizId));
    }

    private Quiz latest(String quizId) {
        return quizzes.latest(quizId).orElseThrow(() -> NotFoundException.quiz(quizId));
    }
}
