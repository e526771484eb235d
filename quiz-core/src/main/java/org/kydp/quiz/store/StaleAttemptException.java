package org.kydp.quiz.store;

import org.kydp.quiz.error.ConflictException;

/**
 * A write refused because the attempt it was based on is no longer the attempt as stored: another engine sharing
 * the store served, answered or finished it since it was read. Nothing was written, and the store no longer keeps
 * the attempt it had: reading it again gives the attempt as stored. The engine reads it again and makes its change
 * once more, so that this never reaches a player unless the attempt keeps changing elsewhere.
 */
public class StaleAttemptException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public StaleAttemptException(String attemptId) {
        super("attempt " + attemptId + " was changed at the same moment through another server; try again");
    }
}
