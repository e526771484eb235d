package org.kydp.quiz.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the timers of live sessions (a question closing at its deadline, results advancing by themselves, leases
 * renewed) at instants of the engine's clock. A port, so that tests run the timers by moving a clock.
 */
public interface LiveScheduler extends AutoCloseable {

    /** Runs the task at (or soon after) the instant; returns a handle that cancels it. */
    Scheduled schedule(Instant at, Runnable task);

    /** Stops running tasks. */
    @Override
    void close();

    /** A task to come. */
    interface Scheduled {
        void cancel();
    }

    /** Timers on one daemon thread, on the system's time: an instant is turned into a delay on {@code clock}. */
    static LiveScheduler system(Clock clock) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kydp-quiz-live-timers");
            thread.setDaemon(true);
            return thread;
        });
        return new LiveScheduler() {
            @Override
            public Scheduled schedule(Instant at, Runnable task) {
                long delay = Math.max(0, Duration.between(clock.instant(), at).toNanos());
                ScheduledFuture<?> future = executor.schedule(task, delay, TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public void close() {
                executor.shutdownNow();
            }
        };
    }
}
