package org.kydp.quiz.leaderboard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** Which finished attempts a leaderboard counts: all of them, or those of the current calendar day or week. */
public enum Window {
    ALL("all"),
    /** Since midnight today in the engine's zone. */
    DAY("day"),
    /** Since midnight on Monday of this week in the engine's zone. */
    WEEK("week");

    private final String wireName;

    Window(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Window fromWireName(String name) {
        for (Window window : values()) {
            if (window.wireName.equals(name)) {
                return window;
            }
        }
        throw new IllegalArgumentException("unknown leaderboard window: " + name);
    }

    /** The earliest finish this window counts, as of {@code now}. */
    public Instant start(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return switch (this) {
            case ALL -> Instant.MIN;
            case DAY -> today.atStartOfDay(zone).toInstant();
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
        };
    }
}
