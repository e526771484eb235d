package org.kydp.quiz.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * Limits requests per client address: a token bucket of {@code perMinute} tokens per address, refilled
 * evenly over a minute. Over the limit: 429 with {@code Retry-After}. Idle buckets are dropped.
 */
final class RateLimiter {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final int MAX_BUCKETS = 100_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes a token for the caller's address, or refuses the request with 429. */
    void take(Context ctx) {
        if (perMinute <= 0) {
            return;
        }
        Instant now = clock.instant();
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        long waitMillis = buckets.computeIfAbsent(ctx.ip(), ip -> new Bucket(perMinute, now)).take(now);
        if (waitMillis > 0) {
            long seconds = Math.max(1, (waitMillis + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new HttpResponseException(429, "Too many requests from your address: at most " + perMinute
                    + " a minute. Try again in " + seconds + (seconds == 1 ? " second." : " seconds."));
        }
    }

    /**
     * Gives back the token a request of the caller's address took, for requests that count only when they fail
     * (a live session's join: a hall of players behind one address joins at once, a guesser of codes fails).
     */
    void refund(Context ctx) {
        if (perMinute <= 0) {
            return;
        }
        Bucket bucket = buckets.get(ctx.ip());
        if (bucket != null) {
            bucket.refund(clock.instant());
        }
    }

    private static final class Bucket {
        private final int capacity;
        private double tokens;
        private Instant refilledAt;

        Bucket(int capacity, Instant now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.refilledAt = now;
        }

        /** Takes a token and returns 0, or returns how many milliseconds until one is available. */
        synchronized long take(Instant now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double perMilli = (double) capacity / MINUTE.toMillis();
            return (long) Math.ceil((1 - tokens) / perMilli);
        }

        synchronized void refund(Instant now) {
            refill(now);
            tokens = Math.min(capacity, tokens + 1);
        }

        synchronized boolean isFull(Instant now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(Instant now) {
            long elapsed = Math.max(0, Duration.between(refilledAt, now).toMillis());
            tokens = Math.min(capacity, tokens + elapsed * (double) capacity / MINUTE.toMillis());
            refilledAt = now;
        }
    }
}
