package org.kydp.quiz.api;

import org.eclipse.jetty.server.handler.QoSHandler;

/**
 * Admits at most {@link ServerLimits#maxConcurrentRequests()} requests into the API at once; the others wait, in
 * the order they came, without holding a thread, for at most {@link ServerLimits#maxQueueWait()}. A request that
 * finds {@link ServerLimits#maxQueuedRequests()} already waiting, or waits too long, is answered {@code 503} with
 * {@code Retry-After} as {@code application/problem+json} ({@link ProblemErrorHandler}) before anything of it is
 * read or done: nothing it asked for was changed, and a client is never left waiting past that bound for its turn.
 *
 * <p>Without it a saturated server has no bound: Jetty queues the requests that find no free thread without limit,
 * and while its pool is short of threads Javalin's low-resource monitor cuts every connection's idle timeout to one
 * second, closing idle keep-alive connections. Handled requests spend most of their time waiting for a group commit,
 * so they need more threads than cores: the default of 128 keeps half of Javalin's 250 threads for the selectors,
 * the scheduler and the requests resumed from the queue.
 */
final class RequestQueue extends QoSHandler {

    RequestQueue(ServerLimits limits) {
        setMaxRequestCount(limits.maxConcurrentRequests());
        setMaxSuspendedRequestCount(limits.maxQueuedRequests());
        setMaxSuspend(limits.maxQueueWait());
    }
}
