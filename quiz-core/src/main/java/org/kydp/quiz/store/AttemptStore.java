package org.kydp.quiz.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.kydp.quiz.model.Attempt;

/** Keeps attempts. The engine serialises changes to one attempt; the store only stores. */
public interface AttemptStore {

    /** Inserts or replaces the attempt with this id. */
    void save(Attempt attempt);

    Optional<Attempt> find(String attemptId);

    int countFor(String playerId, String quizId);

    /** Every finished attempt at the quiz, any version. */
    List<Attempt> finished(String quizId);

    /** Hands every finished attempt of every quiz to the visitor, one at a time, in no particular order. */
    void forEachFinished(Consumer<Attempt> visitor);
}
