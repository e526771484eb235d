package org.kydp.quiz.live;

import java.util.List;

import org.kydp.quiz.attempt.Languages;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.QuestionType;

/**
 * The results of a live session for its host: the ranking of every player taking part, and how each closed question
 * was answered. Final once the session ended; kept for good.
 */
public record LiveResults(LiveSessionView session, List<RankedPlayer> ranking, List<QuestionSummary> questions,
                          Languages languages) {

    public LiveResults {
        ranking = List.copyOf(ranking);
        questions = List.copyOf(questions);
    }

    /** One player's result. */
    public record RankedPlayer(int rank, String playerId, String name, int score, int answered, int correct,
                               int streak) {
    }

    /** One closed question: which, and how the players answered it. */
    public record QuestionSummary(int index, String questionId, QuestionType type, LocalizedText text,
                                  Distribution distribution) {
    }
}
