package org.kydp.quiz.attempt;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.kydp.quiz.error.AlreadyAnsweredException;
import org.kydp.quiz.error.AttemptFinishedException;
import org.kydp.quiz.error.AttemptsExhaustedException;
import org.kydp.quiz.error.DeadlinePassedException;
import org.kydp.quiz.error.ErrorCode;
import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.error.NotServedException;
import org.kydp.quiz.error.QuizException;
import org.kydp.quiz.internal.StripedLocks;
import org.kydp.quiz.internal.TimeOrderedIds;
import org.kydp.quiz.metrics.EngineMetrics;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.AttemptStatus;
import org.kydp.quiz.model.Grade;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.RecordedAnswer;
import org.kydp.quiz.scoring.AnswerScoring;
import org.kydp.quiz.scoring.Points;
import org.kydp.quiz.stats.Tallies;
import org.kydp.quiz.store.AttemptStore;
import org.kydp.quiz.store.PollStore;
import org.kydp.quiz.store.PollVote;
import org.kydp.quiz.store.QuizStore;
import org.kydp.quiz.store.StaleAttemptException;

/**
 * Plays quizzes: starts attempts, serves questions, records answers and finishes. Changes to one
 * attempt are serialised by a per-attempt lock, so exactly one answer per question is ever recorded.
 * All times are the server's: a question's clock starts when it is first served.
 *
 * <p>Another engine sharing the store (another server on the same database) may change an attempt too, and this
 * engine's store may hear of it a little late. Every request that acts on an attempt therefore goes through
 * {@link #onAttempt}, which makes its reply the one the attempt as stored gives.
 */
public final class AttemptService {

    /** How many times a request is run on an attempt that keeps changing elsewhere before its conflict is reported. */
    private static final int MAX_RUNS = 5;

    private final QuizStore quizzes;
    private final AttemptStore attempts;
    private final PollStore polls;
    private final Clock clock;
    private final SecureRandom random;
    private final Tallies tallies;
    private final FinishListener onFinished;
    private final EngineMetrics metrics;
    private final StripedLocks locks = new StripedLocks(1024);

    /**
     * Told of every finish asked for, once it is stored: {@code now} when the call finished the attempt, false when
     * it was finished already (by an earlier call, or by another engine at the same moment). A finish asked for again
     * is told again, so that what a failure kept from counting it the first time counts it then: a listener counts
     * each attempt once, however often it is told.
     */
    @FunctionalInterface
    public interface FinishListener {
        void finished(Attempt attempt, boolean now);
    }

    /**
     * Plays attempts, telling {@code onFinished} of every finish asked for, once it is stored, and counting each start
     * and finish in the statistics as {@code tallies} says.
     */
    public AttemptService(QuizStore quizzes, AttemptStore attempts, PollStore polls, Clock clock,
                          SecureRandom random, Tallies tallies, FinishListener onFinished) {
        this(quizzes, attempts, polls, clock, random, tallies, onFinished, EngineMetrics.NONE);
    }

    /** As the other constructor, and tells {@code metrics} of every answer recorded in time. */
    public AttemptService(QuizStore quizzes, AttemptStore attempts, PollStore polls, Clock clock,
                          SecureRandom random, Tallies tallies, FinishListener onFinished, EngineMetrics metrics) {
        this.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
        this.quizzes = quizzes;
        this.attempts = attempts;
        this.polls = polls;
        this.clock = clock;
        this.random = random;
        this.tallies = tallies;
        this.onFinished = onFinished;
    }

    public AttemptSummary start(String playerId, Quiz quiz) {
        Instant now = clock.instant();
        Instant deadline = quiz.rules().timeLimit().map(now::plus).orElse(null);
        String id = TimeOrderedIds.next(now.toEpochMilli());
        long seed = random.nextLong();
        Attempt attempt = Attempt.start(id, quiz.id(), quiz.version(), playerId, seed,
                QuestionOrder.of(quiz, seed), now, deadline);
        int allowed = quiz.rules().attemptsAllowed();
        if (!attempts.create(attempt, allowed, tallies.started(attempt))) {
            throw new AttemptsExhaustedException("quiz " + quiz.id() + " allows " + allowed
                    + (allowed == 1 ? " attempt" : " attempts") + " per player");
        }
        return summarise(attempt, quiz, now);
    }

    public AttemptSummary summary(String playerId, String attemptId) {
        Attempt attempt = owned(playerId, attemptId);
        return summarise(attempt, quizOf(attempt), clock.instant());
    }

