package org.kydp.quiz.live;

import java.time.Instant;
import java.util.Optional;

import org.kydp.quiz.model.LivePhase;
import org.kydp.quiz.model.LiveSession;
import org.kydp.quiz.model.LiveSettings;

/**
 * A live session as its host sees it. No component is ever null.
 *
 * @param code          the join code; empty in the view its players get
 * @param language      the session's language; empty for the quiz's default
 * @param questionIndex the question open or last closed; -1 in the lobby
 * @param answered      answers to the current question counted so far
 * @param openedAt      when the current question was shown; empty in the lobby
 * @param answersOpenAt when answers to it are taken from (after the reading time); empty in the lobby
 * @param deadline      when answers to it stop being taken; empty in the lobby
 * @param closedAt      when it closed; empty while it is open, and in the lobby
 * @param endedAt       when the session ended; empty until then
 */
public record LiveSessionView(String id, Optional<String> code, String quizId, int quizVersion,
                              Optional<String> language, LiveSettings settings, LivePhase phase, int questionIndex,
                              int questionCount, int players, int answered, Optional<Instant> openedAt,
                              Optional<Instant> answersOpenAt, Optional<Instant> deadline, Optional<Instant> closedAt,
                              Instant createdAt, Optional<Instant> endedAt, long lastEventId) {

    public static LiveSessionView of(LiveSession session) {
        return new LiveSessionView(session.id(), Optional.ofNullable(session.code()), session.quizId(),
                session.quizVersion(), Optional.ofNullable(session.language()), session.settings(), session.phase(),
                session.questionIndex(), session.questionCount(), session.players(), session.answered(),
                Optional.ofNullable(session.openedAt()), Optional.ofNullable(session.answersOpenAt()),
                Optional.ofNullable(session.deadline()), Optional.ofNullable(session.closedAt()), session.createdAt(),
                Optional.ofNullable(session.endedAt()), session.lastEventId());
    }

    /** The session as its players see it: without the join code. */
    public LiveSessionView withoutCode() {
        return new LiveSessionView(id, Optional.empty(), quizId, quizVersion, language, settings, phase, questionIndex,
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
