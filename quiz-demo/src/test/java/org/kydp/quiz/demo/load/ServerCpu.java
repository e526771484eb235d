package org.kydp.quiz.demo.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The CPU time a server process's threads have used, by kind of thread, read from Linux's {@code /proc}. Taken at
 * the start and the end of a measured period, the difference divided by the requests served says what a request
 * costs in CPU, whatever else the machine was doing meanwhile: waiting for a core costs wall time, not CPU time.
 */
final class ServerCpu {

    /** Linux counts CPU time in clock ticks of 1/100 s ({@code USER_HZ}, 100 on every current kernel). */
    private static final double MILLIS_PER_TICK = 10.0;

    private final Map<String, Long> ticksByKind;

    private ServerCpu(Map<String, Long> ticksByKind) {
        this.ticksByKind = ticksByKind;
    }

    /** The CPU time used so far by each kind of thread of the process; empty where there is no {@code /proc}. */
    static ServerCpu of(long pid) {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    ticks.merge(kind(name), used, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            return new ServerCpu(Map.of());
        }
        return new ServerCpu(ticks);
    }

    /**
     * The CPU time the whole process has used so far, in ms, threads that have ended included (which {@link #of}
     * misses), or NaN where there is no {@code /proc}.
     */
    static double processMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK; // utime, stime
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Threads grouped by what they do, from their (at most 15-character) Linux names. */
    static String kind(String threadName) {
        if (threadName.startsWith("JettyServerThre") || threadName.startsWith("qtp")) {
            return "request threads";
        }
        if (threadName.startsWith("kydp-quiz-group")) {
            return "group commit";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
            return "garbage collector";
        }
        if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
            return "JIT compiler";
        }
        return "other";
    }

    /** Milliseconds of CPU used by each kind of thread since {@code earlier}, and in all, under "all". */
    Map<String, Double> millisSince(ServerCpu earlier) {
        Map<String, Double> millis = new TreeMap<>();
        double all = 0;
        for (Map.Entry<String, Long> kind : ticksByKind.entrySet()) {
            double used = (kind.getValue() - earlier.ticksByKind.getOrDefault(kind.getKey(), 0L)) * MILLIS_PER_TICK;
            millis.put(kind.getKey(), used);
            all += used;
        }
        millis.put("all", all);
        return millis;
    }
}