    /**
     * The first unanswered question, served now if it was not served before; empty when all are answered, the
     * attempt is finished or its time is up. A served question whose time ran out is recorded as missed and the next
     * one is served.
     */
    public Optional<QuestionView> currentQuestion(String playerId, String attemptId) {
        return onAttempt(playerId, attemptId, read -> {
            Attempt attempt = read;
            Quiz quiz = quizOf(attempt);
            Instant now = clock.instant();
            if (attempt.status(now, quiz.rules().gracePeriod()) != AttemptStatus.IN_PROGRESS) {
                return Optional.<QuestionView>empty();
            }
            attempt = recordMissed(attempt, quiz, now);
            Optional<String> current = attempt.currentQuestionId();
            if (current.isPresent() && !attempt.servedAt().containsKey(current.get())) {
                attempts.markServed(attempt, current.get(), now);
                attempt = attempt.served(current.get(), now);
            }
            Attempt served = attempt;
            return current.map(questionId -> view(served, quiz, quiz.question(questionId).orElseThrow()));
        });
    }

    public AnswerResult answer(String playerId, String attemptId, String questionId, Answer answer) {
        return onAttempt(playerId, attemptId, attempt -> {
            Quiz quiz = quizOf(attempt);
            Instant now = clock.instant();
            RecordedAnswer previous = attempt.answers().get(questionId);
            if (previous != null) {
                return repeat(attempt, quiz, previous, answer);
            }
            if (attempt.isFinished()) {
                throw new AttemptFinishedException("attempt " + attemptId + " is finished");
            }
            Question question = quiz.question(questionId)
                    .filter(q -> attempt.questionIds().contains(q.id()))
                    .orElseThrow(() -> new NotFoundException(
                            "question " + questionId + " is not part of attempt " + attemptId));
            Instant servedAt = attempt.servedAt().get(questionId);
            if (servedAt == null) {
                throw new NotServedException("question " + questionId + " has not been served yet: "
                        + "fetch the current question first");
            }
            Instant deadline = deadlineOf(attempt, quiz, question);
            if (deadline != null && now.isAfter(deadline.plus(quiz.rules().gracePeriod()))) {
                attempts.recordAnswer(attempt, RecordedAnswer.late(questionId, now));
                throw new DeadlinePassedException("the time for question " + questionId + " ran out at " + deadline);
            }
            Grade grade = question.grade(answer);
            Points points = new AnswerScoring(quiz.rules().scoring()).score(question, grade,
                    Duration.between(servedAt, now), quiz.rules().timeLimitOf(question).orElse(null),
                    streakBefore(attempt, quiz, questionId));
            RecordedAnswer recorded = new RecordedAnswer(questionId, answer, grade.correct(), points.total(),
                    points.streakBonus(), now);
            PollVote vote = !question.scored() && answer instanceof Answer.Choice choice
                    ? new PollVote(quiz.id(), questionId, choice.optionId()) : null;
            attempts.recordAnswer(attempt, recorded, vote);
            metrics.answerRecorded(question.type(), question.scored() ? grade.correct() : null);
            Attempt updated = attempt.answered(recorded);
            return result(updated, quiz, question, recorded, grade);
        });
    }

    /**
     * Finishes the attempt, or returns it unchanged if it is already finished; either way the finish listener is
     * told. An attempt whose time ran out is finished as of its deadline, with what was answered in time (in the
     * grace period too): its duration is never longer than the time limit.
     */
    public Attempt finish(String playerId, String attemptId) {
        return onAttempt(playerId, attemptId, attempt -> {
            if (attempt.isFinished()) {
                onFinished.finished(attempt, false);
                return attempt;
            }
            Quiz quiz = quizOf(attempt);
            Instant now = clock.instant();
            Instant end = attempt.deadline() != null && now.isAfter(attempt.deadline()) ? attempt.deadline() : now;
            if (!attempts.finish(attempt, end, tallies.finished(attempt.finished(end), quiz))) {
                Attempt stored = current(playerId, attemptId); // finished at the same moment elsewhere: that stands
                onFinished.finished(stored, false);
                return stored;
            }
            Attempt finished = attempt.finished(end);
            onFinished.finished(finished, true);
            return finished;
        });
    }

    public FinishResult finishResult(Attempt finished, ToIntFunction<Attempt> rankOf) {
        Quiz quiz = quizOf(finished);
        Reveal reveal = Reveal.afterFinish(quiz.rules().review());
        List<ReviewItem> review = reveal.anything() ? reviewOf(finished, quiz, reveal) : List.of();
        int maxScore = maxScore(finished, quiz);
        String language = quiz.defaultLanguage();
        return new FinishResult(finished.id(), finished.quizId(), AttemptStatus.FINISHED, finished.score(),
                maxScore, reveal.correctness() ? OptionalInt.of((int) finished.correctCount()) : OptionalInt.empty(),
                (int) finished.answeredCount(),
                finished.questionIds().size(), finished.duration(), rankOf.applyAsInt(finished),
                quiz.feedbackFor(finished.score(), maxScore).withDefaultLanguage(language), review, languagesOf(quiz));
    }

