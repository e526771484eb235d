package org.kydp.quiz.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kydp.quiz.live.LiveEvent;
import org.kydp.quiz.live.LiveListener;
import org.kydp.quiz.live.LiveState;
import org.kydp.quiz.live.LiveSubscription;
import org.kydp.quiz.live.Standing;

/**
 * One open {@code text/event-stream} connection of a live session. It holds no thread: the servlet's non-blocking
 * output takes each frame when the connection can take it, and what the connection cannot take yet waits in a small
 * queue. A client too slow to take {@link #MAX_QUEUED_BYTES} is dropped; it reconnects and resumes from its last
 * event id.
 */
final class EventStream implements LiveListener, WriteListener, AsyncListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    static final int MAX_QUEUED_BYTES = 256 * 1024;
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RETRY = "retry: 2000\n\n".getBytes(StandardCharsets.US_ASCII);

    private final LiveEventStreams hub;
    private final Frames frames;
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>(4);
    private int queuedBytes;
    private boolean flushNeeded;
    private boolean ending;
    private boolean closed;
    private LiveSubscription subscription;

    /** Turns what the engine tells into frames, in the stream's language. */
    interface Frames {
        byte[] state(LiveState state);

        byte[] event(LiveEvent event, Standing you);
    }

    EventStream(LiveEventStreams hub, Frames frames, AsyncContext async) throws IOException {
        this.hub = hub;
        this.frames = frames;
        this.async = async;
        this.out = async.getResponse().getOutputStream();
        async.addListener(this);
        out.setWriteListener(this);
        enqueue(RETRY);
    }

    /** Completes when the stream is over, for whoever waits to finish the request. */
    CompletableFuture<Void> done() {
        return done;
    }

    void subscribed(LiveSubscription subscription) {
        boolean cancel;
        synchronized (this) {
            this.subscription = subscription;
            cancel = closed;
        }
        if (cancel) {
            subscription.cancel();
        }
    }

    @Override
    public void onState(LiveState state) {
        enqueue(frames.state(state));
    }

    @Override
    public void onEvent(LiveEvent event, Optional<Standing> you) {
        enqueue(frames.event(event, you.orElse(null)));
    }

    /** Nothing more comes: the stream ends once what is queued is written. */
    @Override
    public void onEnd() {
        boolean close;
        synchronized (this) {
            ending = true;
            close = drain();
        }
        if (close) {
            finish();
        }
    }

    void heartbeat() {
        enqueue(HEARTBEAT);
    }

    /*
     * Locking: the engine calls onState, onEvent and onEnd under its session's lock, and cancelling the
     * subscription takes that lock. So a stream never cancels while it holds its own lock: the methods below decide
     * under the lock whether the stream ends, and end it (finish) after letting go.
     */

    private void enqueue(byte[] frame) {
        boolean close;
        synchronized (this) {
            if (closed || ending) {
                return;
            }
            if (queuedBytes + frame.length > MAX_QUEUED_BYTES) {
                LOG.info("an event stream fell {} bytes behind; it is dropped and will resume when it reconnects",
                        queuedBytes);
                close = markClosed();
            } else {
                queue.addLast(frame);
                queuedBytes += frame.length;
                close = drain();
            }
        }
        if (close) {
            finish();
        }
    }

    @Override
    public void onWritePossible() {
        boolean close;
        synchronized (this) {
            close = drain();
        }
        if (close) {
            finish();
        }
    }

    /**
     * Writes what is queued while the connection takes it, then flushes; resumes in {@link #onWritePossible}.
     *
     * @return whether the stream is over (failed, or ending with nothing left to write)
     */
    private boolean drain() {
        if (closed) {
            return false;
        }
        try {
            while (out.isReady()) {
                byte[] next = queue.pollFirst();
                if (next == null) {
                    if (flushNeeded) {
                        flushNeeded = false;
                        out.flush();
                        continue;
                    }
                    return ending && markClosed();
                }
                queuedBytes -= next.length;
                out.write(next);
                flushNeeded = true;
            }
            return false;
        } catch (IOException | IllegalStateException e) {
            return markClosed();
        }
    }

    @Override
    public void onError(Throwable failure) {
        close();
    }

    /** Ends the stream: unsubscribes, and lets the request finish. */
    void close() {
        boolean close;
        synchronized (this) {
            close = markClosed();
        }
        if (close) {
            finish();
        }
    }

    /** Marks the stream closed; true if this call closed it (and must finish it, without the lock). */
    private boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        queue.clear();
        queuedBytes = 0;
        return true;
    }

    private void finish() {
        LiveSubscription toCancel;
        synchronized (this) {
            toCancel = subscription;
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
        hub.closed(this);
        done.complete(null);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }
}
