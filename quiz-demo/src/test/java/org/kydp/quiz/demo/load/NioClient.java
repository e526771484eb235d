package org.kydp.quiz.demo.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load generator's HTTP/1.1 client on non-blocking sockets: one thread and one selector drive every connection,
 * request connections (keep-alive, one request at a time each, the next queued) and event-stream connections
 * ({@code text/event-stream}, read as they come). Tens of thousands of connections cost the client a few kilobytes
 * each and no thread. Every callback runs on the client's thread and must return quickly; other threads hand it work
 * with {@link #execute}. Timers ({@link #at}) run on the same thread.
 */
final class NioClient implements AutoCloseable {

    /** A response to a request. */
    interface ResponseHandler {
        void onResponse(int status, byte[] body, long sentNanos, long receivedNanos);

        void onFailure(String reason);
    }

    /** Events of a stream, in order. */
    interface StreamHandler {
        void onEvent(String id, String name, String data, long receivedNanos);

        /** The stream ended or failed (status is its HTTP status, or -1). */
        void onClosed(int status, String reason);
    }

    private final InetSocketAddress server;
    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final AtomicLong bytesRead = new AtomicLong();
    private long timerSequence;
    private volatile boolean running = true;

    NioClient(String host, int port) throws IOException {
        this.server = new InetSocketAddress(host, port);
        this.selector = Selector.open();
        this.thread = new Thread(this::loop, "nio-client");
        thread.setDaemon(true);
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    long bytesRead() {
        return bytesRead.get();
    }

    /** Runs the task on the client's thread. */
    void execute(Runnable task) {
        commands.add(task);
        selector.wakeup();
    }

    /** Runs the task on the client's thread at (or soon after) this {@link System#nanoTime()}. */
    void at(long nanos, Runnable task) {
        if (Thread.currentThread() != thread) {
            execute(() -> at(nanos, task));
            return;
        }
        timers.add(new Timer(nanos, timerSequence++, task));
    }

    private record Timer(long nanos, long order, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(nanos, other.nanos);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    /** A keep-alive connection that sends requests one at a time. Use on the client's thread. */
    Requests requests() throws IOException {
        Requests connection = new Requests(host());
        connection.open();
        return connection;
    }

    /** Opens an event stream with a GET of this path (the token in the query or headers). Use on the client's thread. */
    Stream stream(String path, String extraHeaders, StreamHandler handler) throws IOException {
        Stream stream = new Stream(host(), path, extraHeaders, handler);
        stream.open();
        return stream;
    }

    private String host() {
        return server.getHostString() + ":" + server.getPort();
    }

    private void loop() {
        try {
            while (running) {
                long wait = 0;
                Timer next = timers.peek();
                if (next != null) {
                    wait = Math.max(1, (next.nanos - System.nanoTime()) / 1_000_000);
                }
                if (commands.isEmpty()) {
                    selector.select(next == null ? 0 : wait);
                } else {
                    selector.selectNow();
                }
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    Connection connection = (Connection) key.attachment();
                    connection.ready(key);
                }
                Runnable command;
                while ((command = commands.poll()) != null) {
                    command.run();
                }
                long now = System.nanoTime();
                while (!timers.isEmpty() && timers.peek().nanos <= now) {
                    timers.poll().task.run();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (running) {
                System.err.println("the client's loop failed: " + e);
                e.printStackTrace();
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    /** What both kinds of connection share: the socket, its buffers, parsing a response head and a chunked body. */
    private abstract class Connection {
        final String host;
        SocketChannel channel;
        SelectionKey key;
        final ArrayDeque<ByteBuffer> writes = new ArrayDeque<>(2);
        ByteBuffer in = ByteBuffer.allocate(2048);
        // the response being parsed
        int status = -1;
        long contentLength = -1;
        boolean chunked;
        boolean inBody;
        long chunkLeft = -1;

        Connection(String host) {
            this.host = host;
        }

        void open() throws IOException {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 16 * 1024);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, 16 * 1024);
            channel.connect(server);
            key = channel.register(selector, SelectionKey.OP_CONNECT, this);
        }

        void send(byte[] bytes) {
            writes.add(ByteBuffer.wrap(bytes));
            if (channel.isConnected()) {
                key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
            }
        }

        void ready(SelectionKey ready) {
            try {
                if (ready.isConnectable()) {
                    channel.finishConnect();
                    ready.interestOps(SelectionKey.OP_READ | (writes.isEmpty() ? 0 : SelectionKey.OP_WRITE));
                    connected();
                    return;
                }
                if (ready.isWritable()) {
                    while (!writes.isEmpty()) {
                        ByteBuffer next = writes.peek();
                        channel.write(next);
                        if (next.hasRemaining()) {
                            return;
                        }
                        writes.poll();
                    }
                    ready.interestOps(SelectionKey.OP_READ);
                }
                if (ready.isReadable()) {
                    int n = channel.read(in);
                    if (n < 0) {
                        closedByServer();
                        return;
                    }
                    bytesRead.addAndGet(n);
                    in.flip();
                    parse();
                    in.compact();
                    if (!in.hasRemaining()) { // a line longer than the buffer: grow it
                        ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
                        in.flip();
                        bigger.put(in);
                        in = bigger;
                    }
                }
            } catch (IOException | RuntimeException e) {
                fail(e.toString());
            }
        }

        void connected() {
        }

        /** The server closed the connection: the end of a body that lasts until then, else a failure. */
        void closedByServer() {
            if (inBody && !chunked && contentLength == Long.MAX_VALUE) {
                bodyEnded();
            }
            fail("the server closed the connection");
        }

        /** Consumes what it can of {@code in} (in read mode). */
        private void parse() {
            while (true) {
                if (!inBody) {
                    String line = line();
                    if (line == null) {
                        return;
                    }
                    if (status < 0) {
                        status = Integer.parseInt(line.split(" ")[1]);
                    } else if (line.isEmpty()) {
                        inBody = true;
                        chunkLeft = -1;
                        headEnded();
                        boolean bodiless = status == 204 || status == 304 || contentLength == 0;
                        if (!chunked && contentLength < 0 && !bodiless) {
                            contentLength = Long.MAX_VALUE; // no length: the body lasts until the connection closes
                        } else if (!chunked && bodiless) {
                            bodyEnded();
                        }
                    } else {
                        int colon = line.indexOf(':');
                        String name = line.substring(0, colon).trim();
                        String value = line.substring(colon + 1).trim();
                        if (name.equalsIgnoreCase("Content-Length")) {
                            contentLength = Long.parseLong(value);
                        } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                            chunked = true;
                        }
                    }
                    continue;
                }
                if (chunked) {
                    if (chunkLeft < 0) {
                        String size = line();
                        if (size == null) {
                            return;
                        }
                        if (size.isEmpty()) {
                            continue;
                        }
                        chunkLeft = Long.parseLong(size.split(";")[0].trim(), 16);
                        if (chunkLeft == 0) {
                            line(); // the empty line after the last chunk
                            bodyEnded();
                            continue;
                        }
                    }
                    int take = (int) Math.min(chunkLeft, in.remaining());
                    if (take == 0) {
                        return;
                    }
                    body(in, take);
                    chunkLeft -= take;
                    if (chunkLeft == 0) {
                        chunkLeft = -1;
                    }
                } else {
                    int take = (int) Math.min(contentLength, in.remaining());
                    if (take == 0) {
                        return;
                    }
                    body(in, take);
                    contentLength -= take;
                    if (contentLength == 0) {
                        bodyEnded();
                    }
                }
            }
        }

        /** One line ending in CRLF (or LF) from {@code in}, or null when it is not all there yet. */
        String line() {
            int start = in.position();
            for (int i = start; i < in.limit(); i++) {
                if (in.get(i) == '\n') {
                    int end = i > start && in.get(i - 1) == '\r' ? i - 1 : i;
                    byte[] bytes = new byte[end - start];
                    in.get(bytes);
                    in.position(i + 1);
                    return new String(bytes, StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        void resetResponse() {
            status = -1;
            contentLength = -1;
            chunked = false;
            inBody = false;
            chunkLeft = -1;
        }

        void headEnded() {
        }

        /** Takes {@code length} bytes of body from {@code buffer}. */
        abstract void body(ByteBuffer buffer, int length);

        abstract void bodyEnded();

        abstract void fail(String reason);

        void closeChannel() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** A keep-alive connection sending requests in order, one at a time. */
    final class Requests extends Connection {
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        private byte[] body = new byte[256];
        private int bodyLength;
        private boolean failed;
        private boolean reopen;

        private record Pending(byte[] request, ResponseHandler handler, long[] sent) {
        }

        Requests(String host) {
            super(host);
        }

        int queued() {
            return pending.size();
        }

        /** Queues a request; the handler runs when its response has arrived. */
        void send(String method, String path, String bearer, byte[] json, ResponseHandler handler) {
            StringBuilder head = new StringBuilder(160).append(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(host).append("\r\nAccept: application/json\r\n");
            if (bearer != null) {
                head.append("Authorization: Bearer ").append(bearer).append("\r\n");
            }
            byte[] headBytes;
            byte[] request;
            if (json != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(json.length).append("\r\n\r\n");
                headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
                request = new byte[headBytes.length + json.length];
                System.arraycopy(headBytes, 0, request, 0, headBytes.length);
                System.arraycopy(json, 0, request, headBytes.length, json.length);
            } else {
                head.append("\r\n");
                request = head.toString().getBytes(StandardCharsets.UTF_8);
            }
            if (failed) {
                handler.onFailure("the connection failed earlier");
                return;
            }
            if (reopen) {
                reopen = false;
                writes.clear();
                resetResponse();
                in.clear();
                try {
                    open();
                } catch (IOException e) {
                    handler.onFailure("cannot connect again: " + e);
                    return;
                }
            }
            pending.add(new Pending(request, handler, new long[1]));
            if (pending.size() == 1) {
                sendHead();
            }
        }

        private void sendHead() {
            Pending first = pending.peek();
            first.sent[0] = System.nanoTime();
            super.send(first.request);
        }

        @Override
        void body(ByteBuffer buffer, int length) {
            if (bodyLength + length > body.length) {
                byte[] bigger = new byte[Math.max(body.length * 2, bodyLength + length)];
                System.arraycopy(body, 0, bigger, 0, bodyLength);
                body = bigger;
            }
            buffer.get(body, bodyLength, length);
            bodyLength += length;
        }

        @Override
        void bodyEnded() {
            long received = System.nanoTime();
            Pending done = pending.poll();
            byte[] result = java.util.Arrays.copyOf(body, bodyLength);
            int code = status;
            bodyLength = 0;
            if (body.length > 64 * 1024) {
                body = new byte[256];
            }
            resetResponse();
            if (!pending.isEmpty()) {
                sendHead();
            }
            if (done != null) {
                done.handler.onResponse(code, result, done.sent[0], received);
            }
        }

        @Override
        void fail(String reason) {
            closeChannel();
            if (pending.isEmpty()) {
                reopen = true; // closed while idle (the server's idle timeout): open it again for the next request
                return;
            }
            failed = true;
            Pending each;
            while ((each = pending.poll()) != null) {
                each.handler.onFailure(reason);
            }
        }
    }

    /** An event stream: the events of a {@code text/event-stream} body, as they arrive. */
    final class Stream extends Connection {
        private final String path;
        private final String extraHeaders;
        private final StreamHandler handler;
        private final java.io.ByteArrayOutputStream lineBytes = new java.io.ByteArrayOutputStream(256);
        private String id;
        private String name;
        private String data;
        private boolean closed;

        Stream(String host, String path, String extraHeaders, StreamHandler handler) {
            super(host);
            this.path = path;
            this.extraHeaders = extraHeaders;
            this.handler = handler;
        }

        @Override
        void connected() {
        }

        @Override
        void open() throws IOException {
            super.open();
            send(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/event-stream\r\n" + extraHeaders
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        void headEnded() {
            if (status != 200) {
                fail("status " + status);
            }
        }

        @Override
        void body(ByteBuffer buffer, int length) {
            long received = System.nanoTime();
            for (int i = 0; i < length; i++) {
                byte b = buffer.get();
                if (b != '\n') {
                    lineBytes.write(b);
                    continue;
                }
                String line = lineBytes.toString(StandardCharsets.UTF_8);
                lineBytes.reset();
                if (line.isEmpty()) {
                    if (data != null) {
                        handler.onEvent(id, name == null ? "message" : name, data, received);
                    }
                    name = null;
                    data = null;
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                }
            }
        }

        @Override
        void bodyEnded() {
            if (!closed) {
                closed = true;
                closeChannel();
                handler.onClosed(status, "the stream ended");
            }
        }

        @Override
        void fail(String reason) {
            if (!closed) {
                closed = true;
                closeChannel();
                handler.onClosed(status, reason);
            }
        }

        /** Drops the connection (a player leaving or losing the network). */
        void close() {
            fail("closed by the client");
        }
    }
}
