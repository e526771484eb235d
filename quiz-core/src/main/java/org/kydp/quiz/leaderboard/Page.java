package org.kydp.quiz.leaderboard;

import org.kydp.quiz.error.ValidationException;

/**
 * Which slice of a leaderboard to read: up to {@code limit} entries from position {@code offset}, 0 being the top.
 * A page past the end has no entries; a limit of 0 reads no entries, only how many players are ranked. The engine
 * sets no upper bound on the limit (the HTTP API allows at most 100 entries a page).
 *
 * <pre>{@code
 * LeaderboardPage top = engine.leaderboard(quizId, Window.ALL, Page.first(10));
 * LeaderboardPage following = engine.leaderboard(quizId, Window.ALL, Page.first(10).next());
 * }</pre>
 *
 * @param limit  the most entries to read, not negative
 * @param offset the position of the first entry, not negative
 */
public record Page(int limit, int offset) {

    /** @throws ValidationException naming {@code limit} or {@code offset} if it is negative */
    public Page {
        requireNotNegative("limit", limit);
        requireNotNegative("offset", offset);
    }

    /**
     * Up to {@code limit} entries from position {@code offset} (0 is the top).
     *
     * @throws ValidationException naming {@code limit} or {@code offset} if it is negative
     */
    public static Page of(int limit, int offset) {
        return new Page(limit, offset);
    }

    /**
     * The top {@code limit} entries.
     *
     * @throws ValidationException naming {@code limit} if it is negative
     */
    public static Page first(int limit) {
        return new Page(limit, 0);
    }

    /** The page after this one, of the same limit (its offset stops at {@link Integer#MAX_VALUE}). */
    public Page next() {
        return new Page(limit, (int) Math.min(Integer.MAX_VALUE, (long) offset + limit));
    }

    private static void requireNotNegative(String field, int value) {
        if (value < 0) {
            throw ValidationException.of(field, "must not be negative, got " + value);
        }
    }
}
