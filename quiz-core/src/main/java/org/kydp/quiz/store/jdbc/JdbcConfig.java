package org.kydp.quiz.store.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the JDBC store keeps its data. Immutable; each {@code with...} returns a changed copy.
 *
 * <pre>{@code
 * JdbcStore store = JdbcStore.open(JdbcConfig.h2(Path.of("data")));                       // H2 file
 * JdbcStore store = JdbcStore.open(JdbcConfig.of("jdbc:postgresql://db/quiz", "quiz", pw)); // PostgreSQL
 * }</pre>
 *
 * @param url          the JDBC URL: {@code jdbc:postgresql:...} or {@code jdbc:h2:...}
 * @param user         the database user; may be null
 * @param password     the database password; may be null
 * @param maxPoolSize  the most connections the pool opens (the PostgreSQL notification listener takes one more)
 * @param groupCommit  commit concurrent attempt writes in groups, one transaction for the writes that arrived
 *                     while the previous commit ran (the default); false for one transaction per write
 * @param h2Compaction on an embedded H2 database: keep its file compact while the store is open (the default; see
 *                     {@link H2Compaction}); false leaves the file to H2, which then compacts it only when closed
 * @param caches       how many entries each cache of the store keeps at most ({@link CacheSizes#DEFAULTS} unless set)
 * @param statementTimeout how long one statement of the store may run, waits for locks included, before it is
 *                     cancelled and its caller fails (30 s unless set); counted in whole seconds, as JDBC counts it
 */
public record JdbcConfig(String url, String user, String password, int maxPoolSize, boolean groupCommit,
                         boolean h2Compaction, CacheSizes caches, Duration statementTimeout) {

    /** The H2 settings every H2 database of the store gets: PostgreSQL's dialect, lower-case names. */
    static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128";

    /**
     * H2 writes committed changes to its file in the background, about half a second late, unless told
     * otherwise: a killed process would lose commits it already acknowledged. The store always sets this.
     */
    static final String H2_DURABLE = ";WRITE_DELAY=0";

    /**
     * H2 keeps a trace file of its own beside the database ({@code quiz.trace.db}), with every exception it hands to
     * the store: lock timeouts the store answers as busy, keys it expected to be taken. The store logs through SLF4J
     * alone, and every failure H2 reports reaches it as an exception, so the file is off; a URL that sets
     * {@code TRACE_LEVEL_FILE=4} sends H2's trace to SLF4J instead, under the logger {@code h2database}.
     */
    static final String H2_NO_TRACE_FILE = ";TRACE_LEVEL_FILE=0";

    /**
     * H2 closes its databases when the JVM exits, from a shutdown hook of its own that runs at the same time as the
     * application's: a request a server lets finish while it stops, or the statistics' last sums, would then fail on
     * a closed database. The store's database stays open until the store is closed; what was committed is on disk
     * already ({@link #H2_DURABLE}), so a JVM that exits without closing the store loses nothing either.
     */
    static final String H2_OPEN_UNTIL_CLOSED = ";DB_CLOSE_ON_EXIT=FALSE";

    /**
     * With {@link #h2Compaction}: pages compressed, as {@code SHUTDOWN COMPACT} writes them, and the space of old
     * chunks reused as soon as no reader needs it (see {@link H2Compaction}).
     */
    static final String H2_COMPACT = ";COMPRESS=TRUE;RETENTION_TIME=0";

    public static final int DEFAULT_POOL_SIZE = 10;

    /**
     * Long enough for any statement of the store on a sound database (they take milliseconds), short enough that a
     * statement stuck behind a lock held elsewhere fails rather than holds up every writer of its group commit.
     */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    public JdbcConfig {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:postgresql: or jdbc:h2:, got '"
                    + url + "'");
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection: " + maxPoolSize);
        }
        Objects.requireNonNull(caches, "caches");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("a statement needs some time to run: " + statementTimeout);
        }
    }

    /** An H2 database in the file {@code quiz.mv.db} of the directory, made durable on every commit, kept compact. */
    public static JdbcConfig h2(Path dataDirectory) {
        Path file = dataDirectory.toAbsolutePath().normalize().resolve("quiz");
        return new JdbcConfig("jdbc:h2:file:" + file, "sa", "", DEFAULT_POOL_SIZE, true, true, CacheSizes.DEFAULTS,
                DEFAULT_STATEMENT_TIMEOUT);
    }

    /** The database at this JDBC URL (PostgreSQL, or H2). */
    public static JdbcConfig of(String url, String user, String password) {
        return new JdbcConfig(url, user, password, DEFAULT_POOL_SIZE, true, true, CacheSizes.DEFAULTS,
                DEFAULT_STATEMENT_TIMEOUT);
    }

    public JdbcConfig withPoolSize(int size) {
        return new JdbcConfig(url, user, password, size, groupCommit, h2Compaction, caches, statementTimeout);
    }

    public JdbcConfig withGroupCommit(boolean on) {
        return new JdbcConfig(url, user, password, maxPoolSize, on, h2Compaction, caches, statementTimeout);
    }

    public JdbcConfig withH2Compaction(boolean on) {
        return new JdbcConfig(url, user, password, maxPoolSize, groupCommit, on, caches, statementTimeout);
    }

    public JdbcConfig withCacheSizes(CacheSizes sizes) {
        return new JdbcConfig(url, user, password, maxPoolSize, groupCommit, h2Compaction, sizes, statementTimeout);
    }

    public JdbcConfig withStatementTimeout(Duration timeout) {
        return new JdbcConfig(url, user, password, maxPoolSize, groupCommit, h2Compaction, caches, timeout);
    }

    /** The statement timeout in whole seconds, rounded up: JDBC's unit. */
    int statementTimeoutSeconds() {
        long seconds = statementTimeout.toSeconds() + (statementTimeout.toNanosPart() == 0 ? 0 : 1);
        return (int) Math.min(Integer.MAX_VALUE, seconds);
    }

    /**
     * On H2, the statement that gives each connection the statement timeout as its lock timeout, since H2 ends a
     * wait for a lock by that alone, not by the statement's timeout (H2's own is 2 s); none when the URL sets
     * {@code LOCK_TIMEOUT} itself, nor on PostgreSQL. Run on each new connection rather than put in the URL, which
     * names the database for {@link Ownership}.
     */
    Optional<String> h2LockTimeoutStatement() {
        if (isPostgres() || url.toUpperCase(java.util.Locale.ROOT).replace(" ", "").contains(";LOCK_TIMEOUT=")) {
            return Optional.empty();
        }
        return Optional.of("SET LOCK_TIMEOUT " + statementTimeoutSeconds() * 1000L);
    }

    /** Whether the store compacts the database file while it runs: an embedded H2 file, with {@link #h2Compaction}. */
    boolean compactsH2File() {
        return h2Compaction && isEmbeddedH2() && !url.toUpperCase(java.util.Locale.ROOT).startsWith("JDBC:H2:MEM:");
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /**
     * Whether the database is an embedded H2 one, a file or memory opened by this process: H2 locks its file, so no
     * other process can write it. Not so for an H2 server ({@code jdbc:h2:tcp:}, {@code jdbc:h2:ssl:}) or a file
     * opened with {@code AUTO_SERVER=TRUE}, which other processes may share.
     */
    public boolean isEmbeddedH2() {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("JDBC:H2:") && !upper.startsWith("JDBC:H2:TCP:") && !upper.startsWith("JDBC:H2:SSL:")
                && !upper.replace(" ", "").contains(";AUTO_SERVER=TRUE");
    }

    /** Whether the URL turns H2's file lock off ({@code FILE_LOCK=NO}), so that other processes may open the file. */
    boolean opensWithoutFileLock() {
        return url.toUpperCase(java.util.Locale.ROOT).replace(" ", "").contains(";FILE_LOCK=NO");
    }

    /**
     * The URL the pool connects with. An H2 URL gets PostgreSQL mode, lower-case names, {@code WRITE_DELAY=0}, no
     * trace file ({@link #H2_NO_TRACE_FILE}) and no closing by H2 at the JVM's exit ({@link #H2_OPEN_UNTIL_CLOSED}),
     * and an embedded H2 file that the store compacts {@link #H2_COMPACT}, unless it sets them itself.
     */
    public String effectiveUrl() {
        if (isPostgres()) {
            return url;
        }
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        StringBuilder effective = new StringBuilder(url);
        String settings = H2_MODE + H2_DURABLE + H2_NO_TRACE_FILE + H2_OPEN_UNTIL_CLOSED
                + (compactsH2File() ? H2_COMPACT : "");
        for (String setting : settings.substring(1).split(";")) {
            String name = setting.substring(0, setting.indexOf('=') + 1);
            if (!upper.contains(";" + name)) {
                effective.append(';').append(setting);
            }
        }
        return effective.toString();
    }

    @Override
    public String toString() {
        return "JdbcConfig[url=" + url + ", user=" + user + ", password=<hidden>, maxPoolSize=" + maxPoolSize
                + ", groupCommit=" + groupCommit + ", h2Compaction=" + h2Compaction + ", caches=" + caches
                + ", statementTimeout=" + statementTimeout + "]";
    }
}
