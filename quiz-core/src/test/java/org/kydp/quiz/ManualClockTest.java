package org.kydp.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void stands_still_until_moved() {
        ManualClock clock = ManualClock.at("2026-01-26T04:30:00Z");

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-26T04:30:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2026-01-26T04:30:00Z").toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);

        assertThat(clock.advance(Duration.ofSeconds(31))).isEqualTo(Instant.parse("2026-01-26T04:30:31Z"));
        clock.set(Instant.parse("2027-01-01T00:00:00Z"));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void a_copy_in_another_zone_shares_the_time() {
        ManualClock clock = ManualClock.at("2026-01-26T04:30:00Z");
        ManualClock delhi = clock.withZone(ZoneId.of("Asia/Kolkata"));

        clock.advance(Duration.ofHours(1));

        assertThat(delhi.instant()).isEqualTo(Instant.parse("2026-01-26T05:30:00Z"));
        assertThat(delhi.getZone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(java.time.LocalTime.now(delhi)).isEqualTo(java.time.LocalTime.of(11, 0));
    }
}
