package org.kydp.quiz.error;

/**
 * The store failed, not the request: its database cannot be opened (a driver missing, a file another process
 * holds, a server refusing the login), cannot be reached, or did not answer in time. The message says which
 * database (its URL or file, never its password) and why; the cause is the database's own error. The call that
 * failed changed nothing that was acknowledged, and the same call may succeed once the database is back.
 */
public class StorageException extends QuizException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(ErrorCode.STORAGE, message, (Throwable) null);
    }

    public StorageException(String message, Throwable cause) {
        super(ErrorCode.STORAGE, message, cause);
    }
}
