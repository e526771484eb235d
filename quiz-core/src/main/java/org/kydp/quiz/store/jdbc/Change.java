package org.kydp.quiz.store.jdbc;

import java.util.Optional;

/**
 * A committed change that the other stores on the same database are told of (through {@link ChangeNotifications}),
 * so that each forgets what it keeps of the changed row instead of checking it on every read.
 *
 * @param kind what changed
 * @param id   the attempt's id, or the quiz's
 */
record Change(Kind kind, String id) {

    /** What changed; each kind is written as one letter before the id. */
    enum Kind {
        /** A question of an attempt in progress was served or answered. */
        ATTEMPT('a'),
        /** An attempt was finished: the leaderboards of the other servers record it. */
        FINISHED('f'),
        /** A version of a quiz was saved, or the quiz was published, unpublished or deleted. */
        QUIZ('q');

        private final char letter;

        Kind(char letter) {
            this.letter = letter;
        }
    }

    static Change attempt(String attemptId) {
        return new Change(Kind.ATTEMPT, attemptId);
    }

    static Change finished(String attemptId) {
        return new Change(Kind.FINISHED, attemptId);
    }

    static Change quiz(String quizId) {
        return new Change(Kind.QUIZ, quizId);
    }

    /** The change as a word of a notification: its kind's letter, then the id (which holds no space). */
    String word() {
        return kind.letter + id;
    }

    /** The change a word stands for; empty for a word of a kind this version does not know. */
    static Optional<Change> ofWord(String word) {
        if (word.length() < 2) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (kind.letter == word.charAt(0)) {
                return Optional.of(new Change(kind, word.substring(1)));
            }
        }
        return Optional.empty();
    }
}
