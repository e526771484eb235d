package org.kydp.quiz.store;

/**
 * What a store shared by several engines (several servers on one database) tells each of them about changes
 * made through the others. Called on a thread of the store, soon after the other engine's change committed;
 * an implementation returns quickly and never throws.
 */
public interface StoreListener {

    /** Another engine finished this attempt. */
    default void onAttemptFinishedElsewhere(String attemptId) {
    }

    /** Another engine changed this quiz: stored a version, published, unpublished or deleted it. */
    default void onQuizChangedElsewhere(String quizId) {
    }

    /** A live session changed: new facts may be in its log. Also called for changes this engine made. */
    default void onLiveSessionChanged(String sessionId) {
    }

    /**
     * The store lost its connection to the notifications for a while and may have missed some: whoever keeps
     * state derived from the store (an index of leaderboards) should rebuild it.
     */
    default void onNotificationsMissed() {
    }
}
