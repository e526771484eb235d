package org.kydp.quiz.live;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kydp.quiz.attempt.Languages;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.QuestionType;

/**
 * What happens in a live session, as its host and players are told. Every event has an id, one more than the
 * session's previous event, so that a client that lost its connection can ask for what came after the last id it
 * saw. Nothing in an event sent before a question closes carries its answer: a question is sent as a
 * {@link QuestionView}, and correctness only comes with {@link QuestionResults}.
 */
public sealed interface LiveEvent {

    long id();

    Instant at();

    /** Whether only the host is told (joins, leaves, answer counts). */
    default boolean forHostOnly() {
        return false;
    }

    /** A player joined; {@code players} take part now. To the host. */
    record PlayerJoined(long id, Instant at, String playerId, String name, int players) implements LiveEvent {
        @Override
        public boolean forHostOnly() {
            return true;
        }
    }

    /**
     * A player left, or the host removed them ({@code removed}). To the host, and to that player, whose
     * connections then end.
     */
    record PlayerLeft(long id, Instant at, String playerId, String name, int players, boolean removed)
            implements LiveEvent {
        @Override
        public boolean forHostOnly() {
            return true;
        }
    }

    /**
     * A question is shown. Answers are taken from {@code answersOpenAt} (after the reading time) until
     * {@code deadline}, on the server's clock.
     */
    record QuestionOpened(long id, Instant at, int index, int count, QuestionView question, Instant answersOpenAt,
                          Instant deadline) implements LiveEvent {
    }

    /** How many of the players answered the open question so far; at most four a second. To the host. */
    record AnswersCounted(long id, Instant at, int index, int answered, int players) implements LiveEvent {
        @Override
        public boolean forHostOnly() {
            return true;
        }
    }

    /**
     * A question closed: its right answer and explanation (unless the quiz never shows them), how the players
     * answered, and the top five. Each player is also told their own {@link Standing.AfterQuestion}.
     *
     * @param correctAnswer what earns full points; empty for a poll or when the quiz never shows it
     * @param explanation   the question's explanation; an empty text when the quiz never shows it or has none
     */
    record QuestionResults(long id, Instant at, int index, String questionId, QuestionType type,
                           Optional<Answer> correctAnswer,
                           LocalizedText explanation, Distribution distribution, List<Ranked> top,
                           Languages languages) implements LiveEvent {
        public QuestionResults {
            top = List.copyOf(top);
        }
    }

    /**
     * The session ended: the podium (ranks 1 to 3, ties included) of {@code total} players. Each player is also
     * told their own {@link Standing.Final}.
     */
    record SessionEnded(long id, Instant at, List<Ranked> podium, int total) implements LiveEvent {
        public SessionEnded {
            podium = List.copyOf(podium);
        }
    }
}
