package org.kydp.quiz.demo.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many keep-alive connections that each make a request now and then and are otherwise idle, as players reading a
 * question or away from their screen: no thread each, a few threads send the requests of all of them, so that a
 * burst of new connections reaches the server at once. A connection that the server closed in between fails its
 * next request (it is never opened again silently), and counts as an error.
 */
final class IdleConnections implements AutoCloseable {

    /** A request each connection sends: method and path, no body. */
    record Request(String method, String path) {
    }

    private static final int THREADS = 8;

    private final List<HttpConnection> connections = new ArrayList<>();
    private final AtomicLong errors = new AtomicLong();
    private final List<String> sampleErrors = new ArrayList<>();

    /** Opens {@code count} connections to the port, each sending {@code first}. */
    IdleConnections(int port, int count, Request first) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            connections.add(new HttpConnection("127.0.0.1", port));
        }
        sendOnEach(first, true);
    }

    int size() {
        return connections.size();
    }

    /** Non-2xx responses and I/O errors so far, and a few of them as examples. */
    long errors() {
        return errors.get();
    }

    List<String> sampleErrors() {
        synchronized (sampleErrors) {
            return List.copyOf(sampleErrors);
        }
    }

    /** How many connections are still open on this side (a failed request closes its connection). */
    long open() {
        return connections.stream().filter(HttpConnection::isOpen).count();
    }

    /** Every open connection sends this request once more, on the connection it has. */
    void sendOnEach(Request request) throws InterruptedException {
        sendOnEach(request, false);
    }

    private void sendOnEach(Request request, boolean opening) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < connections.size(); i += THREADS) {
                        HttpConnection connection = connections.get(i);
                        if (opening || connection.isOpen()) {
                            send(connection, request);
                        } else {
                            failed(request + " on connection " + i + ": closed earlier");
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void send(HttpConnection connection, Request request) {
        try {
            HttpConnection.Response response = connection.send(request.method(), request.path(), null, null);
            if (!response.ok()) {
                failed(request + " -> " + response.status());
            }
        } catch (IOException e) {
            failed(request + " -> " + e);
        }
    }

    private void failed(String what) {
        errors.incrementAndGet();
        synchronized (sampleErrors) {
            if (sampleErrors.size() < 5) {
                sampleErrors.add(what);
            }
        }
    }

    @Override
    public void close() {
        connections.forEach(HttpConnection::close);
    }
}
