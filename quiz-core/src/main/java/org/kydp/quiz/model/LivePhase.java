package org.kydp.quiz.model;

import java.util.Locale;

/**
 * Where a live session is: {@code lobby} (players join) → {@code question} (one question open for answers) →
 * {@code results} (that question closed: right answer, distribution, ranking) → {@code question} … →
 * {@code ended} (podium).
 */
public enum LivePhase {
    LOBBY,
    QUESTION,
    RESULTS,
    ENDED;

    /** The name on the wire: {@code lobby}, {@code question}, {@code results}, {@code ended}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LivePhase fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
