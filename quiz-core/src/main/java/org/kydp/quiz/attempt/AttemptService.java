package org.kydp.quiz.attempt;

import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.AttemptStatus;
import org.kydp.quiz.model.RecordedAnswer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import org.kydp.quiz.error.AlreadyAnsweredException;
import org.kydp.quiz.error.AttemptFinishedException;
import org.kydp.quiz.error.AttemptsExhaustedException;
import org.kydp.quiz.error.DeadlinePassedException;
import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.error.NotServedException;
import org.kydp.quiz.internal.StripedLocks;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Grade;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.ReviewPolicy;
import org.kydp.quiz.scoring.ScoringPolicy;
import org.kydp.quiz.store.AttemptStore;
import org.kydp.quiz.store.QuizStore;

/**
 * Plays quizzes: starts attempts, serves questions, records answers and finishes. Changes to one
 * attempt are serialised by a per-attempt lock, so exactly one answer per question is ever recorded.
 */
public final class AttemptService {

    private final QuizStore quizzes;
    private final AttemptStore attempts;
    private final ScoringPolicy scoring;
    private final Clock clock;
    private final Consumer<Attempt> onFinished;
    private final StripedLocks locks = new StripedLocks(1024);

    /**
     * @param onFinished told of each attempt once, when it finishes (after it is stored, under the attempt's lock),
     *                   e.g. to update the leaderboards
     */
    public AttemptService(QuizStore quizzes, AttemptStore attempts, ScoringPolicy scoring, Clock clock,
                          Consumer<Attempt> onFinished) {
        this.quizzes = quizzes;
        this.attempts = attempts;
        this.scoring = scoring;
        this.clock = clock;
        this.onFinished = onFinished;
    }

    public AttemptSummary start(String playerId, Quiz quiz) {
        return locks.withLock("start\n" + playerId + '\n' + quiz.id(), () -> {
            int allowed = quiz.rules().attemptsAllowed();
            if (allowed > 0 && attempts.countFor(playerId, quiz.id()) >= allowed) {
                throw new AttemptsExhaustedException("quiz " + quiz.id() + " allows " + allowed
                        + (allowed == 1 ? " attempt" : " attempts") + " per player");
            }
            Instant now = clock.instant();
            Instant deadline = quiz.rules().timeLimitIfAny().map(now::plus).orElse(null);
            List<String> order = quiz.questions().stream().map(Question::id).toList();
            Attempt attempt = Attempt.start(UUID.randomUUID().toString(), quiz.id(), quiz.version(), playerId,
                    order, now, deadline);
            attempts.save(attempt);
            return summarise(attempt, quiz, now);
        });
    }

    public AttemptSummary summary(String playerId, String attemptId) {
        Attempt attempt = owned(playerId, attemptId);
        return summarise(attempt, quizOf(attempt), clock.instant());
    }

    /** The first unanswered question, served now if it was not served before; empty when all are answered. */
    public Optional<QuestionView> currentQuestion(String playerId, String attemptId) {
        return locks.withLock(attemptId, () -> {
            Attempt attempt = owned(playerId, attemptId);
            Quiz quiz = quizOf(attempt);
            Instant now = clock.instant();
            requireOpen(attempt, quiz, now);
            Optional<String> current = attempt.currentQuestionId();
            if (current.isEmpty()) {
                return Optional.empty();
            }
            String questionId = current.get();
            if (!attempt.servedAt().containsKey(questionId)) {
                attempt = attempt.served(questionId, now);
                attempts.save(attempt);
            }
            Question question = quiz.question(questionId).orElseThrow();
            return Optional.of(new QuestionView(question.id(), attempt.index(questionId),
                    attempt.questionIds().size(), question.type(), question.text(), question.choices(),
                    question.points(), attempt.deadline(), languagesOf(quiz)));
        });
    }

    public AnswerResult answer(String playerId, String attemptId, String questionId, Answer answer) {
        return locks.withLock(attemptId, () -> {
            Attempt attempt = owned(playerId, attemptId);
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
            if (!attempt.servedAt().containsKey(questionId)) {
                throw new NotServedException("question " + questionId + " has not been served yet: "
                        + "fetch the current question first");
            }
            if (attempt.isPastDeadline(now, quiz.rules().gracePeriod())) {
                attempts.save(attempt.answered(RecordedAnswer.late(questionId, now)));
                throw new DeadlinePassedException("the time limit of attempt " + attemptId + " has passed");
            }
            Grade grade = question.grade(answer);
            RecordedAnswer recorded = new RecordedAnswer(questionId, answer, grade.correct(),
                    scoring.points(question, grade), now);
            Attempt updated = attempt.answered(recorded);
            attempts.save(updated);
            return result(updated, quiz, question, recorded, grade);
        });
    }

