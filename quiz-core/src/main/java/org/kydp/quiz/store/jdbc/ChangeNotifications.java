package org.kydp.quiz.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kydp.quiz.store.StoreListener;

/**
 * Changes across servers through PostgreSQL alone. Every transaction that changes an attempt in progress or a quiz
 * sends {@code NOTIFY} with the ids it changed (delivered when, and only if, it commits), and every store
 * {@code LISTEN}s on a dedicated connection: what it hears of another store's changes, it forgets from what it keeps
 * in memory, and it tells its listeners of the attempts finished elsewhere (the leaderboards record them).
 *
 * <p>While it listens, a store therefore knows of every change made through the others within the delay of a
 * notification, and reads what it keeps without checking it; writes are verified by the database all the same.
 * While it does not listen (not yet, or its connection was lost and is being opened again), it may miss changes,
 * so reads check what is kept as before; once it listens again, it forgets everything it kept, and tells its
 * listeners that they may have missed some.
 *
 * <p>A notification is {@code <store id> <word> <word> …}, one word per change ({@link Change#word()}); the changes
 * of one transaction (a group commit's many writes) go in as few notifications as PostgreSQL's payload of less than
 * 8,000 bytes allows.
 */
final class ChangeNotifications implements Writes.Announcer, AutoCloseable {

    static final String CHANNEL = "kydp_quiz_changes";
    /** PostgreSQL refuses a payload of 8,000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7_999;

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifications.class);
    private static final int POLL_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    /** What the store keeps in memory of rows that other stores change. */
    interface Kept {

        /** Another store made this change: forget what is kept of it. */
        void changedElsewhere(Change change);

        /** Changes may have been missed: forget everything kept that others may change. */
        void forgetAll();
    }

    private final String url;
    private final Properties credentials;
    private final String storeId;
    private final Kept kept;
    private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean heardEverything;
    private volatile Connection connection;

    ChangeNotifications(String url, String user, String password, String storeId, Kept kept) {
        this.url = url;
        this.credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        this.storeId = storeId;
        this.kept = kept;
        this.thread = new Thread(this::run, "kydp-quiz-notifications");
        thread.setDaemon(true);
    }

    /** Starts listening, and waits a little for the first LISTEN so that no change after this is missed. */
    void start() {
        thread.start();
        try {
            if (!listening.await(10, TimeUnit.SECONDS)) {
                LOG.warn("not yet listening for changes made through other servers; will go on trying");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void addListener(StoreListener listener) {
        listeners.add(listener);
    }

    /**
     * True while the store listens and has forgotten what it kept before: every change committed through another
     * store since then is heard (within the delay of a notification). False before the first LISTEN and from the
     * moment the connection is found lost until it listens again.
     */
    boolean heardEverything() {
        return heardEverything;
    }

    /** Sends the changes in the transaction of the handle: they are delivered if and when it commits. */
    @Override
    public void announce(Handle handle, List<Change> changes) {
        for (String payload : payloads(storeId, changes)) {
            handle.createQuery("SELECT COUNT(*) FROM (SELECT pg_notify(:channel, :payload)) AS sent")
                    .bind("channel", CHANNEL).bind("payload", payload)
                    .mapTo(Integer.class).one();
        }
    }

    /** The changes as few payloads of the store's id and their words, each shorter than PostgreSQL's limit. */
    static List<String> payloads(String storeId, List<Change> changes) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder(storeId);
        int bytes = storeId.length();
        for (Change change : changes) {
            String word = change.word();
            int wordBytes = 1 + word.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + wordBytes > MAX_PAYLOAD_BYTES && payload.length() > storeId.length()) {
                payloads.add(payload.toString());
                payload.setLength(storeId.length());
                bytes = storeId.length();
            }
            payload.append(' ').append(word);
            bytes += wordBytes;
        }
        if (payload.length() > storeId.length()) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    private void run() {
        boolean first = true;
        long backoff = 100;
        while (!closed) {
            try (Connection listener = new org.postgresql.Driver().connect(url, credentials)) {
                if (listener == null) {
                    throw new SQLException("not a PostgreSQL URL: " + url);
                }
                connection = listener;
                try (Statement statement = listener.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                kept.forgetAll();
                heardEverything = true;
                if (!first) {
                    LOG.info("listening for changes made through other servers again");
                    listeners.forEach(StoreListener::onNotificationsMissed);
                }
                first = false;
                backoff = 100;
                listening.countDown();
                PGConnection pg = listener.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                heardEverything = false;
                if (closed) {
                    break;
                }
                LOG.warn("lost the connection that listens for changes made through other servers ({}); "
                        + "reads check what is kept until it is back; trying again in {} ms", e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
        heardEverything = false;
    }

    private void deliver(String payload) {
        String[] words = payload.split(" ");
        if (words.length < 2 || words[0].equals(storeId)) {
            return;
        }
        for (int i = 1; i < words.length; i++) {
            Change.ofWord(words[i]).ifPresent(this::changedElsewhere);
        }
    }

    private void changedElsewhere(Change change) {
        kept.changedElsewhere(change);
        if (change.kind() == Change.Kind.ATTEMPT) {
            return;
        }
        for (StoreListener listener : listeners) {
            try {
                switch (change.kind()) {
                    case LIVE -> listener.onLiveSessionChanged(change.id());
                    case FINISHED -> listener.onAttemptFinishedElsewhere(change.id());
                    case QUIZ -> listener.onQuizChangedElsewhere(change.id());
                    case ATTEMPT -> { }
                }
            } catch (RuntimeException e) {
                LOG.error("a listener failed on {}", change, e);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        heardEverything = false;
        Connection current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException e) {
                LOG.debug("closing the listening connection", e);
            }
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
