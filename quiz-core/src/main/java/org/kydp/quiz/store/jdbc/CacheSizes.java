package org.kydp.quiz.store.jdbc;

/**
 * How many entries each of the store's caches keeps at most. Past its bound a cache evicts, one at a time, the
 * entries least likely to be asked for again ({@link StoreCaches}); it never empties at once.
 *
 * @param attempts     attempts in progress: a play request reads its attempt on every call
 * @param players      players, by id and by the hash of their token: every play request authenticates
 * @param quizVersions parsed quiz versions, in each of the store's caches of quizzes: a play request reads its quiz
 *                     version on every call, and a document is tens of KiB
 */
public record CacheSizes(int attempts, int players, int quizVersions) {

    /** About 20,000 attempts in progress, 10,000 players (about 4 MB) and 256 quiz versions. */
    public static final CacheSizes DEFAULTS = new CacheSizes(20_000, 10_000, 256);

    public CacheSizes {
        if (attempts < 1 || players < 1 || quizVersions < 1) {
            throw new IllegalArgumentException("every cache keeps at least one entry: attempts " + attempts
                    + ", players " + players + ", quiz versions " + quizVersions);
        }
    }

    public CacheSizes withAttempts(int size) {
        return new CacheSizes(size, players, quizVersions);
    }

    public CacheSizes withPlayers(int size) {
        return new CacheSizes(attempts, size, quizVersions);
    }

    public CacheSizes withQuizVersions(int size) {
        return new CacheSizes(attempts, players, size);
    }
}
