package org.kydp.quiz.store.jdbc;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import org.kydp.quiz.error.StorageException;
import org.kydp.quiz.store.AttemptStore;
import org.kydp.quiz.store.LiveStore;
import org.kydp.quiz.store.PlayerStore;
import org.kydp.quiz.store.PollStore;
import org.kydp.quiz.store.QuizStore;
import org.kydp.quiz.store.StatisticsStore;
import org.kydp.quiz.store.Store;
import org.kydp.quiz.store.StoreListener;

/**
 * The store in a database: H2 (a file, the default) or PostgreSQL (for production and several servers). JDBI
 * over a HikariCP pool; the schema is brought up to date by Flyway when the store opens. A write is committed,
 * durably, before the method that made it returns; concurrent attempt and player writes share commits (group
 * commit). On PostgreSQL, every change to an attempt in progress or a quiz is announced to the other stores on the
 * same database ({@link ChangeNotifications}), finished attempts included. An embedded H2 file is compacted while the
 * store runs ({@link H2Compaction}).
 *
 * <p>Players, quiz versions and attempts are kept in memory once read or written, in caches bounded by size
 * ({@link CacheSizes}, {@link #cacheStatistics()}), and read from there without asking the database while that is
 * safe ({@link Freshness}): on an embedded H2 database the store is the only writer (see
 * {@link Ownership}); on PostgreSQL, which several servers may share, it hears of the others' changes and forgets
 * what they changed, and checks each read against one small query only while it is not listening. Writes to an
 * attempt verify, in their own statement, that the attempt is still the one they were based on.
 *
 * <pre>{@code
 * try (JdbcStore store = JdbcStore.open(JdbcConfig.h2(Path.of("data")))) {
 *     QuizEngine engine = QuizEngine.builder().store(store).build();
 *     ...
 * }
 * }</pre>
 */
public final class JdbcStore implements Store, AutoCloseable {

    static final String MIGRATIONS = "classpath:org/kydp/quiz/store/jdbc/migration";
    static final String HISTORY_TABLE = "quiz_schema_history";

    private final JdbcConfig config;
    private final Ownership ownership;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Writes writes;
    private final ChangeNotifications notifications;
    private final JdbcQuizStore quizzes;
    private final JdbcPlayerStore players;
    private final JdbcAttemptStore attempts;
    private final JdbcPollStore polls;
    private final JdbcLiveStore live;
    private final JdbcStatistics statistics;
    private final H2Compaction compaction;
    private final StoreCaches caches = new StoreCaches();

    private JdbcStore(JdbcConfig config, HikariDataSource dataSource, Clock clock) {
        this.config = config;
        this.ownership = Ownership.claim(config, dataSource);
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(StorageFailures.connections(dataSource, config.url()));
        StatementTimeouts.apply(jdbi, config.statementTimeoutSeconds());
        this.notifications = config.isPostgres() ? new ChangeNotifications(config.url(), config.user(),
                config.password(), UUID.randomUUID().toString(), new KeptRows()) : null;
        Writes.Announcer announcer = notifications == null ? Writes.NOBODY_TO_TELL : notifications;
        Freshness freshness = new Freshness(ownership, notifications);
        this.writes = config.groupCommit() ? new GroupCommit(jdbi, announcer, "kydp-quiz-group-commit")
                : Writes.oneTransactionEach(jdbi, announcer);
        CacheSizes sizes = config.caches();
        this.quizzes = new JdbcQuizStore(jdbi, clock, freshness, announcer, caches, sizes.quizVersions());
        this.players = new JdbcPlayerStore(jdbi, writes, caches.bounded("players.by-id", sizes.players()),
                caches.bounded("players.by-token", sizes.players()));
        this.polls = new JdbcPollStore(jdbi, writes);
        this.statistics = new JdbcStatistics(jdbi, "kydp-quiz-statistics", ownership.writersHere(),
                config.isPostgres());
        this.attempts = new JdbcAttemptStore(jdbi, writes, freshness, caches.bounded("attempts", sizes.attempts()),
                statistics);
        this.live = new JdbcLiveStore(jdbi, writes, ownership);
        this.compaction = config.compactsH2File() ? H2Compaction.start(dataSource, "kydp-quiz-h2-compaction") : null;
    }

    /**
     * Opens the store: connects, brings the schema up to date, and on PostgreSQL starts listening.
     *
     * @throws StorageException when the database cannot be opened: its driver is not on the class path (the
     *     message names the dependency to add), its file is in use by another process, the server cannot be
     *     reached or refuses the login, or the schema cannot be brought up to date. The message names the database.
     */
    public static JdbcStore open(JdbcConfig config) {
        return open(config, Clock.systemUTC());
    }