    public Attempt owned(String playerId, String attemptId) {
        return attempts.find(attemptId)
                .filter(a -> a.playerId().equals(playerId))
                .orElseThrow(() -> new NotFoundException("attempt " + attemptId + " not found"));
    }

    /** The attempt as stored now, past what the store keeps (see {@link AttemptStore#findCurrent}). */
    private Attempt current(String playerId, String attemptId) {
        return attempts.findCurrent(attemptId)
                .filter(a -> a.playerId().equals(playerId))
                .orElseThrow(() -> new NotFoundException("attempt " + attemptId + " not found"));
    }

    /**
     * Runs a request on the player's attempt, under the attempt's lock, so that its reply is the one the attempt as
     * stored gives. The attempt the store reads may be behind a change made through another engine, by the delay
     * with which the store hears of it. A write based on such an attempt is refused by the store
     * ({@link StaleAttemptException}), and a refusal the request makes (not served yet, finished …) may rest on it:
     * either way the attempt is read again as stored and the request run again on it, and a refusal stands only once
     * the attempt as stored gives it too. Invalid input is refused as it is. On a store that is the only writer of
     * its data, reading again returns the same attempt from memory, and nothing is run twice.
     */
    private <T> T onAttempt(String playerId, String attemptId, Function<Attempt, T> request) {
        return locks.withLock(attemptId, () -> {
            Attempt attempt = owned(playerId, attemptId);
            for (int run = 1; ; run++) {
                try {
                    return request.apply(attempt);
                } catch (StaleAttemptException stale) {
                    if (run == MAX_RUNS) {
                        throw stale;
                    }
                    attempt = current(playerId, attemptId);
                } catch (QuizException refusal) {
                    if (refusal.code() == ErrorCode.VALIDATION || run == MAX_RUNS) {
                        throw refusal;
                    }
                    Attempt current = current(playerId, attemptId);
                    if (current == attempt || current.equals(attempt)) {
                        throw refusal;
                    }
                    attempt = current;
                }
            }
        });
    }

    public Quiz quizOf(Attempt attempt) {
        return quizzes.find(attempt.quizId(), attempt.quizVersion())
                .orElseThrow(() -> new IllegalStateException("attempt " + attempt.id() + " refers to missing quiz "
                        + attempt.quizId() + " v" + attempt.quizVersion()));
    }

    /** Records as missed every served question whose own time ran out unanswered. */
    private Attempt recordMissed(Attempt attempt, Quiz quiz, Instant now) {
        Optional<String> current = attempt.currentQuestionId();
        while (current.isPresent() && attempt.servedAt().containsKey(current.get())) {
            Instant deadline = deadlineOf(attempt, quiz, quiz.question(current.get()).orElseThrow());
            if (deadline == null || !now.isAfter(deadline.plus(quiz.rules().gracePeriod()))) {
                break;
            }
            RecordedAnswer missed = RecordedAnswer.late(current.get(), now);
            attempts.recordAnswer(attempt, missed);
            attempt = attempt.answered(missed);
            current = attempt.currentQuestionId();
        }
        return attempt;
    }

    /** The earlier of the question's own deadline (from its first serving) and the attempt's; null if neither. */
    private static Instant deadlineOf(Attempt attempt, Quiz quiz, Question question) {
        Instant servedAt = attempt.servedAt().get(question.id());
        Instant questionDeadline = servedAt == null ? null
                : quiz.rules().timeLimitOf(question).map(servedAt::plus).orElse(null);
        if (questionDeadline == null) {
            return attempt.deadline();
        }
        return attempt.deadline() == null || questionDeadline.isBefore(attempt.deadline())
                ? questionDeadline : attempt.deadline();
    }

    /** Right answers in a row just before this question, in serving order; polls neither count nor break it. */
    private static int streakBefore(Attempt attempt, Quiz quiz, String questionId) {
        int streak = 0;
        for (String id : attempt.questionIds()) {
            if (id.equals(questionId)) {
                break;
            }
            if (!quiz.question(id).orElseThrow().scored()) {
                continue;
            }
            RecordedAnswer recorded = attempt.answers().get(id);
            streak = recorded != null && recorded.correct() ? streak + 1 : 0;
        }
        return streak;
    }

