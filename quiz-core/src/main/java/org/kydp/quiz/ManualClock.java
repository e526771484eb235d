package org.kydp.quiz;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until it is moved by hand: give it to {@link QuizEngine.Builder#clock(Clock)} to test
 * time limits, deadlines and daily leaderboards without waiting.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at("2026-01-26T04:30:00Z");
 * QuizEngine engine = QuizEngine.builder().clock(clock).build();
 * ...
 * clock.advance(Duration.ofSeconds(31));   // a 30-second question has now timed out
 * }</pre>
 *
 * <p>Safe to read and move from any thread. Copies made with {@link #withZone(ZoneId)} share its time: moving the
 * clock moves them too.
 */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock in UTC standing at {@code instant}. */
    public static ManualClock at(Instant instant) {
        return new ManualClock(new AtomicReference<>(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
    }

    /** A clock in UTC standing at an ISO-8601 instant such as {@code 2026-01-26T04:30:00Z}. */
    public static ManualClock at(String instant) {
        return at(Instant.parse(instant));
    }

    /** Moves the clock forward by {@code duration} (backward if it is negative) and returns the new time. */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return now.updateAndGet(instant -> instant.plus(duration));
    }

    /** Sets the clock to {@code instant}. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public ManualClock withZone(ZoneId zone) {
        return new ManualClock(now, Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + ", " + zone + "]";
    }
}
