package org.kydp.quiz.api;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * The refusal of a per-address limit: 429, answered as {@code rate-limited} by {@link Problems}, with
 * {@code Retry-After} in whole seconds rounded up, so that a client that waits that long is let in.
 */
final class TooManyRequests {

    private TooManyRequests() {
    }

    /** Sets {@code Retry-After} on the response and returns the 429 to throw; {@code why} opens its detail. */
    static HttpResponseException refuse(Context ctx, long waitMillis, String why) {
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        return new HttpResponseException(429, why + " Try again in " + seconds
                + (seconds == 1 ? " second." : " seconds."));
    }
}
