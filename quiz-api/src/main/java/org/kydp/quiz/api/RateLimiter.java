package org.kydp.quiz.api;

import java.time.Clock;

import io.javalin.http.Context;

/**
 * Limits requests per client address ({@link ClientAddresses}: behind trusted proxies, the address they forward
 * for): a token bucket of {@code perMinute} tokens per address, refilled evenly over a minute
 * ({@link AddressBuckets}, which also bounds how many addresses are remembered). Over the limit: 429 with
 * {@code Retry-After}.
 */
final class RateLimiter {

    private final int perMinute;
    private final AddressBuckets buckets;
    private final ClientAddresses addresses;
    private final Runnable onRefusal;

    RateLimiter(int perMinute, Clock clock, ClientAddresses addresses) {
        this(perMinute, clock, addresses, () -> { });
    }

    /** As the other constructor, running {@code onRefusal} (metrics) for each request refused. */
    RateLimiter(int perMinute, Clock clock, ClientAddresses addresses, Runnable onRefusal) {
        this.perMinute = perMinute;
        this.onRefusal = onRefusal;
        this.addresses = addresses;
        this.buckets = perMinute > 0 ? new AddressBuckets(perMinute, AddressBuckets.DEFAULT_MAX_ADDRESSES, clock)
                : null;
    }

    /** Takes a token for the caller's address, or refuses the request with 429. */
    void take(Context ctx) {
        if (buckets == null) {
            return;
        }
        long waitMillis = buckets.take(addresses.of(ctx));
        if (waitMillis > 0) {
            onRefusal.run();
            throw TooManyRequests.refuse(ctx, waitMillis, "Too many requests from your address: at most "
                    + perMinute + " a minute.");
        }
    }

    /**
     * Gives back the token a request of the caller's address took, for requests that count only when they fail
     * (a live session's join: a hall of players behind one address joins at once, a guesser of codes fails).
     */
    void refund(Context ctx) {
        if (buckets != null) {
            buckets.refund(addresses.of(ctx));
        }
    }
}
