package org.kydp.quiz.live;

/** A viewer's subscription to a live session's events; cancel it when its connection closes. */
public interface LiveSubscription {

    void cancel();
}
