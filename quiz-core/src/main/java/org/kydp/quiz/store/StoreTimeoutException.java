package org.kydp.quiz.store;

import org.kydp.quiz.error.StorageException;

/**
 * The store did not answer in time: a statement ran past the store's statement timeout (waiting for a lock held
 * elsewhere, say, or on an overloaded database) and was cancelled. The cancelled statement changed nothing, and a
 * write whose statement it was is not committed. Nothing is wrong with the request: the same call may succeed a
 * moment later.
 */
public class StoreTimeoutException extends StorageException {

    private static final long serialVersionUID = 1L;

    public StoreTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
