package org.kydp.quiz.store;

import java.util.Map;

/** Counts poll votes across all attempts at a quiz. */
public interface PollStore {

    void recordVote(String quizId, String questionId, String optionId);

    /** Votes per option id so far; options without votes may be missing. */
    Map<String, Long> votes(String quizId, String questionId);
}
