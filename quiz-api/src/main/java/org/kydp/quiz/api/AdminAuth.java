package org.kydp.quiz.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.javalin.http.Context;

import org.kydp.quiz.error.UnauthorizedException;

/**
 * Checks the administrator's bearer token, in constant time. A player token is never an admin token. A request
 * that fails counts against its address ({@link FailedAuthentications}).
 */
final class AdminAuth {

    private final byte[] tokenHash;
    private final FailedAuthentications failures;

    AdminAuth(String adminToken, FailedAuthentications failures) {
        this.tokenHash = sha256(adminToken);
        this.failures = failures;
    }

    void require(Context ctx) {
        failures.attempt(ctx, () -> verify(ctx));
    }

    private void verify(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthorizedException("Administration needs 'Authorization: Bearer <admin token>'.");
        }
        if (!MessageDigest.isEqual(sha256(header.substring(7).strip()), tokenHash)) {
            throw new UnauthorizedException("That is not the admin token.");
        }
    }

    /** Whether a bearer token is the admin token; counts nothing, the caller decides what a mismatch is. */
    boolean matches(String token) {
        return token != null && MessageDigest.isEqual(sha256(token.strip()), tokenHash);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
