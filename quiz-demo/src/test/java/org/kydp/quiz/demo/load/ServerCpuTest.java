package org.kydp.quiz.demo.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServerCpuTest {

    @Test
    void threads_are_grouped_by_what_their_linux_names_say_they_do() {
        assertThat(ServerCpu.kind("JettyServerThre")).isEqualTo("request threads");
        assertThat(ServerCpu.kind("kydp-quiz-group")).isEqualTo("group commit");
        assertThat(ServerCpu.kind("GC Thread#1")).isEqualTo("garbage collector");
        assertThat(ServerCpu.kind("G1 Conc#0")).isEqualTo("garbage collector");
        assertThat(ServerCpu.kind("C2 CompilerThre")).isEqualTo("JIT compiler");
        assertThat(ServerCpu.kind("main")).isEqualTo("other");
    }

    @Test
    void the_cpu_time_a_process_spends_is_counted_for_the_kind_of_thread_that_spent_it() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        long pid = ProcessHandle.current().pid();
        ServerCpu before = ServerCpu.of(pid);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long until = threads.getCurrentThreadCpuTime() + 300_000_000L; // 0.3 s of CPU on this ("other") thread
        while (threads.getCurrentThreadCpuTime() < until) {
            sink += Long.numberOfTrailingZeros(sink + until);
        }
        Map<String, Double> millis = ServerCpu.of(pid).millisSince(before);

        assertThat(sink).isNotNegative();
        assertThat(millis.get("other")).as("counted in clock ticks of 10 ms").isGreaterThanOrEqualTo(280.0);
        assertThat(millis.get("all")).isGreaterThanOrEqualTo(millis.get("other"));
    }
}
