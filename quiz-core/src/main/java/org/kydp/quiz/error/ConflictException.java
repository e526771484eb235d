package org.kydp.quiz.error;

/**
 * A change that lost a race with another change to the same thing, for example the same question answered at
 * the same moment through two servers. Nothing of the losing change was kept; repeating the request shows the
 * state that won.
 */
public class ConflictException extends QuizException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(ErrorCode.CONFLICT, message);
    }
}
