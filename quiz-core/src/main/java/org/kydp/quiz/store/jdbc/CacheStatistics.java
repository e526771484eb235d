package org.kydp.quiz.store.jdbc;

/**
 * What one of the store's caches has done since the store opened, for a metrics registry to read.
 *
 * @param hits      reads answered from the cache
 * @param misses    reads the cache could not answer, which went to the database
 * @param evictions entries dropped to keep the cache within its bound (not those forgotten because they changed)
 * @param size      entries kept now (an estimate while other threads use the cache)
 */
public record CacheStatistics(long hits, long misses, long evictions, long size) {
}
