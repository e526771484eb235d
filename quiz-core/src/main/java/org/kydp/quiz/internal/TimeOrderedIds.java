package org.kydp.quiz.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids for stored records (players, attempts): UUIDs of version 7 (RFC 9562), whose first 48 bits are the time
 * they were made, in milliseconds since 1970, and whose other 74 free bits are random. Ids made in different
 * milliseconds sort, as numbers and as their lower-case text, in the order they were made; so the rows of recent
 * players and attempts sit together at the end of a database index, and a commit rewrites a few index pages
 * rather than one page per row, as random (version 4) ids did. Ids are not secrets: a player's token, never an
 * id, proves who they are.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    /** A new id made at this time (milliseconds since 1970; 0 to 2<sup>48</sup> − 1). */
    public static String next(long epochMillis) {
        if (epochMillis < 0 || epochMillis >= 1L << 48) {
            throw new IllegalArgumentException("time out of range for a version 7 UUID: " + epochMillis);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = epochMillis << 16 | 0x7000L | random.nextLong() & 0x0FFFL;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
