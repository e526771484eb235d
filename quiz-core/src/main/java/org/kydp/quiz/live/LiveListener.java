package org.kydp.quiz.live;

import java.util.Optional;

/**
 * Receives a live session's events, in order, as one viewer sees them. Called on the engine's threads, under the
 * session's lock: an implementation hands the event on (to a queue of its connection, say) and returns at once;
 * it never blocks and never throws.
 */
public interface LiveListener {

    /** The session as it is now: the first thing a new subscription gets, unless it resumes from its log. */
    void onState(LiveState state);

    /**
     * The next event.
     *
     * @param you the player's own standing with {@link LiveEvent.QuestionResults} and {@link LiveEvent.SessionEnded};
     *            empty otherwise, and always for the host
     */
    void onEvent(LiveEvent event, Optional<Standing> you);

    /** Nothing more will come: the player was removed, or the engine stopped. */
    void onEnd();
}
