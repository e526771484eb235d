package org.kydp.quiz.live;

import java.util.Optional;
/** Where one player stands: after a question closed, or at the end. Sent to that player only. */
public sealed interface Standing {

    int score();

    /** 1 for the most points; players with equal scores share a rank (1, 2, 2, 4). */
    int rank();

    /** Right answers in a row up to now. */
    int streak();

    /**
     * After one question.
     *
     * @param correct whether the answer was right (false when not answered); empty for a poll
     * @param points  what the answer earned (0 when not answered)
     * @param score   the player's total after the question
     */
    record AfterQuestion(boolean answered, Optional<Boolean> correct, int points, int score, int rank, int streak)
            implements Standing {
    }

    /** At the end: the total, how many questions were answered and how many right. */
    record Final(int score, int rank, int streak, int answered, int correct) implements Standing {
    }
}
