package org.kydp.quiz.demo.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The live objects of a JVM by class, as {@code jcmd <pid> GC.class_histogram} reports them: it runs a full
 * collection first, so the total is the heap that is retained, not garbage that has yet to be collected. Two of them
 * say what a change retained: {@link #minus}.
 *
 * @param bytesByClass bytes of live objects per class
 * @param countByClass live objects per class
 * @param totalBytes   all live objects
 */
record HeapHistogram(Map<String, Long> bytesByClass, Map<String, Long> countByClass, long totalBytes) {

    /** Takes the histogram of the JVM with this process id (a full collection, then a walk of the heap). */
    static HeapHistogram of(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " GC.class_histogram failed: " + output);
        }
        return parse(output);
    }

    /** Reads jcmd's lines: {@code "   1:   76626   10667344  [B (java.base@17)"} and {@code "Total  327387  21199336"}. */
    static HeapHistogram parse(String output) {
        Map<String, Long> bytes = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        long total = -1;
        for (String line : output.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 3 && fields[0].equals("Total")) {
                total = Long.parseLong(fields[2]);
            } else if (fields.length >= 4 && fields[0].endsWith(":") && fields[1].matches("\\d+")) {
                counts.merge(fields[3], Long.parseLong(fields[1]), Long::sum);
                bytes.merge(fields[3], Long.parseLong(fields[2]), Long::sum);
            }
        }
        if (total < 0) {
            throw new IllegalArgumentException("no total in the histogram: " + output);
        }
        return new HeapHistogram(bytes, counts, total);
    }

    /** What this histogram holds more than an earlier one, class by class. */
    HeapHistogram minus(HeapHistogram earlier) {
        Map<String, Long> bytes = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        bytesByClass.forEach((type, b) -> bytes.put(type, b - earlier.bytesByClass.getOrDefault(type, 0L)));
        earlier.bytesByClass.forEach((type, b) -> bytes.putIfAbsent(type, -b));
        countByClass.forEach((type, c) -> counts.put(type, c - earlier.countByClass.getOrDefault(type, 0L)));
        earlier.countByClass.forEach((type, c) -> counts.putIfAbsent(type, -c));
        return new HeapHistogram(bytes, counts, totalBytes - earlier.totalBytes);
    }

    /** The classes that take the most bytes, each as "class: bytes per unit (objects per unit)". */
    List<String> largest(int limit, long units) {
        List<String> lines = new ArrayList<>();
        bytesByClass.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(limit).forEach(entry -> lines.add(String.format(Locale.ROOT, "%s: %,.0f B (%.1f objects)",
                        entry.getKey(), entry.getValue() / (double) units,
                        countByClass.getOrDefault(entry.getKey(), 0L) / (double) units)));
        return lines;
    }
}
