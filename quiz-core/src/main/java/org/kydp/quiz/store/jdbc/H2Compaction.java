package org.kydp.quiz.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.api.ErrorCode;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.message.DbException;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.SingleFileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the file of an embedded H2 database small while the store runs.
 *
 * <p>H2 never overwrites a page: each commit appends a chunk holding every page it changed, and a chunk's space is
 * reused only once none of its pages is live. Under many small commits most chunks keep a few live pages for good
 * (the leaves of the tables and indexes a later commit does not touch again), so the file grows by all that was
 * ever written. H2 cleans up in its background writer thread, rewriting the live pages of sparse chunks and moving
 * chunks to shrink the file, but it starts that thread only when commits are written late ({@code WRITE_DELAY} above
 * 0), and the store writes each commit at once so that an acknowledged write survives {@code kill -9}. Without this
 * class nothing compacts the file while the database is open: a play adds about 90 KB, where {@code SHUTDOWN COMPACT}
 * keeps about 2 KB of it.
 *
 * <p>So a thread of the store does that work itself, every {@link #PERIOD}, on a pooled connection (which also keeps
 * the database open meanwhile). Each round it rewrites the live pages of the emptiest chunks while the chunks are
 * less than {@link #CHUNK_FILL_PERCENT} full, at most {@link #REWRITE_BYTES} a time ({@link MVStore#compact(int, int)},
 * which waits at most 10 ms for H2's store lock and gives up the round if it is busy). The space so freed is taken by
 * the next chunks written, so under load the file stops growing faster than its data. Moving chunks from the end of
 * the file into its holes and truncating it ({@link SingleFileStore#compactMoveChunks(int, long, MVStore)}, while the
 * file has more than {@code 100 - }{@link #FILE_FILL_PERCENT}% of free space, at most {@link #MOVE_BYTES} a time) is
 * done only in a round that finds nothing committed since the previous round ended: it holds the store lock, so
 * that no commit can be written meanwhile, while it copies chunks and forces the file to the disk several times.
 * Under load the file stays within 3 times its compacted size without it; it gives the file's end back once the load
 * stops (measured in README.md, "Benchmarks").
 *
 * <p>Two settings of the connection URL ({@link JdbcConfig#H2_COMPACT}) go with it, and cost no measurable
 * throughput: pages are compressed, as {@code SHUTDOWN COMPACT} writes them, and the space of a chunk is reused as
 * soon as no reader needs it rather than 45 s later (H2's retention time, which would keep some 45 s worth of commits
 * in the file).
 */
final class H2Compaction implements AutoCloseable {

    static final Duration PERIOD = Duration.ofMillis(500);
    static final int CHUNK_FILL_PERCENT = 60;
    static final int REWRITE_BYTES = 2 << 20;
    static final int FILE_FILL_PERCENT = 80;
    static final long MOVE_BYTES = 2 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService thread;
    private boolean failing;
    /** The store's version when the previous round ended: each commit, the rounds' own too, makes a new one. */
    private long versionAfterLastRound = -1;

    private H2Compaction(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread compactor = new Thread(runnable, name);
            compactor.setDaemon(true);
            return compactor;
        });
    }

    /** Starts compacting the embedded H2 database behind the pool. */
    static H2Compaction start(DataSource dataSource, String name) {
        H2Compaction compaction = new H2Compaction(dataSource, name);
        compaction.thread.scheduleWithFixedDelay(compaction::compactOnce, PERIOD.toMillis(), PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        return compaction;
    }

    /**
     * One round: rewrites sparse chunks; if nothing was committed since the previous round, also moves chunks to
     * shrink the file. Nothing when the file is compact.
     */
    void compactOnce() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
                MVStore store = session.getDatabase().getStore().getMvStore();
                if (store.getFileStore() instanceof SingleFileStore file && !store.isClosed()) {
                    synchronized (session.getDatabase().getLobSyncObject()) { // what BACKUP TO holds while it copies
                        compact(store, file);
                    }
                }
            }
            failing = false;
        } catch (SQLException | RuntimeException e) {
            if (closedDatabase(e)) {
                return; // closed under the store, as H2 does at the JVM's exit before the store is closed
            }
            if (!failing) {
                LOG.warn("compacting the H2 file failed; trying again every {} ms", PERIOD.toMillis(), e);
            }
            failing = true;
        }
    }

    /**
     * Rewrites sparse chunks and, when idle, moves chunks: never while {@code BACKUP TO} copies the file, which
     * counts on no space being reused meanwhile (H2 checks that only when a move starts), so the caller holds the
     * monitor the backup holds.
     */
    private void compact(MVStore store, SingleFileStore file) {
        boolean idle = store.getCurrentVersion() == versionAfterLastRound;
        store.compact(CHUNK_FILL_PERCENT, REWRITE_BYTES);
        if (idle && file.isSpaceReused()) {
            file.compactMoveChunks(FILE_FILL_PERCENT, MOVE_BYTES, store);
        }
        versionAfterLastRound = store.getCurrentVersion();
    }

    /** Whether the failure says the database is closed, or being closed by H2's own hook at the JVM's exit. */
    private static boolean closedDatabase(Exception e) {
        return e instanceof SQLException sql && isClosed(sql.getErrorCode())
                || e instanceof DbException db && isClosed(db.getErrorCode())
                || e instanceof MVStoreException store && store.getErrorCode() == DataUtils.ERROR_CLOSED;
    }

    private static boolean isClosed(int errorCode) {
        return errorCode == ErrorCode.DATABASE_IS_CLOSED || errorCode == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN;
    }

    /** Stops compacting, after the round in progress. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("the H2 compaction did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
