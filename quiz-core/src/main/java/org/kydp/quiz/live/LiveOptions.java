package org.kydp.quiz.live;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timings of live sessions.
 *
 * @param maxOpenSessions sessions that may be not ended at once: it keeps 6-digit codes hard to hit by guessing
 * @param idleTimeout     a session in which nothing happened for this long ends by itself (a host who never
 *                        advances)
 * @param eventLog        events kept per session for clients that reconnect; older ones get a fresh state instead
 * @param leaseLength     how long a server's hold on a session's timer lasts unless renewed
 * @param leaseRenewal    how often a server renews its leases and takes lapsed ones
 * @param countInterval   how often the host is told the number of answers (at most)
 */
public record LiveOptions(int maxOpenSessions, Duration idleTimeout, int eventLog, Duration leaseLength,
                          Duration leaseRenewal, Duration countInterval) {

    public LiveOptions {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(leaseLength, "leaseLength");
        Objects.requireNonNull(leaseRenewal, "leaseRenewal");
        Objects.requireNonNull(countInterval, "countInterval");
        if (maxOpenSessions < 1 || eventLog < 1) {
            throw new IllegalArgumentException("maxOpenSessions and eventLog must be positive");
        }
        if (leaseRenewal.compareTo(leaseLength) >= 0) {
            throw new IllegalArgumentException("leases must be renewed more often than they last");
        }
    }

    /** 1,000 open sessions, ended after an idle hour, 1,024 events kept, leases of 6 s renewed every 2 s, 4 counts a second. */
    public static LiveOptions defaults() {
        return new LiveOptions(1_000, Duration.ofHours(1), 1_024, Duration.ofSeconds(6), Duration.ofSeconds(2),
                Duration.ofMillis(250));
    }

    public LiveOptions withMaxOpenSessions(int max) {
        return new LiveOptions(max, idleTimeout, eventLog, leaseLength, leaseRenewal, countInterval);
    }

    public LiveOptions withIdleTimeout(Duration timeout) {
        return new LiveOptions(maxOpenSessions, timeout, eventLog, leaseLength, leaseRenewal, countInterval);
    }

    public LiveOptions withLeases(Duration length, Duration renewal) {
        return new LiveOptions(maxOpenSessions, idleTimeout, eventLog, length, renewal, countInterval);
    }

    public LiveOptions withEventLog(int events) {
        return new LiveOptions(maxOpenSessions, idleTimeout, events, leaseLength, leaseRenewal, countInterval);
    }
}
