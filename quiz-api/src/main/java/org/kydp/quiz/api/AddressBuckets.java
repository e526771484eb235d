package org.kydp.quiz.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A token bucket per client address, for the limits that count what one address does in a minute: each holds
 * {@code perMinute} tokens and refills evenly over a minute.
 *
 * <p>The map is bounded, because the addresses are the clients' to choose: a crowd of them (or one client with a
 * block of IPv6 addresses) must not make it grow without end, nor make every request pay for a sweep. A bucket
 * idle for a minute is full again, the same as no bucket, so forgetting it changes nothing; when a new address
 * finds {@code maxAddresses} buckets, those are forgotten, and if the crowd is busy enough that this is not
 * enough, the fullest too (those that lose the least) until a quarter of the room is free. A sweep thus comes at
 * most once per quarter of {@code maxAddresses} new addresses.
 */
final class AddressBuckets {

    /** About 15 MB of buckets at most. */
    static final int DEFAULT_MAX_ADDRESSES = 100_000;

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final int perMinute;
    private final int maxAddresses;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ReentrantLock sweeping = new ReentrantLock();

    AddressBuckets(int perMinute, int maxAddresses, Clock clock) {
        if (perMinute < 1 || maxAddresses < 1) {
            throw new IllegalArgumentException("a bucket holds at least one token, and there is room for at least one");
        }
        this.perMinute = perMinute;
        this.maxAddresses = maxAddresses;
        this.clock = clock;
    }

    int perMinute() {
        return perMinute;
    }

    /** Takes a token of the address and returns 0, or returns how many milliseconds until it has one. */
    long take(String address) {
        Instant now = clock.instant();
        Bucket bucket = buckets.get(address);
        if (bucket == null) {
            if (buckets.size() >= maxAddresses) {
                makeRoom(now);
            }
            bucket = buckets.computeIfAbsent(address, key -> new Bucket(perMinute, now));
        }
        return bucket.take(now);
    }

    /** How many milliseconds until the address has a token; 0 when it has one now. Takes nothing, keeps nothing. */
    long waitFor(String address) {
        Bucket bucket = buckets.get(address);
        return bucket == null ? 0 : bucket.waitFor(clock.instant());
    }

    /** Gives a token back to the address, up to a full bucket. */
    void refund(String address) {
        Bucket bucket = buckets.get(address);
        if (bucket != null) {
            bucket.refund(clock.instant());
        }
    }

    /** How many addresses have a bucket. */
    int size() {
        return buckets.size();
    }

    private void makeRoom(Instant now) {
        if (!sweeping.tryLock()) {
            return; // another request is at it
        }
        try {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
            int excess = buckets.size() - maxAddresses * 3 / 4;
            if (excess > 0) {
                record Level(String address, long level) {
                }
                List<Level> fullestFirst = buckets.entrySet().stream()
                        .map(entry -> new Level(entry.getKey(), entry.getValue().level(now)))
                        .sorted(Comparator.comparingLong(Level::level).reversed())
                        .limit(excess)
                        .toList();
                fullestFirst.forEach(level -> buckets.remove(level.address()));
            }
        } finally {
            sweeping.unlock();
        }
    }

    /**
     * A bucket counted in whole units, so that waits come out exact: a token is a minute's worth of milliseconds,
     * and every millisecond gives back {@code capacity} units.
     */
    private static final class Bucket {
        private static final long TOKEN = MINUTE.toMillis();

        private final int capacity;
        private final long full;
        private long level;
        private Instant refilledAt;

        Bucket(int capacity, Instant now) {
            this.capacity = capacity;
            this.full = capacity * TOKEN;
            this.level = full;
            this.refilledAt = now;
        }

        synchronized long take(Instant now) {
            long wait = waitFor(now);
            if (wait == 0) {
                level -= TOKEN;
            }
            return wait;
        }

        synchronized long waitFor(Instant now) {
            refill(now);
            return level >= TOKEN ? 0 : (TOKEN - level + capacity - 1) / capacity;
        }

        synchronized void refund(Instant now) {
            refill(now);
            level = Math.min(full, level + TOKEN);
        }

        synchronized long level(Instant now) {
            refill(now);
            return level;
        }

        synchronized boolean isFull(Instant now) {
            return level(now) >= full;
        }

        private void refill(Instant now) {
            long elapsed = Math.min(TOKEN, Math.max(0, Duration.between(refilledAt, now).toMillis()));
            level = Math.min(full, level + elapsed * capacity);
            refilledAt = now;
        }
    }
}
