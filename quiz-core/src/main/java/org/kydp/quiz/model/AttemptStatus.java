package org.kydp.quiz.model;

/** Where an attempt stands. */
public enum AttemptStatus {
    IN_PROGRESS,
    FINISHED,
    /** Its deadline and grace period passed before it was finished; finishing it records what was answered. */
    EXPIRED
}
