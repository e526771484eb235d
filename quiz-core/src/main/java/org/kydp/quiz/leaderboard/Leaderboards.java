package org.kydp.quiz.leaderboard;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

import org.kydp.quiz.leaderboard.internal.Board;
import org.kydp.quiz.leaderboard.internal.QuizBoards;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.AttemptGrading;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.store.AttemptStore;
import org.kydp.quiz.store.FinishedResult;
import org.kydp.quiz.store.PlayerStore;
import org.kydp.quiz.store.QuizStore;

/**
 * Every quiz's leaderboards, kept as indexes rather than computed per request: each (quiz, window) has a
 * {@link Board}, an order-statistic tree updated once per finished attempt. A player is ranked once per board,
 * under the grade that the quiz's rule ({@link AttemptGrading}, from the quiz's latest version) gives their finished
 * attempts: score descending, then duration ascending, then earlier finish; equal score and duration share a rank
 * and the next rank skips (1, 2, 2, 4). Windows: all time, today and this week (from Monday) in the engine's zone.
 *
 * <p>The boards live in memory. {@link #rebuild()} fills them from the store's finished attempts, which the engine
 * does at start and after its store may have missed changes made elsewhere; grading is order-independent, so a
 * rebuilt board equals the board kept up to date live. Republishing a quiz under another grading rule rebuilds that
 * quiz's boards from its finished attempts ({@link #regrade}).
 *
 * <p>A finish is counted once, however often it is recorded ({@link QuizBoards#record}): the engine records it again
 * whenever a finish of it is asked for, so that one whose recording failed counts then. A rebuild fills new boards
 * aside while readers go on reading the current ones, and finishes recorded meanwhile go into both; then, under a
 * lock that holds off recording for that moment, it gives the new boards what was recorded meanwhile and puts them
 * in place of the current ones, quiz by quiz. Readers never see a board empty or half filled, and a finish recorded
 * during the rebuild, which its scan of the store may have read too, counts once.
 */
public final class Leaderboards {

    private final QuizStore quizzes;
    private final AttemptStore attempts;
    private final PlayerStore players;
    private final Clock clock;
    private final ZoneId zone;
    private final ConcurrentMap<String, QuizBoards> byQuiz = new ConcurrentHashMap<>();
    /** Held (shared) while a finish is recorded, and alone while a rebuild puts its boards in place. */
    private final ReentrantReadWriteLock placing = new ReentrantReadWriteLock();
    /** The rebuilds running, each with the finishes recorded since it began. */
    private final List<Rebuild> rebuilds = new CopyOnWriteArrayList<>();
    /** One rebuild or regrade at a time. */
    private final Object rebuilding = new Object();

    public Leaderboards(QuizStore quizzes, AttemptStore attempts, PlayerStore players, Clock clock, ZoneId zone) {
        this.quizzes = quizzes;
        this.attempts = attempts;
        this.players = players;
        this.clock = clock;
        this.zone = zone;
    }

    /** Fills new boards from the finished attempts in the store and puts them in place of the current ones. */
    public void rebuild() {
        synchronized (rebuilding) {
            Rebuild rebuild = begin(quizId -> true);
            try {
                attempts.forEachFinishedResult(players,
                        result -> recordIn(rebuild.boards.computeIfAbsent(result.quizId(), this::newBoards), result));
            } catch (RuntimeException e) {
                rebuilds.remove(rebuild);
                throw e;
            }
            place(rebuild, true);
        }
    }

    /**
     * Counts a finished attempt on its quiz's boards. Counting an attempt again changes nothing, so the engine
     * records a finish each time it is asked for.
     */
    public void record(Attempt finished) {
        FinishedResult result = FinishedResult.of(finished,
                players.find(finished.playerId()).map(Player::name).orElse(null));
        placing.readLock().lock();
        try {
            recordIn(byQuiz.computeIfAbsent(finished.quizId(), this::newBoards), result);
            for (Rebuild rebuild : rebuilds) {
                rebuild.recordedMeanwhile(result);
            }
        } finally {
            placing.readLock().unlock();
        }
    }

