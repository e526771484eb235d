package org.kydp.quiz.metrics;

import org.kydp.quiz.model.QuestionType;

/**
 * What the engine tells a metrics system as it plays: a port, so that the engine itself depends on no metrics
 * library (quiz-api binds it to Micrometer). Each method is called on the thread that did the work, after the work
 * is stored, and must return quickly and never throw. {@link #NONE}, the default, records nothing and costs nothing.
 */
public interface EngineMetrics {

    /** Records nothing. */
    EngineMetrics NONE = new EngineMetrics() {
    };

    /** A player was registered. */
    default void playerRegistered() {
    }

    /** An attempt was started. */
    default void attemptStarted() {
    }

    /** An attempt was finished by this engine (told once per attempt, not again when its finish is asked again). */
    default void attemptFinished() {
    }

    /**
     * An answer to a question of an attempt was recorded in time.
     *
     * @param type    the question's type
     * @param correct whether it was right; null for a poll, which has no right answer
     */
    default void answerRecorded(QuestionType type, Boolean correct) {
    }

    /**
     * An answer to the open question of a live session was recorded in time (told once, not again when the same
     * answer is sent again).
     *
     * @param type    the question's type
     * @param correct whether it was right; null for a poll, which has no right answer
     */
    default void liveAnswerRecorded(QuestionType type, Boolean correct) {
    }
}
