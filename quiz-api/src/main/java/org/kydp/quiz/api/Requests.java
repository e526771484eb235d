package org.kydp.quiz.api;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.attempt.Languages;
import org.kydp.quiz.error.UnauthorizedException;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.Player;

/** Reading what a request says: its JSON body, its bearer token, its language, its paging. */
final class Requests {

    private final ObjectMapper json;
    private final QuizEngine engine;
    private final long maxBodyBytes;
    private final FailedAuthentications failures;

    Requests(ObjectMapper json, QuizEngine engine, long maxBodyBytes, FailedAuthentications failures) {
        this.json = json;
        this.engine = engine;
        this.maxBodyBytes = maxBodyBytes;
        this.failures = failures;
    }

    /**
     * Refuses a declared body over the limit before parsing it; administration may send larger files. A body no
     * larger than any request may be is read (and dropped) first: a server that answers and closes while the client
     * is still sending makes the client's network stack drop the answer with a reset, so the client would see a
     * broken connection instead of the 413.
     */
    void limitBodySize(Context ctx) {
        long limit = ctx.path().startsWith("/api/v1/admin/") ? ApiConfig.MAX_IMPORT_BYTES : maxBodyBytes;
        if (ctx.contentLength() > limit) {
            if (ctx.contentLength() <= ApiConfig.MAX_IMPORT_BYTES) {
                drop(ctx);
            }
            throw new io.javalin.http.HttpResponseException(413, "The request body is larger than " + limit + " bytes.");
        }
    }

    private static void drop(Context ctx) {
        try {
            ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException gone) {
            // the client stopped sending: nothing is left to read
        }
    }

    /**
     * The body as a JSON object: 415 unless it is sent as JSON, 413 over the size limit, 400 if it is not
     * JSON, 422 if it is JSON but not an object.
     */
    JsonNode objectBody(Context ctx) {
        String type = ctx.contentType();
        String mediaType = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !(mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
            throw new io.javalin.http.HttpResponseException(415, "Send the body as application/json"
                    + (type == null ? "." : ", not " + mediaType + "."));
        }
        JsonNode body;
        try {
            byte[] bytes = ctx.bodyAsBytes();
            if (bytes.length > maxBodyBytes) {
                throw new io.javalin.http.HttpResponseException(413, "The request body is larger than "
                        + maxBodyBytes + " bytes.");
            }
            if (new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
                throw new MalformedBodyException("The request body is empty; send a JSON object.");
            }
            body = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException("The body is not valid JSON" + (e.getLocation() == null ? "."
                    : " (error at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                            + ")."));
        } catch (IOException e) {
            throw new MalformedBodyException("The body could not be read.");
        }
        if (body == null || !body.isObject()) {
            throw ValidationException.of("$", "the body must be a JSON object");
        }
        return body;
    }

    /**
     * The player whose bearer token the request carries; 401 without a valid one, which counts against the address
     * ({@link FailedAuthentications}).
     */
    Player player(Context ctx) {
        return failures.attempt(ctx, () -> authenticate(ctx));
    }

    private Player authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new UnauthorizedException("Send 'Authorization: Bearer <token>' with the token from registration.");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthorizedException("The Authorization header must use the Bearer scheme.");
        }
        return engine.authenticate(header.substring(7).strip());
    }

    /** The language asked for by {@code ?lang=}, else by {@code Accept-Language}; null if neither says. */
    static String requestedLanguage(Context ctx) {
        String lang = ctx.queryParam("lang");
        if (lang != null && !lang.isBlank()) {
            return primarySubtag(lang.strip());
        }
        String accept = ctx.header("Accept-Language");
        if (accept == null || accept.isBlank()) {
            return null;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(accept);
            return ranges.stream()
                    .map(range -> range.getRange())
                    .filter(range -> !range.equals("*"))
                    .map(Requests::primarySubtag)
                    .findFirst()
                    .orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String primarySubtag(String tag) {
        return tag.split("[-_]")[0].toLowerCase(Locale.ROOT);
    }

    /** Picks the language for a quiz's content and says so in {@code Content-Language}. */
    static String language(Context ctx, Languages languages) {
        String chosen = languages.choose(requestedLanguage(ctx));
        ctx.header("Content-Language", chosen);
        return chosen;
    }

    /** An integer query parameter within bounds, or the default when absent; 422 otherwise. */
    static int intQuery(Context ctx, String name, int defaultValue, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw ValidationException.of(name, "must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ValidationException.of(name, "must be a whole number between " + min + " and " + max);
        }
    }
}
