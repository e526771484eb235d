package org.kydp.quiz.store.jdbc;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

/**
 * The store's caches by name, each bounded by size and counting its hits, misses and evictions.
 *
 * <p>A map emptied when full sent every request to the database at once, and then filled again to empty again.
 * These caches (Caffeine's W-TinyLFU) evict past their bound, one at a time, the entries least likely to be asked for
 * again: those used rarely and not lately. A flood of entries asked for once (random ids, say) therefore does not push
 * out those asked for on every request. Evictions happen on the thread that adds past the bound, so that the bound
 * holds when the call returns and no other thread is involved.
 */
final class StoreCaches {

    private final Map<String, Cache<?, ?>> byName = new ConcurrentHashMap<>();

    /** A new cache of at most {@code maximumSize} entries, reported under {@code name}. */
    <K, V> Cache<K, V> bounded(String name, int maximumSize) {
        Cache<K, V> cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .executor(Runnable::run)
                .recordStats()
                .build();
        if (byName.putIfAbsent(name, cache) != null) {
            throw new IllegalArgumentException("two caches named " + name);
        }
        return cache;
    }

    /** What each cache has done so far, by name in alphabetical order. */
    Map<String, CacheStatistics> statistics() {
        Map<String, CacheStatistics> statistics = new TreeMap<>();
        byName.forEach((name, cache) -> {
            CacheStats stats = cache.stats();
            statistics.put(name, new CacheStatistics(stats.hitCount(), stats.missCount(), stats.evictionCount(),
                    cache.estimatedSize()));
        });
        return Collections.unmodifiableMap(statistics);
    }
}
