package org.kydp.quiz.demo.load;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One persistent HTTP/1.1 connection (keep-alive) on a plain blocking socket: a minimal request writer and a
 * response parser that reads bodies by {@code Content-Length} (or chunked). Not thread-safe: one per virtual
 * player. Cheap on purpose, so that the load generator is not what limits the server under test.
 */
final class HttpConnection implements Closeable {

    /** A response: its status and its body (empty for 204). */
    record Response(int status, byte[] body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final int MAX_LINE = 8192;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /**
     * What was read from the socket and not yet parsed, from {@code position} to {@code limit}: parsing from an array
     * of our own, rather than a byte at a time through a synchronised {@code BufferedInputStream}, keeps the
     * generator's CPU time per request small next to the server's.
     */
    private final byte[] buffer = new byte[4 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[256];

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(30_000);
        s.connect(new InetSocketAddress(host, port), 5_000);
        socket = s;
        // Small buffers, so that ten thousand idle connections cost the generator little: a larger body is read
        // and written past them, straight from and to the socket.
        in = s.getInputStream();
        out = new BufferedOutputStream(s.getOutputStream(), 2 * 1024);
        position = 0;
        limit = 0;
    }

    /** Whether the connection is open (it opens on the first request, and again after an I/O error). */
    boolean isOpen() {
        return socket != null;
    }

    /** Sends a request and reads its whole response; on an I/O error the connection is closed and reopened next time. */
    Response send(String method, String path, String bearer, byte[] jsonBody) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            StringBuilder head = new StringBuilder(256);
            head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host).append(':')
                    .append(port).append("\r\nAccept: application/json\r\nAccept-Language: en-IN,en;q=0.9\r\n"
                            + "User-Agent: kydp-quiz-load/1.0\r\n");
            if (bearer != null) {
                head.append("Authorization: Bearer ").append(bearer).append("\r\n");
            }
            if (jsonBody != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(jsonBody.length).append("\r\n");
            } else if (!method.equals("GET")) {
                head.append("Content-Length: 0\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (jsonBody != null) {
                out.write(jsonBody);
            }
            out.flush();
            return readResponse();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("bad status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon);
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(header.substring(colon + 1).trim());
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = header.substring(colon + 1).trim().equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = header.substring(colon + 1).trim().equalsIgnoreCase("close");
            }
        }
        byte[] body;
        if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            body = new byte[0];
        } else if (chunked) {
            body = readChunked();
        } else if (contentLength >= 0) {
            body = readBytes((int) contentLength);
        } else {
            java.io.ByteArrayOutputStream rest = new java.io.ByteArrayOutputStream();
            rest.write(buffer, position, limit - position);
            position = limit;
            rest.write(in.readAllBytes());
            body = rest.toByteArray();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, body);
    }

    private byte[] readChunked() throws IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(readBytes(size));
            readLine();
        }
    }

    /** Exactly {@code length} bytes: first what is buffered, the rest straight from the socket. */
    private byte[] readBytes(int length) throws IOException {
        byte[] bytes = new byte[length];
        int copied = Math.min(length, limit - position);
        System.arraycopy(buffer, position, bytes, 0, copied);
        position += copied;
        while (copied < length) {
            int n = in.read(bytes, copied, length - copied);
            if (n < 0) {
                throw new EOFException("body cut short");
            }
            copied += n;
        }
        return bytes;
    }

    private int readByte() throws IOException {
        if (position == limit) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                return -1;
            }
            position = 0;
            limit = n;
        }
        return buffer[position++] & 0xFF;
    }

    private String readLine() throws IOException {
        int length = 0;
        while (true) {
            int b = readByte();
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (b == '\n') {
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return new String(line, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (length == line.length) {
                if (length >= MAX_LINE) {
                    throw new IOException("header line too long");
                }
                line = java.util.Arrays.copyOf(line, length * 2);
            }
            line[length++] = (byte) b;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
