package org.kydp.quiz.demo.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's garbage collections in a period, read from the log its JVM writes with {@link #option}
 * ({@code -Xlog:gc}, each line stamped with the wall-clock time): how many young and full collections paused it, for
 * how long in all, and the most heap still in use after a collection, which is close to what was live.
 */
final class GcLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    /** {@code [2026-12-03T11:10:00.123+0000] GC(40) Pause Full (G1 Compaction Pause) 250M->240M(256M) 812.345ms}. */
    private static final Pattern PAUSE = Pattern.compile(
            "^\\[([^\\]]+)\\].*GC\\(\\d+\\) Pause (\\w+).*?(\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");

    /** The figures of one period. */
    record Summary(int youngPauses, int fullPauses, int otherPauses, double pauseMillis, double maxPauseMillis,
                   long maxMegabytesAfter, long heapMegabytes) {

        /** Paused time as a share of the period. */
        double pauseShare(double seconds) {
            return pauseMillis / 1000 / seconds;
        }
    }

    private GcLog() {
    }

    /** The JVM option that writes the log this class reads. */
    static String option(Path log) {
        return "-Xlog:gc:file=" + log + ":time";
    }

    /** The collections that ended in {@code [from, to)}; all zero when there is no log. */
    static Summary between(Path log, Instant from, Instant to) throws IOException {
        if (!Files.isRegularFile(log)) {
            return new Summary(0, 0, 0, 0, 0, 0, 0);
        }
        return summarise(Files.readAllLines(log, StandardCharsets.UTF_8), from, to);
    }

    static Summary summarise(List<String> lines, Instant from, Instant to) {
        int young = 0;
        int full = 0;
        int other = 0;
        double millis = 0;
        double maxMillis = 0;
        long maxAfter = 0;
        long heap = 0;
        for (String line : lines) {
            Matcher pause = PAUSE.matcher(line);
            if (!pause.find()) {
                continue;
            }
            Instant at = OffsetDateTime.parse(pause.group(1), TIME).toInstant();
            if (at.isBefore(from) || !at.isBefore(to)) {
                continue;
            }
            switch (pause.group(2)) {
                case "Young" -> young++;
                case "Full" -> full++;
                default -> other++;
            }
            double ms = Double.parseDouble(pause.group(6));
            millis += ms;
            maxMillis = Math.max(maxMillis, ms);
            maxAfter = Math.max(maxAfter, Long.parseLong(pause.group(4)));
            heap = Math.max(heap, Long.parseLong(pause.group(5)));
        }
        return new Summary(young, full, other, millis, maxMillis, maxAfter, heap);
    }
}
