package org.kydp.quiz.error;

/** An answer to a live question that is not open: closed, not yet open for answers, or not the current one. */
public final class QuestionClosedException extends QuizException {

    private static final long serialVersionUID = 1L;

    public QuestionClosedException(String message) {
        super(ErrorCode.QUESTION_CLOSED, message);
    }
}
