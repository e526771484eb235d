package org.kydp.quiz.api;

import java.io.IOException;
import java.nio.ByteBuffer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers itself, before Javalin sees the request (an ambiguous or malformed URI, say, or a
 * {@code 503} from the {@link RequestQueue} or while stopping), as problem+json like every other error — never
 * Jetty's HTML page, and with the headers every response carries (a request id among them). A {@code 503} says
 * when to try again ({@code Retry-After}).
 */
final class ProblemErrorHandler extends ErrorHandler {

    /** Seconds a client should wait before it tries a refused request again. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final ObjectMapper json;

    ProblemErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        byte[] body = json.writeValueAsBytes(Problems.fromStatus(code, null));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        response.getHeaders().put(HttpHygiene.REQUEST_ID,
                HttpHygiene.requestId(request.getHeaders().get(HttpHygiene.REQUEST_ID)));
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put("Content-Security-Policy", HttpHygiene.API_CSP);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (code == HttpStatus.SERVICE_UNAVAILABLE_503 && !response.getHeaders().contains(HttpHeader.RETRY_AFTER)) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