    /**
     * As {@link #open(JdbcConfig)}, with the clock that dates saved quiz versions.
     *
     * @throws StorageException when the database cannot be opened, as {@link #open(JdbcConfig)}
     */
    public static JdbcStore open(JdbcConfig config, Clock clock) {
        DatabaseLibraries.requireFor(config.url());
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(poolConfig(config));
        } catch (RuntimeException e) {
            throw StorageFailures.opening(config.url(), e);
        }
        try {
            Flyway.configure()
                    .loggers("slf4j") // through the embedder's SLF4J binding, never java.util.logging
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .table(HISTORY_TABLE)
                    .load()
                    .migrate();
            JdbcStore store = new JdbcStore(config, dataSource, clock);
            try {
                if (store.notifications != null) {
                    store.notifications.start();
                }
            } catch (RuntimeException e) {
                store.ownership.close();
                throw e;
            }
            return store;
        } catch (RuntimeException e) {
            dataSource.close();
            throw StorageFailures.opening(config.url(), e);
        }
    }

    private static HikariConfig poolConfig(JdbcConfig config) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("kydp-quiz");
        pool.setJdbcUrl(config.effectiveUrl());
        pool.setUsername(config.user());
        pool.setPassword(config.password());
        pool.setMaximumPoolSize(config.maxPoolSize());
        pool.setConnectionTimeout(5_000);
        config.h2LockTimeoutStatement().ifPresent(pool::setConnectionInitSql);
        return pool;
    }

    public JdbcConfig config() {
        return config;
    }

    @Override
    public QuizStore quizzes() {
        return quizzes;
    }

    @Override
    public PlayerStore players() {
        return players;
    }

    @Override
    public AttemptStore attempts() {
        return attempts;
    }

    @Override
    public PollStore polls() {
        return polls;
    }

    @Override
    public StatisticsStore statistics() {
        return statistics;
    }

    @Override
    public LiveStore live() {
        return live;
    }

    @Override
    public void addListener(StoreListener listener) {
        if (notifications != null) {
            notifications.addListener(listener);
        }
    }

    @Override
    public void check() {
        try {
            jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
        } catch (RuntimeException e) {
            throw e instanceof StorageException storage ? storage
                    : new StorageException("the database " + StorageFailures.masked(config.url())
                            + " cannot be reached: " + StorageFailures.reason(e), e);
        }
    }

    /**
     * What each of the store's caches has done since it opened (hits, misses, evictions) and how many entries it
     * keeps now, by the cache's name: {@code attempts}, {@code players.by-id}, {@code players.by-token} and the
     * caches of quizzes, {@code quizzes.versions}, {@code quizzes.latest}, {@code quizzes.published},
     * {@code quizzes.documents} (versions as read, by the time each was saved) and {@code quizzes.parsed}.
     */
    public Map<String, CacheStatistics> cacheStatistics() {
        return caches.statistics();
    }

    /**
     * Tells {@code listener} of every group of writes committed from now on (for metrics); nothing is told when the
     * store commits each write on its own ({@link JdbcConfig#groupCommit()} off).
     */
    public void onGroupCommit(GroupCommitListener listener) {
        if (writes instanceof GroupCommit group) {
            group.onCommit(listener);
        }
    }

    /**
     * Has the connection pool report its use (connections active, idle, pending; acquire and usage times) to the
     * metrics system behind {@code factory}, for example HikariCP's {@code MicrometerMetricsTrackerFactory}.
     * Called once at most.
     *
     * @throws IllegalStateException if the pool already reports to one
     */
    public void reportPoolMetrics(MetricsTrackerFactory factory) {
        dataSource.setMetricsTrackerFactory(factory);
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** Whether the store is the only writer of its database, and trusts what it keeps without asking. */
    boolean soleWriter() {
        return ownership.sole();
    }

    /** Whether the store hears every change made through the other stores now (PostgreSQL, listening). */
    boolean hearsEveryChange() {
        return notifications != null && notifications.heardEverything();
    }

    /** What the stores keep of rows that other stores change, told of those changes by {@link #notifications}. */
    private final class KeptRows implements ChangeNotifications.Kept {

        @Override
        public void changedElsewhere(Change change) {
            switch (change.kind()) {
                case ATTEMPT, FINISHED -> attempts.changedElsewhere(change.id());
                case QUIZ -> quizzes.forgetKept();
                case LIVE -> { } // nothing kept: the listeners catch up with the session's log
            }
        }

        @Override
        public void forgetAll() {
            attempts.forgetAll();
            quizzes.forgetKept();
        }
    }

    /** How many transactions group commit has run, or -1 when each write has its own. */
    long groupCommitTransactions() {
        return writes instanceof GroupCommit group ? group.transactions() : -1;
    }

    /**
     * Stops compacting, finishes the writes in progress, sums the statistics waiting, stops listening and closes the
     * pool.
     */
    @Override
    public void close() {
        try {
            if (compaction != null) {
                compaction.close();
            }
            writes.close();
            statistics.close();
        } finally {
            if (notifications != null) {
                notifications.close();
            }
            dataSource.close();
            ownership.close();
        }
    }
}
