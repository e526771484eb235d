package org.kydp.quiz.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void an_id_is_a_version_7_uuid_carrying_its_time_in_milliseconds() {
        long at = 1_771_216_200_123L; // 2026-02-16T04:30:00.123Z
        UUID id = UUID.fromString(TimeOrderedIds.next(at));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at);
    }

    @Test
    void ids_made_in_later_milliseconds_sort_later_as_text() {
        String previous = TimeOrderedIds.next(0);
        for (long at = 1; at < 5_000; at += 7) {
            String next = TimeOrderedIds.next(1_771_216_200_000L + at * 1_000_003L);
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
    }

    @Test
    void ids_made_in_the_same_millisecond_differ() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.next(1_771_216_200_123L));
        }
        assertThat(ids).hasSize(100_000);
    }

    @Test
    void a_time_outside_48_bits_is_refused() {
        assertThatThrownBy(() -> TimeOrderedIds.next(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeOrderedIds.next(1L << 48)).isInstanceOf(IllegalArgumentException.class);
    }
}
