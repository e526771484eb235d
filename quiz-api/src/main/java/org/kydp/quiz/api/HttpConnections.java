package org.kydp.quiz.api;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The listening connector and what each HTTP connection keeps: the settings that decide what a crowd of keep-alive
 * players costs the server.
 *
 * <p><b>Header cache.</b> Jetty gives every keep-alive connection a cache of the request header lines it has seen
 * ({@code Host}, {@code Accept}, {@code Authorization}, {@code User-Agent} …), so that a repeated line is matched
 * whole instead of parsed. From the connection's second request on, the cache is an {@code ArrayTrie} allocated at
 * its full capacity: {@code HttpConfiguration}'s header cache size (1,024 by default) rows of 48 characters plus a
 * row of node references, 98,320 + 4,112 bytes, however few lines it holds. Measured on the demo (live heap after a
 * full collection, 1,000 to 2,000 idle keep-alive connections that had made two requests each, benchmark phases
 * {@code memory} and {@code header-cache}): 108.3 KB per connection with Jetty's default, so 2,000 players filled a
 * 256 MB heap; 31.3 KB with a cache of 256, 18.5 KB with 128, and 4.9 KB with none (4.8 KB after a single request,
 * before any cache exists). What the cache saves is too small to measure here: with 0, 128, 256 and 1,024, run
 * alternately twice, the bare Javalin server served 10,600 to 12,700 requests/s at 77 to 97 µs of CPU per request
 * and the demo 950 to 1,300 µs, the differences between sizes no larger than between two runs of one size (a
 * shared machine, load average 16 to 36). The API's clients repeat few lines (a player's token changes with every
 * registration), so the default is no cache.
 *
 * <p><b>Idle timeout.</b> How long a keep-alive connection may stay idle before the server closes it (Jetty's 30 s
 * unless set); a client that keeps its connection for longer sends a request before then, or opens a new one.
 *
 * <p><b>Accept queue.</b> The kernel queues connections that are established but not yet accepted. Java's default
 * backlog is 50: a burst of new connections (a crowd arriving, or reconnecting after a restart) overflows it, and
 * the kernel drops their handshakes, which clients retry only after one second, then three. {@value
 * #ACCEPT_QUEUE_SIZE} (Linux caps it at {@code net.core.somaxconn}, 4,096 on current kernels) absorbs such bursts.
 *
 * <p><b>Stopping.</b> A graceful stop lets requests in flight finish, and gives each idle keep-alive connection
 * Jetty's shutdown idle timeout (1 s unless set) for a request already on its way; the stop then waits for those
 * connections to time out, about two seconds whenever a browser or client keeps one open. {@value
 * #STOP_IDLE_GRACE_MS} ms is ample for a request already sent over a local network or from a proxy, and a stop
 * (Ctrl-C on the demo, a restart) is then prompt.
 */
final class HttpConnections {

    static final int ACCEPT_QUEUE_SIZE = 1024;
    static final long STOP_IDLE_GRACE_MS = 100;

    private final int port;
    private final ServerLimits limits;

    HttpConnections(int port, ServerLimits limits) {
        this.port = port;
        this.limits = limits;
    }

    /** Replaces Javalin's default connector with one configured here, on the configured port (0: a free one). */
    void configure(JavalinConfig javalin) {
        javalin.jetty.port = port;
        javalin.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(limits.headerCacheSize()));
        javalin.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setPort(port);
            connector.setIdleTimeout(limits.idleTimeout().toMillis());
            connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
            connector.setShutdownIdleTimeout(STOP_IDLE_GRACE_MS);
            return connector;
        });
    }
}
