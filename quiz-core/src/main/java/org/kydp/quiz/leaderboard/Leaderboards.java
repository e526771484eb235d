package org.kydp.quiz.leaderboard;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

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
 * does at start; grading is order-independent, so a rebuilt board equals the board kept up to date live.
 * Republishing a quiz under another grading rule rebuilds that quiz's boards from its finished attempts; while
 * that runs, the quiz's boards are being refilled and an attempt finishing at that moment may be counted twice
 * under the average rule until the next start.
 */
public final class Leaderboards {

    private final QuizStore quizzes;
    private final AttemptStore attempts;
    private final PlayerStore players;
    private final Clock clock;
    private final ZoneId zone;
    private final ConcurrentMap<String, QuizBoards> byQuiz = new ConcurrentHashMap<>();

    public Leaderboards(QuizStore quizzes, AttemptStore attempts, PlayerStore players, Clock clock, ZoneId zone) {
        this.quizzes = quizzes;
        this.attempts = attempts;
        this.players = players;
        this.clock = clock;
        this.zone = zone;
    }

    /** Drops every board and refills them from the finished attempts in the store. */
    public void rebuild() {
        byQuiz.clear();
        attempts.forEachFinishedResult(players,
                result -> recordIn(byQuiz.computeIfAbsent(result.quizId(), this::newBoards), result));
    }

    /** Counts a finished attempt on its quiz's boards. Call it once per attempt, when it finishes. */
    public void record(Attempt finished) {
        QuizBoards boards = byQuiz.computeIfAbsent(finished.quizId(), this::newBoards);
        recordIn(boards, finished);
    }

    /** Re-ranks the quiz from its finished attempts if its latest version grades attempts by another rule. */
    public void regrade(String quizId) {
        QuizBoards current = byQuiz.get(quizId);
        if (current == null || current.grading() == gradingOf(quizId)) {
            return;
        }
        QuizBoards fresh = newBoards(quizId);
        byQuiz.put(quizId, fresh);
        for (Attempt attempt : attempts.finished(quizId)) {
            recordIn(fresh, attempt);
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
        boards.record(result.playerId(), result.playerName() == null ? "?" : result.playerName(), result.score(),
                result.duration().toMillis(), result.finishedAt(), clock.instant());
    }

    private QuizBoards newBoards(String quizId) {
        return new QuizBoards(gradingOf(quizId), zone);
    }

    private AttemptGrading gradingOf(String quizId) {
        return quizzes.latest(quizId).map(quiz -> quiz.rules().grading()).orElse(AttemptGrading.HIGHEST);
    }
}
