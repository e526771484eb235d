package org.kydp.quiz.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.kydp.quiz.internal.Arguments;

/**
 * A live session as stored: a host runs one quiz version for a crowd, one question at a time. Immutable: every
 * move returns the session after it. Which moves a phase allows is decided by the engine, not here.
 *
 * @param code          the 6-digit code players join with, unique among sessions not ended
 * @param language      the language the host chose for the session; {@code null} for the quiz's default
 * @param seed          a secret random number fixing the order of options, the same for every player
 * @param hostTokenHash the SHA-256 hash of the host's token (never the token)
 * @param questionIds   the questions in the order the session asks them
 * @param questionIndex the question open or last closed; -1 in the lobby
 * @param openedAt      when the current question was shown
 * @param answersOpenAt when answers to it open: {@code openedAt} plus the reading time
 * @param deadline      when it closes by itself
 * @param closedAt      when it closed; {@code null} while it is open
 * @param joined        how many players ever joined: the next player's ordinal
 * @param players       how many take part now (joined, not removed)
 * @param answered      answers to the current question so far
 * @param lastEventId   the id of the session's last event; ids increase by one per event
 * @param changedAt     when the last event happened
 * @param endedAt       when the session ended; {@code null} until then
 */
public record LiveSession(String id, String code, String quizId, int quizVersion, String language,
                          LiveSettings settings, long seed, String hostTokenHash, List<String> questionIds,
                          LivePhase phase, int questionIndex, Instant openedAt, Instant answersOpenAt,
                          Instant deadline, Instant closedAt, int joined, int players, int answered, long lastEventId,
                          Instant createdAt, Instant changedAt, Instant endedAt) {

    public LiveSession {
        Arguments.required("id", id);
        Arguments.required("code", code);
        Arguments.required("quizId", quizId);
        Arguments.required("settings", settings);
        Arguments.required("hostTokenHash", hostTokenHash);
        Arguments.required("phase", phase);
        Arguments.required("createdAt", createdAt);
        Arguments.required("changedAt", changedAt);
        questionIds = List.copyOf(questionIds);
        if (questionIds.isEmpty()) {
            throw new IllegalArgumentException("a live session needs at least one question");
        }
        if (questionIndex < -1 || questionIndex >= questionIds.size()) {
            throw new IllegalArgumentException("question index out of range: " + questionIndex);
        }
    }

    /** A new session in the lobby. */
    public static LiveSession create(String id, String code, String quizId, int quizVersion, String language,
                                     LiveSettings settings, long seed, String hostTokenHash, List<String> questionIds,
                                     Instant now) {
        return new LiveSession(id, code, quizId, quizVersion, language, settings, seed, hostTokenHash, questionIds,
                LivePhase.LOBBY, -1, null, null, null, null, 0, 0, 0, 0, now, now, null);
    }

    public int questionCount() {
        return questionIds.size();
    }

    /** The id of the question open or last closed; {@code null} in the lobby. */
    public String questionId() {
        return questionIndex < 0 ? null : questionIds.get(questionIndex);
    }

    public boolean isEnded() {
        return phase == LivePhase.ENDED;
    }

    /** Whether question {@code index} takes answers at {@code now}: open, past the reading time, before the deadline. */
    public boolean acceptsAnswers(int index, Instant now) {
        return phase == LivePhase.QUESTION && questionIndex == index && !now.isBefore(answersOpenAt)
                && now.isBefore(deadline);
    }

    /** Question {@code index} shown at {@code now}, taking answers after the reading time for {@code limit}. */
    public LiveSession opened(int index, Instant now, Duration limit) {
        Instant answersOpen = now.plus(settings.readingTime());
        return opened(index, now, answersOpen, answersOpen.plus(limit));
    }

    /** Question {@code index} shown at {@code now}, taking answers from {@code answersOpen} until {@code until}. */
    public LiveSession opened(int index, Instant now, Instant answersOpen, Instant until) {
        return new LiveSession(id, code, quizId, quizVersion, language, settings, seed, hostTokenHash, questionIds,
                LivePhase.QUESTION, index, now, answersOpen, until, null, joined, players, 0, lastEventId, createdAt,
                now, null);
    }

    /** The open question closed at {@code now}. */
    public LiveSession closed(Instant now) {
        return new LiveSession(id, code, quizId, quizVersion, language, settings, seed, hostTokenHash, questionIds,
                LivePhase.RESULTS, questionIndex, openedAt, answersOpenAt, deadline, now, joined, players, answered,
                lastEventId, createdAt, now, null);
    }

    public LiveSession ended(Instant now) {
        return new LiveSession(id, code, quizId, quizVersion, language, settings, seed, hostTokenHash, questionIds,
                LivePhase.ENDED, questionIndex, openedAt, answersOpenAt, deadline, closedAt, joined, players, answered,
                lastEventId, createdAt, now, now);
    }

    /** One more player joined at {@code now}. */
    public LiveSession joinedBy(Instant now) {
        return new LiveSession(id, code, quizId, quizVersion, language, settings, seed, hostTokenHash, questionIds,
                phase, questionIndex, openedAt, answersOpenAt, deadline, closedAt, joined + 1, players + 1, answered,
                lastEventId, createdAt, now, endedAt);
    }

    /** One player left or was removed at {@code now}. */
    public LiveSession leftBy(Instant now) {
        return new LiveSession(id, code, quizId, quizVersion, language, settings, seed, hostTokenHash, questionIds,
                phase, questionIndex, openedAt, answersOpenAt, deadline, closedAt, joined, players - 1, answered,
                lastEventId, createdAt, now, endedAt);
    }

    public LiveSession withAnswered(int count) {
        return new LiveSession(id, code, quizId, quizVersion, language, settings, seed, hostTokenHash, questionIds,
                phase, questionIndex, openedAt, answersOpenAt, deadline, closedAt, joined, players, count,
                lastEventId, createdAt, changedAt, endedAt);
    }

    public LiveSession withLastEventId(long id) {
        return new LiveSession(this.id, code, quizId, quizVersion, language, settings, seed, hostTokenHash,
                questionIds, phase, questionIndex, openedAt, answersOpenAt, deadline, closedAt, joined, players,
                answered, id, createdAt, changedAt, endedAt);
    }

    @Override
    public String toString() {
        return "LiveSession[id=" + id + ", quizId=" + quizId + " v" + quizVersion + ", phase=" + phase.wireName()
                + ", questionIndex=" + questionIndex + "/" + questionIds.size() + ", players=" + players
                + ", lastEventId=" + lastEventId + "]";
    }
}
