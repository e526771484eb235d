package org.kydp.quiz.demo.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * N virtual players, one platform thread and one keep-alive connection each, running a {@link Workload} in a
 * loop for a warm-up and then a measured period. Every request is timed; only requests that start inside the
 * measured period count, and a play counts when it ends inside it. Latencies go to a primitive array per
 * player, sorted once at the end.
 */
final class LoadRun {

    /** What one virtual player does, one iteration (a play, or a single request) at a time. */
    interface Workload {
        /** Runs one iteration; returns true if it completed (a whole play without an error). */
        boolean iterate(Player player) throws IOException;
    }

    /** The figures of one measured period. */
    record Result(String name, int players, double seconds, long requests, long errors, long warmupErrors,
                  long iterations, long p50Micros, long p99Micros, long maxMicros, List<String> sampleErrors,
                  Map<String, Latencies> byKind) {

        double requestsPerSecond() {
            return requests / seconds;
        }

        double iterationsPerSecond() {
            return iterations / seconds;
        }
    }

    /** How many requests of one kind were measured, and their p50, p99 and max in microseconds. */
    record Latencies(int count, long p50Micros, long p99Micros, long maxMicros) {

        static Latencies of(long[] sorted) {
            return new Latencies(sorted.length, percentile(sorted, 0.50) / 1000, percentile(sorted, 0.99) / 1000,
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000);
        }
    }

    /** The kind of a play request, from its method and path (ids left out), for latencies per kind. */
    static String kind(String method, String path) {
        int query = path.indexOf('?');
        String route = query < 0 ? path : path.substring(0, query);
        if (route.equals("/api/v1/players")) {
            return "register";
        }
        if (route.endsWith("/attempts")) {
            return "start attempt";
        }
        if (route.endsWith("/question")) {
            return "get question";
        }
        if (route.contains("/answers/")) {
            return "answer";
        }
        if (route.endsWith("/finish")) {
            return "finish";
        }
        if (route.endsWith("/leaderboard")) {
            return "leaderboard";
        }
        return method + " " + route;
    }

    /** One virtual player: its connection, its recorded latencies and errors. */
    static final class Player {
        final HttpConnection http;
        final int number;
        private final LoadRun run;
        private long[] latencies = new long[1 << 10];
        private String[] kinds = new String[1 << 10];
        private int count;
        private long errors;
        private long warmupErrors;
        private long iterations;
        private long sequence;
        final List<String> sampleErrors = new ArrayList<>();

        Player(LoadRun run, int number, int port) {
            this.run = run;
            this.number = number;
            this.http = new HttpConnection("127.0.0.1", port);
        }

        /** A number unique to this player, for names. */
        long next() {
            return sequence++;
        }

        boolean running() {
            return System.nanoTime() < run.end;
        }

        /** Sends a request, times it and counts it as an error unless it is 2xx. Null on an I/O error. */
        HttpConnection.Response send(String method, String path, String bearer, byte[] body) {
            long start = System.nanoTime();
            HttpConnection.Response response;
            String failure = null;
            try {
                response = http.send(method, path, bearer, body);
                if (!response.ok()) {
                    failure = method + " " + path + " -> " + response.status() + " "
                            + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                response = null;
                failure = method + " " + path + " -> " + e;
            }
            long end = System.nanoTime();
            boolean measured = start >= run.measureStart && start < run.end;
            if (measured) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                    kinds = Arrays.copyOf(kinds, count * 2);
                }
                kinds[count] = kind(method, path);
                latencies[count++] = end - start;
            }
            if (failure != null) {
                if (measured) {
                    errors++;
                } else {
                    warmupErrors++;
                }
                if (sampleErrors.size() < 5) {
                    sampleErrors.add(failure.length() > 300 ? failure.substring(0, 300) : failure);
                }
                return response != null && response.ok() ? response : null;
            }
            return response;
        }
    }

    private final int players;
    private volatile long measureStart;
    private volatile long end;

    LoadRun(int players) {
        this.players = players;
    }

    Result run(String name, int port, double warmupSeconds, double measureSeconds, Workload workload)
            throws InterruptedException {
        long now = System.nanoTime();
        measureStart = now + (long) (warmupSeconds * 1e9);
        end = measureStart + (long) (measureSeconds * 1e9);
        List<Player> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            Player player = new Player(this, i, port);
            all.add(player);
            Thread thread = new Thread(() -> {
                try {
                    while (player.running()) {
                        boolean completed;
                        try {
                            completed = workload.iterate(player);
                        } catch (IOException | RuntimeException e) {
                            completed = false;
                            player.http.close();
                            synchronized (player.sampleErrors) {
                                if (player.sampleErrors.size() < 5) {
                                    player.sampleErrors.add("iteration failed: " + e);
                                }
                            }
                        }
                        long t = System.nanoTime();
                        if (completed && t >= measureStart && t < end) {
                            player.iterations++;
                        }
                    }
                } finally {
                    player.http.close();
                }
            }, "player-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(Math.max(1, (long) ((warmupSeconds + measureSeconds) * 1000) + 60_000));
        }
        int total = all.stream().mapToInt(p -> p.count).sum();
        long[] latencies = new long[total];
        int at = 0;
        long errors = 0;
        long warmupErrors = 0;
        long iterations = 0;
        List<String> samples = new ArrayList<>();
        Map<String, long[]> byKind = new TreeMap<>();
        Map<String, Integer> filled = new HashMap<>();
        for (Player player : all) {
            for (int i = 0; i < player.count; i++) {
                filled.merge(player.kinds[i], 1, Integer::sum);
            }
        }
        filled.forEach((kind, n) -> byKind.put(kind, new long[n]));
        filled.replaceAll((kind, n) -> 0);
        for (Player player : all) {
            for (int i = 0; i < player.count; i++) {
                int next = filled.merge(player.kinds[i], 1, Integer::sum);
                byKind.get(player.kinds[i])[next - 1] = player.latencies[i];
            }
        }
        Map<String, Latencies> latenciesByKind = new TreeMap<>();
        byKind.forEach((kind, values) -> {
            Arrays.sort(values);
            latenciesByKind.put(kind, Latencies.of(values));
        });
        for (Player player : all) {
            System.arraycopy(player.latencies, 0, latencies, at, player.count);
            at += player.count;
            errors += player.errors;
            warmupErrors += player.warmupErrors;
            iterations += player.iterations;
            for (String sample : player.sampleErrors) {
                if (samples.size() < 8) {
                    samples.add(sample);
                }
            }
        }
        Arrays.sort(latencies);
        return new Result(name, players, measureSeconds, total, errors, warmupErrors, iterations,
                percentile(latencies, 0.50) / 1000, percentile(latencies, 0.99) / 1000,
                total == 0 ? 0 : latencies[total - 1] / 1000, samples, latenciesByKind);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
