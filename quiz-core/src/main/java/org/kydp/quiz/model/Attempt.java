package org.kydp.quiz.model;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kydp.quiz.internal.Arguments;

/**
 * One play of one quiz version by one player. Immutable: every change returns a new attempt that the
 * engine stores.
 *
 * @param seed        a secret random number that fixes this attempt's shuffles; never shown to the player
 * @param questionIds the questions in the order this attempt serves them
 * @param servedAt    when each question was first served
 * @param answers     the one recorded answer per answered question
 * @param deadline    when the time limit runs out; {@code null} for no limit
 * @param finishedAt  when it was finished; {@code null} while in progress
 */
public record Attempt(
        String id,
        String quizId,
        int quizVersion,
        String playerId,
        long seed,
        List<String> questionIds,
        Instant startedAt,
        Instant deadline,
        Map<String, Instant> servedAt,
        Map<String, RecordedAnswer> answers,
        Instant finishedAt) {

    public Attempt {
        Arguments.required("id", id);
        Arguments.required("quizId", quizId);
        Arguments.required("playerId", playerId);
        Arguments.required("startedAt", startedAt);
        questionIds = List.copyOf(questionIds);
        servedAt = Map.copyOf(servedAt);
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    public static Attempt start(String id, String quizId, int quizVersion, String playerId, long seed,
                                List<String> questionIds, Instant now, Instant deadline) {
        return new Attempt(id, quizId, quizVersion, playerId, seed, questionIds, now, deadline, Map.of(), Map.of(),
                null);
    }

    public AttemptStatus status(Instant now, Duration grace) {
        if (finishedAt != null) {
            return AttemptStatus.FINISHED;
        }
        return isPastDeadline(now, grace) ? AttemptStatus.EXPIRED : AttemptStatus.IN_PROGRESS;
    }

    public boolean isFinished() {
        return finishedAt != null;
    }

    public boolean isPastDeadline(Instant now, Duration grace) {
        return deadline != null && now.isAfter(deadline.plus(grace));
    }

    /** The first question without a recorded answer, in serving order. */
    public Optional<String> currentQuestionId() {
        return questionIds.stream().filter(qid -> !answers.containsKey(qid)).findFirst();
    }

    public int index(String questionId) {
        return questionIds.indexOf(questionId);
    }

    public int score() {
        return answers.values().stream().mapToInt(RecordedAnswer::points).sum();
    }

    public long correctCount() {
        return answers.values().stream().filter(RecordedAnswer::correct).count();
    }

    /** Answers that were submitted in time (late ones count as unanswered). */
    public long answeredCount() {
        return answers.values().stream().filter(a -> !a.isLate()).count();
    }

    public Duration duration() {
        return finishedAt == null ? Duration.ZERO : Duration.between(startedAt, finishedAt);
    }

    @Override
    public String toString() {
        return "Attempt[id=" + id + ", quizId=" + quizId + " v" + quizVersion + ", playerId=" + playerId
                + ", answered=" + answers.size() + "/" + questionIds.size() + ", finishedAt=" + finishedAt + "]";
    }

    public Attempt served(String questionId, Instant at) {
        Map<String, Instant> served = new LinkedHashMap<>(servedAt);
        served.putIfAbsent(questionId, at);
        return new Attempt(id, quizId, quizVersion, playerId, seed, questionIds, startedAt, deadline, served, answers,
                finishedAt);
    }

    public Attempt answered(RecordedAnswer answer) {
        Map<String, RecordedAnswer> recorded = new LinkedHashMap<>(answers);
        recorded.put(answer.questionId(), answer);
        return new Attempt(id, quizId, quizVersion, playerId, seed, questionIds, startedAt, deadline, servedAt, recorded,
                finishedAt);
    }

    public Attempt finished(Instant at) {
        return new Attempt(id, quizId, quizVersion, playerId, seed, questionIds, startedAt, deadline, servedAt, answers, at);
    }
}
