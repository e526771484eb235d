package org.kydp.quiz.store.jdbc;

/**
 * Whether what a store keeps in memory (attempts in progress, quiz versions, which quizzes are published) is what
 * the database holds, so that reads need not check it. It is while the store is the only writer of its database
 * ({@link Ownership}), and, on PostgreSQL, while it listens to the changes the other stores announce
 * ({@link ChangeNotifications}): then it hears of every change made elsewhere within the delay of a notification, and
 * forgets what it kept of it. Otherwise (two stores on one H2 file, or a PostgreSQL store whose listening connection
 * is not up) other stores may change rows unheard, and every read checks what is kept against a small query.
 */
final class Freshness {

    private final Ownership ownership;
    private final ChangeNotifications notifications;

    /** @param notifications the changes announced by the other stores; null where there are none (H2) */
    Freshness(Ownership ownership, ChangeNotifications notifications) {
        this.ownership = ownership;
        this.notifications = notifications;
    }

    /** Whether no other store can write to the database: what is kept is right without any notification. */
    boolean soleWriter() {
        return ownership.sole();
    }

    /** Whether what is kept may be read without checking it: up to date, or behind by a notification's delay. */
    boolean keptIsCurrent() {
        return ownership.sole() || notifications != null && notifications.heardEverything();
    }
}
