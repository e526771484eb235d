package org.kydp.quiz.error;

/** Something that does not exist, or that the caller may not see. */
public final class NotFoundException extends QuizException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(ErrorCode.NOT_FOUND, message);
    }

    /** No quiz has this id. */
    public static NotFoundException quiz(String quizId) {
        return new NotFoundException("quiz " + quizId + " not found");
    }
}