    /** Re-ranks the quiz from its finished attempts if its latest version grades attempts by another rule. */
    public void regrade(String quizId) {
        synchronized (rebuilding) {
            QuizBoards current = byQuiz.get(quizId);
            if (current == null || current.grading() == gradingOf(quizId)) {
                return;
            }
            Rebuild rebuild = begin(quizId::equals);
            try {
                QuizBoards fresh = rebuild.boards.computeIfAbsent(quizId, this::newBoards);
                for (Attempt attempt : attempts.finished(quizId)) {
                    recordIn(fresh, attempt);
                }
            } catch (RuntimeException e) {
                rebuilds.remove(rebuild);
                throw e;
            }
            place(rebuild, false);
        }
    }

    private Rebuild begin(Predicate<String> quizzesRebuilt) {
        Rebuild rebuild = new Rebuild(quizzesRebuilt);
        rebuilds.add(rebuild);
        return rebuild;
    }

    /**
     * Gives the rebuilt boards the finishes recorded since the rebuild began, and puts them in place; with
     * {@code everyQuiz}, drops the boards of quizzes the rebuild found no finish of.
     */
    private void place(Rebuild rebuild, boolean everyQuiz) {
        placing.writeLock().lock();
        try {
            rebuilds.remove(rebuild);
            for (FinishedResult result : rebuild.meanwhile) {
                recordIn(rebuild.boards.computeIfAbsent(result.quizId(), this::newBoards), result);
            }
            byQuiz.putAll(rebuild.boards);
            if (everyQuiz) {
                byQuiz.keySet().retainAll(rebuild.boards.keySet());
            }
        } finally {
            placing.writeLock().unlock();
        }
    }

    /** Boards being filled aside, and the finishes of their quizzes recorded while they are. */
    private static final class Rebuild {
        final Map<String, QuizBoards> boards = new HashMap<>();
        final Queue<FinishedResult> meanwhile = new ConcurrentLinkedQueue<>();
        final Predicate<String> quizzes;

        Rebuild(Predicate<String> quizzes) {
            this.quizzes = quizzes;
        }

        void recordedMeanwhile(FinishedResult result) {
            if (quizzes.test(result.quizId())) {
                meanwhile.add(result);
            }
        }
    }

    /** Up to {@code limit} entries from position {@code offset} (0 is the top) and how many players are ranked. */
    public LeaderboardPage page(String quizId, Window window, int limit, int offset) {
        Board board = board(quizId, window);
        return board == null ? new LeaderboardPage(quizId, 0, List.of()) : board.page(quizId, limit, offset);
    }

    /** The player's rank, or 0 if they have no finished attempt at the quiz in the window. */
    public int rankOf(String quizId, Window window, String playerId) {
        Board board = board(quizId, window);
        return board == null ? 0 : board.rankOf(playerId);
    }

    /** The player's entry with up to {@code around} neighbours above and below; empty if not ranked. */
    public Optional<AroundMe> around(String quizId, Window window, String playerId, int around) {
        Board board = board(quizId, window);
        return board == null ? Optional.empty() : board.around(quizId, playerId, around);
    }

    private Board board(String quizId, Window window) {
        QuizBoards boards = byQuiz.get(quizId);
        return boards == null ? null : boards.board(window, clock.instant());
    }

    private void recordIn(QuizBoards boards, Attempt finished) {
        recordIn(boards, FinishedResult.of(finished, players.find(finished.playerId()).map(Player::name).orElse(null)));
    }

    private void recordIn(QuizBoards boards, FinishedResult result) {
        boards.record(result.attemptId(), result.playerId(), result.playerName() == null ? "?" : result.playerName(), result.score(),
                result.duration().toMillis(), result.finishedAt(), clock.instant());
    }

    private QuizBoards newBoards(String quizId) {
        return new QuizBoards(gradingOf(quizId), zone);
    }

    private AttemptGrading gradingOf(String quizId) {
        return quizzes.latest(quizId).map(quiz -> quiz.rules().grading()).orElse(AttemptGrading.HIGHEST);
    }
}