    /**
     * Finishes the attempt, or returns the same result if it is already finished. An attempt whose time ran
     * out is finished as of its deadline, with what was answered in time. Only the first call tells the
     * {@code onFinished} listener.
     */
    public Attempt finish(String playerId, String attemptId) {
        return locks.withLock(attemptId, () -> {
            Attempt attempt = owned(playerId, attemptId);
            if (attempt.isFinished()) {
                return attempt;
            }
            Quiz quiz = quizOf(attempt);
            Instant now = clock.instant();
            Instant end = attempt.isPastDeadline(now, quiz.rules().gracePeriod()) ? attempt.deadline() : now;
            Attempt finished = attempt.finished(end);
            attempts.save(finished);
            onFinished.accept(finished);
            return finished;
        });
    }

    public FinishResult finishResult(Attempt finished, ToIntFunction<Attempt> rankOf) {
        Quiz quiz = quizOf(finished);
        List<ReviewItem> review = quiz.rules().review() == ReviewPolicy.NEVER
                ? List.of()
                : reviewOf(finished, quiz);
        return new FinishResult(finished.id(), finished.quizId(), AttemptStatus.FINISHED, finished.score(),
                quiz.maxScore(), (int) finished.correctCount(), (int) finished.answeredCount(),
                finished.questionIds().size(), finished.duration(), rankOf.applyAsInt(finished), review,
                languagesOf(quiz));
    }

    public Attempt owned(String playerId, String attemptId) {
        return attempts.find(attemptId)
                .filter(a -> a.playerId().equals(playerId))
                .orElseThrow(() -> new NotFoundException("attempt " + attemptId + " not found"));
    }

    public Quiz quizOf(Attempt attempt) {
        return quizzes.find(attempt.quizId(), attempt.quizVersion())
                .orElseThrow(() -> new IllegalStateException("attempt " + attempt.id() + " refers to missing quiz "
                        + attempt.quizId() + " v" + attempt.quizVersion()));
    }

    private void requireOpen(Attempt attempt, Quiz quiz, Instant now) {
        if (attempt.isFinished()) {
            throw new AttemptFinishedException("attempt " + attempt.id() + " is finished");
        }
        if (attempt.isPastDeadline(now, quiz.rules().gracePeriod())) {
            throw new DeadlinePassedException("the time limit of attempt " + attempt.id() + " has passed");
        }
    }

    private AnswerResult repeat(Attempt attempt, Quiz quiz, RecordedAnswer previous, Answer answer) {
        if (previous.isLate()) {
            throw new DeadlinePassedException("question " + previous.questionId() + " was answered too late");
        }
        if (!previous.answer().equals(answer)) {
            throw new AlreadyAnsweredException("question " + previous.questionId()
                    + " already has a different answer");
        }
        Question question = quiz.question(previous.questionId()).orElseThrow();
        return result(attempt, quiz, question, previous, question.grade(answer));
    }

    private AnswerResult result(Attempt attempt, Quiz quiz, Question question, RecordedAnswer recorded,
                                Grade grade) {
        int answered = (int) attempt.answeredCount();
        int count = attempt.questionIds().size();
        if (quiz.rules().review() != ReviewPolicy.AFTER_EACH_ANSWER) {
            return new AnswerResult(question.id(), answered, count, false, null, null, null, null, null, null,
                    languagesOf(quiz));
        }
        return new AnswerResult(question.id(), answered, count, true, recorded.correct(), recorded.points(),
                attempt.score(), grade.feedback(), question.explanation(), question.correctAnswer(),
                languagesOf(quiz));
    }

    private AttemptSummary summarise(Attempt attempt, Quiz quiz, Instant now) {
        AttemptStatus status = attempt.status(now, quiz.rules().gracePeriod());
        boolean scoreVisible = status == AttemptStatus.FINISHED
                || quiz.rules().review() == ReviewPolicy.AFTER_EACH_ANSWER;
        return new AttemptSummary(attempt.id(), attempt.quizId(), attempt.quizVersion(), status,
                (int) attempt.answeredCount(), attempt.questionIds().size(),
                scoreVisible ? attempt.score() : null, quiz.maxScore(), attempt.startedAt(), attempt.deadline(),
                attempt.finishedAt());
    }

    private List<ReviewItem> reviewOf(Attempt attempt, Quiz quiz) {
        return attempt.questionIds().stream().map(questionId -> {
            Question question = quiz.question(questionId).orElseThrow();
            RecordedAnswer recorded = attempt.answers().get(questionId);
            Answer given = recorded == null ? null : recorded.answer();
            Grade grade = given == null ? null : question.grade(given);
            return new ReviewItem(questionId, attempt.index(questionId), question.text(), given,
                    recorded != null && recorded.correct(), recorded == null ? 0 : recorded.points(),
                    question.points(), grade == null ? null : grade.feedback(), question.explanation(),
                    question.source(), question.correctAnswer());
        }).toList();
    }

    private static Languages languagesOf(Quiz quiz) {
        return new Languages(quiz.defaultLanguage(), quiz.languages());
    }
}
