package org.kydp.quiz.demo.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Linux limits that decide how many connections a round can hold: the open files a process may have (each socket is
 * one, on both sides), and the loopback ports the load generator's connections can come from.
 */
final class Limits {

    private Limits() {
    }

    /** "soft / hard" from {@code /proc/<pid>/limits}, or "unknown". */
    static String openFiles(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] fields = line.substring("Max open files".length()).trim().split("\\s+");
                    return fields[0] + " soft / " + fields[1] + " hard";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "unknown";
    }

    /** The range of ports outgoing connections use ({@code net.ipv4.ip_local_port_range}), or "unknown". */
    static String ephemeralPorts() {
        try {
            // read by lines: this file's size as procfs reports it cuts Files.readString short
            String[] range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim()
                    .split("\\s+");
            return range[0] + "–" + range[1];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
