package org.kydp.quiz.store;

import java.util.List;
import java.util.Objects;

import org.kydp.quiz.model.LiveFact;
import org.kydp.quiz.model.LivePlayer;
import org.kydp.quiz.model.LiveSession;

/**
 * One atomic change of a live session: its state after the change, the facts it appends to the session's log,
 * and the player it adds or removes, if any.
 *
 * @param session  the session after the change; the store sets its last event id
 * @param facts    the facts appended, in order; the store assigns their ids
 * @param joining  a player joining, with the session's next ordinal ({@link LiveSession#joined()}); or null
 * @param removing the ordinal of a player leaving or removed; or null
 */
public record LiveChange(LiveSession session, List<LiveFact> facts, LivePlayer joining, Integer removing) {

    public LiveChange {
        Objects.requireNonNull(session, "session");
        facts = List.copyOf(facts);
    }

    /** A change of state with facts, no player joining or leaving. */
    public static LiveChange of(LiveSession session, LiveFact... facts) {
        return new LiveChange(session, List.of(facts), null, null);
    }

    /** The change as appended after event {@code lastEventId}: its facts numbered, the session's last id set. */
    public LiveChange numbered(long lastEventId) {
        List<LiveFact> numbered = new java.util.ArrayList<>(facts.size());
        long id = lastEventId;
        for (LiveFact fact : facts) {
            numbered.add(fact.withId(++id));
        }
        return new LiveChange(session.withLastEventId(id), numbered, joining, removing);
    }
}
