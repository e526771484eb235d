package org.kydp.quiz.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server holds connections and admits requests: what a crowd of players costs it, and what it answers when
 * it has more work than it can do. Each is a setting ({@code QUIZ_IDLE_TIMEOUT_MS} …, README "Configuration").
 *
 * @param idleTimeout           how long a keep-alive connection may stay idle before the server closes it
 * @param headerCacheSize       the size, in characters of request header lines, of the cache of repeated headers
 *                              each keep-alive connection keeps; 0 for none, the default ({@link HttpConnections}
 *                              says why)
 * @param maxConcurrentRequests requests handled at once; more wait in a queue
 * @param maxQueuedRequests     requests that may wait; past it a request is refused at once with {@code 503}
 * @param maxQueueWait          how long a request may wait in the queue before it is refused with {@code 503}
 */
public record ServerLimits(Duration idleTimeout, int headerCacheSize, int maxConcurrentRequests,
                           int maxQueuedRequests, Duration maxQueueWait) {

    /** Jetty's own default, which Javalin keeps. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_HEADER_CACHE_SIZE = 0;
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 128;
    public static final int DEFAULT_MAX_QUEUED_REQUESTS = 10_000;
    public static final Duration DEFAULT_MAX_QUEUE_WAIT = Duration.ofSeconds(10);

    public ServerLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(maxQueueWait, "maxQueueWait");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive: " + idleTimeout);
        }
        if (headerCacheSize < 0) {
            throw new IllegalArgumentException("the header cache size must be 0 (none) or more: " + headerCacheSize);
        }
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("at least one request must be handled at once: "
                    + maxConcurrentRequests);
        }
        if (maxQueuedRequests < 0) {
            throw new IllegalArgumentException("the queue must hold 0 requests or more: " + maxQueuedRequests);
        }
        if (maxQueueWait.isNegative() || maxQueueWait.isZero()) {
            throw new IllegalArgumentException("the longest wait in the queue must be positive: " + maxQueueWait);
        }
    }

    /** 30 s idle timeout, no header cache, 128 requests at once, 10,000 waiting for up to 10 s. */
    public static ServerLimits defaults() {
        return new ServerLimits(DEFAULT_IDLE_TIMEOUT, DEFAULT_HEADER_CACHE_SIZE, DEFAULT_MAX_CONCURRENT_REQUESTS,
                DEFAULT_MAX_QUEUED_REQUESTS, DEFAULT_MAX_QUEUE_WAIT);
    }

    public ServerLimits withIdleTimeout(Duration timeout) {
        return new ServerLimits(timeout, headerCacheSize, maxConcurrentRequests, maxQueuedRequests, maxQueueWait);
    }

    public ServerLimits withHeaderCacheSize(int size) {
        return new ServerLimits(idleTimeout, size, maxConcurrentRequests, maxQueuedRequests, maxQueueWait);
    }

    public ServerLimits withMaxConcurrentRequests(int requests) {
        return new ServerLimits(idleTimeout, headerCacheSize, requests, maxQueuedRequests, maxQueueWait);
    }

    public ServerLimits withMaxQueuedRequests(int requests) {
        return new ServerLimits(idleTimeout, headerCacheSize, maxConcurrentRequests, requests, maxQueueWait);
    }

    public ServerLimits withMaxQueueWait(Duration wait) {
        return new ServerLimits(idleTimeout, headerCacheSize, maxConcurrentRequests, maxQueuedRequests, wait);
    }
}
