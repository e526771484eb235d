package org.kydp.quiz.live.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.kydp.quiz.live.LiveOptions;
import org.kydp.quiz.live.LiveScheduler;
import org.kydp.quiz.model.LivePhase;
import org.kydp.quiz.model.LiveSession;

/**
 * The timers of one session, run by the server that holds its lease: the open question closes at its deadline,
 * the host is told the number of answers as it grows (at most every {@link LiveOptions#countInterval()}), results
 * advance by themselves when the session says so, and a session in which nothing happens ends after
 * {@link LiveOptions#idleTimeout()}. Armed anew after every change of the session.
 */
public final class SessionTimer {

    /** What the timers do; each move checks, against the session as stored, that it is still due. */
    public interface Moves {
        void closeIfDue(String sessionId, int index);

        void countAnswers(String sessionId, int index);

        void advanceIfDue(String sessionId, int index);

        void endIfIdle(String sessionId, long lastEventId);
    }

    private final String sessionId;
    private final LiveScheduler scheduler;
    private final Clock clock;
    private final LiveOptions options;
    private final Moves moves;
    private final List<LiveScheduler.Scheduled> scheduled = new ArrayList<>();
    private LiveScheduler.Scheduled counting;
    /** The question being counted, or -1: counting goes on through arms for the same question. */
    private int countingIndex = -1;
    private boolean cancelled;

    public SessionTimer(String sessionId, LiveScheduler scheduler, Clock clock, LiveOptions options, Moves moves) {
        this.sessionId = sessionId;
        this.scheduler = scheduler;
        this.clock = clock;
        this.options = options;
        this.moves = moves;
    }

    /**
     * Sets the timers for the session as it is now, replacing those set before. Counting the answers to a question
     * goes on at its own pace through arms for the same question, so that frequent arms (a player joining, a lease
     * renewed) do not postpone it.
     */
    public synchronized void arm(LiveSession session) {
        clearScheduled();
        if (cancelled) {
            return;
        }
        int index = session.questionIndex();
        if (session.phase() != LivePhase.QUESTION || index != countingIndex) {
            stopCounting();
        }
        switch (session.phase()) {
            case QUESTION -> {
                at(session.deadline(), () -> moves.closeIfDue(sessionId, index));
                if (counting == null) {
                    countingIndex = index;
                    countEvery(index);
                }
            }
            case RESULTS -> {
                session.settings().autoAdvance().ifPresent(pause ->
                        at(session.closedAt().plus(pause), () -> moves.advanceIfDue(sessionId, index)));
                idle(session);
            }
            case LOBBY -> idle(session);
            default -> { }
        }
    }

    private void idle(LiveSession session) {
        long lastEventId = session.lastEventId();
        at(session.changedAt().plus(options.idleTimeout()), () -> moves.endIfIdle(sessionId, lastEventId));
    }

    private void countEvery(int index) {
        LiveScheduler.Scheduled[] self = new LiveScheduler.Scheduled[1];
        self[0] = scheduler.schedule(clock.instant().plus(options.countInterval()), () -> {
            moves.countAnswers(sessionId, index);
            synchronized (this) {
                if (!cancelled && counting == self[0]) {
                    countEvery(index);
                }
            }
        });
        counting = self[0];
    }

    private void at(Instant when, Runnable task) {
        scheduled.add(scheduler.schedule(when, task));
    }

    private void clearScheduled() {
        scheduled.forEach(LiveScheduler.Scheduled::cancel);
        scheduled.clear();
    }

    private void stopCounting() {
        if (counting != null) {
            counting.cancel();
            counting = null;
        }
        countingIndex = -1;
    }

    /** Stops every timer for good (the lease is lost or given up). */
    public synchronized void cancel() {
        cancelled = true;
        clearScheduled();
        stopCounting();
    }
}
