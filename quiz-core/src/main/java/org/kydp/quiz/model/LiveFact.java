package org.kydp.quiz.model;

import java.time.Instant;

/**
 * One entry of a live session's log, as stored: what happened, in the order the session's event ids give. Every
 * server serving the session applies the same facts in the same order and so arrives at the same state, results
 * and rankings; the events clients receive are made from them.
 */
public sealed interface LiveFact {

    /** The event id: the session's previous id plus one. 0 until the store assigns it. */
    long id();

    Instant at();

    LiveFact withId(long id);

    /** Player {@code ordinal} joined; {@code players} take part now. */
    record Joined(long id, Instant at, int ordinal, int players) implements LiveFact {
        @Override
        public Joined withId(long newId) {
            return new Joined(newId, at, ordinal, players);
        }
    }

    /** Player {@code ordinal} left, or was removed by the host ({@code removed}). */
    record Left(long id, Instant at, int ordinal, int players, boolean removed) implements LiveFact {
        @Override
        public Left withId(long newId) {
            return new Left(newId, at, ordinal, players, removed);
        }
    }

    /** Question {@code index} was shown at {@code at}; answers open at {@code answersOpenAt} until {@code deadline}. */
    record Opened(long id, Instant at, int index, Instant answersOpenAt, Instant deadline) implements LiveFact {
        @Override
        public Opened withId(long newId) {
            return new Opened(newId, at, index, answersOpenAt, deadline);
        }
    }

    /** Question {@code index} had {@code answered} answers. */
    record Counted(long id, Instant at, int index, int answered) implements LiveFact {
        @Override
        public Counted withId(long newId) {
            return new Counted(newId, at, index, answered);
        }
    }

    /** Question {@code index} closed: no answer to it is taken from now on. */
    record Closed(long id, Instant at, int index) implements LiveFact {
        @Override
        public Closed withId(long newId) {
            return new Closed(newId, at, index);
        }
    }

    /** The session ended. */
    record Ended(long id, Instant at) implements LiveFact {
        @Override
        public Ended withId(long newId) {
            return new Ended(newId, at);
        }
    }
}
