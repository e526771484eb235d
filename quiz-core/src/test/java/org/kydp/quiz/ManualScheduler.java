package org.kydp.quiz;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

import org.kydp.quiz.live.LiveScheduler;

/**
 * A scheduler for tests: tasks run on the test's thread when the test moves the clock past them, in time order, as
 * the clock passes each one. Thread-safe to schedule on.
 */
public final class ManualScheduler implements LiveScheduler {

    private final MutableClock clock;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long sequence;
    private boolean closed;

    public ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    private static final class Task implements Comparable<Task>, Scheduled {
        final Instant at;
        final long order;
        final Runnable action;
        volatile boolean cancelled;

        Task(Instant at, long order, Runnable action) {
            this.at = at;
            this.order = order;
            this.action = action;
        }

        @Override
        public int compareTo(Task other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public synchronized Scheduled schedule(Instant at, Runnable action) {
        Task task = new Task(at, sequence++, action);
        if (!closed) {
            tasks.add(task);
        }
        return task;
    }

    /** Runs the tasks due now (and those they schedule for now). */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves the clock forward, running each task when the clock reaches it. */
    public void advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.at.isAfter(end)) {
                    break;
                }
                tasks.poll();
            }
            if (next.at.isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), next.at));
            }
            if (!next.cancelled) {
                next.action.run();
            }
        }
        if (end.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), end));
        }
    }

    /** Tasks waiting, cancelled ones aside. */
    public synchronized long pending() {
        return tasks.stream().filter(task -> !task.cancelled).count();
    }

    @Override
    public synchronized void close() {
        closed = true;
        tasks.clear();
    }
}