    private QuestionView view(Attempt attempt, Quiz quiz, Question question) {
        return QuestionView.of(question, quiz.rules(), attempt.seed(), attempt.index(question.id()),
                attempt.questionIds().size(), quiz.rules().timeLimitOf(question).orElse(null),
                deadlineOf(attempt, quiz, question), languagesOf(quiz));
    }

    private AnswerResult repeat(Attempt attempt, Quiz quiz, RecordedAnswer previous, Answer answer) {
        if (previous.isLate()) {
            throw new DeadlinePassedException("question " + previous.questionId() + " was not answered in time");
        }
        if (!previous.answer().equals(answer)) {
            throw new AlreadyAnsweredException("question " + previous.questionId()
                    + " already has a different answer");
        }
        Question question = quiz.question(previous.questionId()).orElseThrow();
        return result(attempt, quiz, question, previous, question.grade(answer));
    }

    private AnswerResult result(Attempt attempt, Quiz quiz, Question question, RecordedAnswer recorded, Grade grade) {
        Reveal reveal = Reveal.afterAnswer(quiz.rules().review());
        Map<String, Long> votes = question.scored() ? Map.of() : polls.votes(quiz.id(), question.id());
        String language = quiz.defaultLanguage();
        return new AnswerResult(question.id(), question.type(), (int) attempt.answeredCount(),
                attempt.questionIds().size(),
                reveal.correctness() && question.scored() ? Optional.of(recorded.correct()) : Optional.empty(),
                reveal.points() ? OptionalInt.of(recorded.points()) : OptionalInt.empty(),
                reveal.points() ? OptionalInt.of(recorded.streakBonus()) : OptionalInt.empty(),
                reveal.points() ? OptionalInt.of(attempt.score()) : OptionalInt.empty(),
                reveal.feedback() ? grade.feedback().withDefaultLanguage(language) : LocalizedText.empty(),
                reveal.explanation() ? question.explanation().withDefaultLanguage(language) : LocalizedText.empty(),
                reveal.correctAnswer() ? question.correctAnswer() : Optional.empty(),
                votes, languagesOf(quiz));
    }

    private AttemptSummary summarise(Attempt attempt, Quiz quiz, Instant now) {
        AttemptStatus status = attempt.status(now, quiz.rules().gracePeriod());
        boolean scoreVisible = status == AttemptStatus.FINISHED || Reveal.afterAnswer(quiz.rules().review()).points();
        return new AttemptSummary(attempt.id(), attempt.quizId(), attempt.quizVersion(), status,
                (int) attempt.answeredCount(), attempt.questionIds().size(),
                scoreVisible ? OptionalInt.of(attempt.score()) : OptionalInt.empty(), maxScore(attempt, quiz),
                attempt.startedAt(), Optional.ofNullable(attempt.deadline()),
                Optional.ofNullable(attempt.finishedAt()));
    }

    private static int maxScore(Attempt attempt, Quiz quiz) {
        return attempt.questionIds().stream()
                .map(id -> quiz.question(id).orElseThrow())
                .filter(Question::scored)
                .mapToInt(Question::points)
                .sum();
    }

    private List<ReviewItem> reviewOf(Attempt attempt, Quiz quiz, Reveal reveal) {
        String language = quiz.defaultLanguage();
        List<ReviewItem> items = new ArrayList<>();
        for (String questionId : attempt.questionIds()) {
            Question question = quiz.question(questionId).orElseThrow();
            RecordedAnswer recorded = attempt.answers().get(questionId);
            Optional<Answer> given = Optional.ofNullable(recorded).map(RecordedAnswer::answer);
            LocalizedText feedback = given.map(answer -> question.grade(answer).feedback())
                    .orElse(LocalizedText.empty());
            items.add(new ReviewItem(questionId, attempt.index(questionId), question.type(),
                    question.text().withDefaultLanguage(language), given,
                    reveal.correctness() && question.scored()
                            ? Optional.of(recorded != null && recorded.correct()) : Optional.empty(),
                    reveal.points() ? OptionalInt.of(recorded == null ? 0 : recorded.points()) : OptionalInt.empty(),
                    question.scored() ? question.points() : 0,
                    reveal.feedback() ? feedback.withDefaultLanguage(language) : LocalizedText.empty(),
                    reveal.explanation() ? question.explanation().withDefaultLanguage(language)
                            : LocalizedText.empty(),
                    question.source(),
                    reveal.correctAnswer() ? question.correctAnswer() : Optional.empty()));
        }
        return items;
    }

    private static Languages languagesOf(Quiz quiz) {
        return Languages.of(quiz);
    }
}
