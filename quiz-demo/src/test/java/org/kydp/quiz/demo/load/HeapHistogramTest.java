package org.kydp.quiz.demo.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapHistogramTest {

    private static final String BEFORE = """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         76626       10667344  [B (java.base@17.0.15)
               2:           680         310128  [C (java.base@17.0.15)
               3:          2000         304000  org.eclipse.jetty.server.internal.HttpConnection
            Total        327387       21199336
            """;
    private static final String AFTER = """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          8854      197478856  [C (java.base@17.0.15)
               2:        108166       11934680  [B (java.base@17.0.15)
               3:          2015        8239704  [Lorg.eclipse.jetty.util.ArrayTrie$Node;
            Total        682329      237582856
            """;

    @Test
    void a_histogram_gives_the_live_bytes_and_objects_of_each_class_and_in_all() {
        HeapHistogram histogram = HeapHistogram.parse(BEFORE);

        assertThat(histogram.totalBytes()).isEqualTo(21_199_336L);
        assertThat(histogram.bytesByClass()).containsEntry("[B", 10_667_344L).containsEntry("[C", 310_128L);
        assertThat(histogram.countByClass()).containsEntry("org.eclipse.jetty.server.internal.HttpConnection", 2000L);
    }

    @Test
    void the_difference_of_two_histograms_says_what_grew_per_unit_largest_first() {
        HeapHistogram grown = HeapHistogram.parse(AFTER).minus(HeapHistogram.parse(BEFORE));

        assertThat(grown.totalBytes()).isEqualTo(237_582_856L - 21_199_336L);
        assertThat(grown.bytesByClass()).containsEntry("org.eclipse.jetty.server.internal.HttpConnection", -304_000L);
        assertThat(grown.largest(2, 2000)).containsExactly("[C: 98,584 B (4.1 objects)",
                "[Lorg.eclipse.jetty.util.ArrayTrie$Node;: 4,120 B (1.0 objects)");
    }
}
