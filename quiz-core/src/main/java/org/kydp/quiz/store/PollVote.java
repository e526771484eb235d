package org.kydp.quiz.store;

import java.util.Objects;

/** A vote for one option of a poll question of a quiz. */
public record PollVote(String quizId, String questionId, String optionId) {

    public PollVote {
        Objects.requireNonNull(quizId, "quizId");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(optionId, "optionId");
    }
}
