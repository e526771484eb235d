package org.kydp.quiz.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * "Attempt finished" across servers through PostgreSQL alone: a finish sends {@code NOTIFY} in its own
 * transaction (delivered when it commits), and every store {@code LISTEN}s on a dedicated connection, telling
 * its listeners of the finishes of the other stores. The connection is opened again when it fails; the
 * listeners are then told that they may have missed some.
 */
final class FinishNotifications implements AutoCloseable {

    static final String CHANNEL = "kydp_quiz_attempt_finished";
    /** Live sessions changed: the other servers serving one catch up with its log. */
    static final String LIVE_CHANNEL = "kydp_quiz_live_changed";

    private static final Logger LOG = LoggerFactory.getLogger(FinishNotifications.class);
    private static final int POLL_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final String url;
    private final Properties credentials;
    private final String storeId;
    private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    FinishNotifications(String url, String user, String password, String storeId) {
        this.url = url;
        this.credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        this.storeId = storeId;
        this.thread = new Thread(this::run, "kydp-quiz-notifications");
        thread.setDaemon(true);
    }

    /** Starts listening, and waits a little for the first LISTEN so that no finish after this is missed. */
    void start() {
        thread.start();
        try {
            if (!listening.await(10, TimeUnit.SECONDS)) {
                LOG.warn("not yet listening for finished attempts; will go on trying");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void addListener(StoreListener listener) {
        listeners.add(listener);
    }

    /** Sends the notification in the transaction of the handle: it is delivered if and when that commits. */
    void send(Handle handle, String attemptId) {
        handle.createQuery("SELECT COUNT(*) FROM (SELECT pg_notify(:channel, :payload)) AS sent")
                .bind("channel", CHANNEL).bind("payload", storeId + ' ' + attemptId)
                .mapTo(Integer.class).one();
    }

    /** Tells the other stores, when the handle's transaction commits, that a live session changed. */
    void sendLive(Handle handle, String sessionId) {
        handle.createQuery("SELECT COUNT(*) FROM (SELECT pg_notify(:channel, :payload)) AS sent")
                .bind("channel", LIVE_CHANNEL).bind("payload", storeId + ' ' + sessionId)
                .mapTo(Integer.class).one();
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
                    statement.execute("LISTEN " + LIVE_CHANNEL);
                }
                if (!first) {
                    LOG.info("listening for finished attempts again");
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
                            deliver(notification.getName(), notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    break;
                }
                LOG.warn("lost the connection that listens for finished attempts ({}); trying again in {} ms",
                        e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private void deliver(String channel, String payload) {
        int space = payload.indexOf(' ');
        if (space < 0 || payload.substring(0, space).equals(storeId)) {
            return;
        }
        String id = payload.substring(space + 1);
        boolean live = LIVE_CHANNEL.equals(channel);
        for (StoreListener listener : listeners) {
            try {
                if (live) {
                    listener.onLiveSessionChanged(id);
                } else {
                    listener.onAttemptFinishedElsewhere(id);
                }
            } catch (RuntimeException e) {
                LOG.error("a listener failed on {} {}", live ? "live session" : "finished attempt", id, e);
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
