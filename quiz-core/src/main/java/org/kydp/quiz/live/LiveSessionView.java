package org.kydp.quiz.live;

import java.time.Instant;

import org.kydp.quiz.model.LivePhase;
import org.kydp.quiz.model.LiveSession;
import org.kydp.quiz.model.LiveSettings;

/**
 * A live session as its host sees it.
 *
 * @param questionIndex the question open or last closed; -1 in the lobby
 * @param answered      answers to the current question counted so far
 * @param language      the session's language; {@code null} for the quiz's default
 */
public record LiveSessionView(String id, String code, String quizId, int quizVersion, String language,
                              LiveSettings settings, LivePhase phase, int questionIndex, int questionCount,
                              int players, int answered, Instant openedAt, Instant answersOpenAt, Instant deadline,
                              Instant closedAt, Instant createdAt, Instant endedAt, long lastEventId) {

    public static LiveSessionView of(LiveSession session) {
        return new LiveSessionView(session.id(), session.code(), session.quizId(), session.quizVersion(),
                session.language(), session.settings(), session.phase(), session.questionIndex(),
                session.questionCount(), session.players(), session.answered(), session.openedAt(),
                session.answersOpenAt(), session.deadline(), session.closedAt(), session.createdAt(),
                session.endedAt(), session.lastEventId());
    }

    /** The session as its players see it: without the join code. */
    public LiveSessionView withoutCode() {
        return new LiveSessionView(id, null, quizId, quizVersion, language, settings, phase, questionIndex,
                questionCount, players, answered, openedAt, answersOpenAt, deadline, closedAt, createdAt, endedAt,
                lastEventId);
    }

    /** The same view with another count of answers (the exact count, where the view's may lag behind). */
    public LiveSessionView withAnswered(int count) {
        return new LiveSessionView(id, code, quizId, quizVersion, language, settings, phase, questionIndex,
                questionCount, players, count, openedAt, answersOpenAt, deadline, closedAt, createdAt, endedAt,
                lastEventId);
    }
}
