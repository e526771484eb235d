package org.kydp.quiz.internal;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** A fixed set of locks picked by key hash: per-key mutual exclusion without a lock per key. */
public final class StripedLocks {

    private final ReentrantLock[] locks;

    public StripedLocks(int stripes) {
        if (Integer.bitCount(stripes) != 1) {
            throw new IllegalArgumentException("stripes must be a power of two: " + stripes);
        }
        locks = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public <T> T withLock(String key, Supplier<T> action) {
        int hash = key.hashCode();
        ReentrantLock lock = locks[(hash ^ (hash >>> 16)) & (locks.length - 1)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
