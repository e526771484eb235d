package org.kydp.quiz.stats;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.LiveAnswer;
import org.kydp.quiz.model.LiveFact;
import org.kydp.quiz.model.LivePhase;
import org.kydp.quiz.model.LivePlayer;
import org.kydp.quiz.model.LiveSession;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.RecordedAnswer;
import org.kydp.quiz.store.LiveStore;
import org.kydp.quiz.store.QuizStore;
import org.kydp.quiz.store.RunningSums;

/**
 * The per-question statistics of one live session, summed from its answers when asked: a session is small enough
 * (its players times its questions) to be summed on demand. Each player counts as one attempt at the questions shown
 * while they took part, so the figures mean what they mean for a quiz: an answer the time ran out on is timed out,
 * the question still open when asked counts the players who have not answered yet as skipped.
 */
public final class LiveStatistics {

    private final LiveStore live;
    private final QuizStore quizzes;
    private final Tallies tallies;

    public LiveStatistics(LiveStore live, QuizStore quizzes, Tallies tallies) {
        this.live = live;
        this.quizzes = quizzes;
        this.tallies = tallies;
    }

    List<QuestionStatistics> of(String sessionId) {
        LiveSession session = live.find(sessionId)
                .orElseThrow(() -> new NotFoundException("live session " + sessionId + " not found"));
        Quiz quiz = quizzes.find(session.quizId(), session.quizVersion()).orElseThrow(() -> new IllegalStateException(
                "live session " + sessionId + " refers to missing quiz " + session.quizId()));
        Map<Integer, Instant> opened = new HashMap<>();
        for (LiveFact fact : live.facts(sessionId, 0)) {
            if (fact instanceof LiveFact.Opened open) {
                opened.put(open.index(), open.answersOpenAt());
            }
        }
        Map<Integer, Map<Integer, LiveAnswer>> answers = new HashMap<>(); // ordinal -> index -> answer
        for (int index : opened.keySet()) {
            for (LiveAnswer answer : live.answers(sessionId, index)) {
                answers.computeIfAbsent(answer.ordinal(), k -> new HashMap<>()).put(index, answer);
            }
        }
        RunningSums sums = new RunningSums();
        Instant now = session.changedAt() != null ? session.changedAt() : Instant.EPOCH;
        for (LivePlayer player : live.players(sessionId, 0)) {
            if (!player.isRemoved()) {
                sums.add(tallies.finished(asAttempt(session, player, opened,
                        answers.getOrDefault(player.ordinal(), Map.of()), now), quiz), false);
            }
        }
        return Figures.questions(sums.read(session.quizId(), OptionalInt.empty(), Long.MIN_VALUE, Long.MAX_VALUE),
                id -> quiz.question(id).orElse(null));
    }

    /** A player of the session as an attempt at the questions opened so far. */
    private static Attempt asAttempt(LiveSession session, LivePlayer player, Map<Integer, Instant> opened,
                                     Map<Integer, LiveAnswer> answers, Instant now) {
        List<String> shown = session.questionIds().subList(0, Math.min(session.questionIds().size(),
                opened.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1));
        Attempt attempt = Attempt.start(session.id() + "/" + player.ordinal(), session.quizId(),
                session.quizVersion(), player.id(), 0, shown, session.createdAt(), null);
        for (int index = 0; index < shown.size(); index++) {
            String questionId = shown.get(index);
            Instant openedAt = opened.get(index);
            if (openedAt == null) {
                continue;
            }
            attempt = attempt.served(questionId, openedAt);
            LiveAnswer answer = answers.get(index);
            boolean stillOpen = index == session.questionIndex() && session.phase() == LivePhase.QUESTION;
            if (answer != null) {
                attempt = attempt.answered(new RecordedAnswer(questionId, answer.answer(), answer.correct(),
                        answer.points(), answer.streakBonus(), answer.at()));
            } else if (!stillOpen) {
                attempt = attempt.answered(RecordedAnswer.late(questionId, openedAt));
            }
        }
        return attempt.finished(now);
    }
}
