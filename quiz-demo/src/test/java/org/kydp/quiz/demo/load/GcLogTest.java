package org.kydp.quiz.demo.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class GcLogTest {

    private static final List<String> LOG = List.of(
            "[2026-12-03T10:56:34.100+0000] GC(6) Pause Young (Normal) (G1 Evacuation Pause) 44M->15M(64M) 10.714ms",
            "[2026-12-03T10:56:34.641+0000] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 44M->15M(64M) 10.500ms",
            "[2026-12-03T10:56:34.649+0000] GC(8) Pause Young (Concurrent Start) (G1 Evacuation Pause) 42M->16M(64M) "
                    + "5.250ms",
            "[2026-12-03T10:56:34.650+0000] GC(8) Concurrent Mark Cycle",
            "[2026-12-03T10:56:34.660+0000] GC(8) Pause Remark 30M->30M(64M) 1.000ms",
            "[2026-12-03T10:56:34.682+0000] GC(11) Pause Full (G1 Compaction Pause) 62M->58M(64M) 117.750ms",
            "[2026-12-03T10:56:35.000+0000] GC(12) Pause Full (G1 Compaction Pause) 63M->60M(64M) 100.000ms");

    @Test
    void the_pauses_that_ended_in_the_period_are_counted_by_kind_with_their_time_and_the_heap_left_after_them() {
        GcLog.Summary summary = GcLog.summarise(LOG, Instant.parse("2026-12-03T10:56:34.500Z"),
                Instant.parse("2026-12-03T10:56:35.000Z"));

        assertThat(summary).isEqualTo(new GcLog.Summary(2, 1, 1, 134.5, 117.75, 58, 64));
        assertThat(summary.pauseShare(0.5)).isEqualTo(0.269);
    }
}
