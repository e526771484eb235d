package org.kydp.quiz.live.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The players of a session as a server keeps them, by ordinal, id and token hash, and their ranking. Changed
 * under the session's lock; looked up by id and token from any thread.
 */
final class Roster {

    /** Higher scores first; among equal scores, who joined first. */
    private static final Comparator<PlayerSlot> RANKING = Comparator.<PlayerSlot>comparingInt(slot -> -slot.score)
            .thenComparingInt(slot -> slot.ordinal);

    private final List<PlayerSlot> byOrdinal = new ArrayList<>();
    private final Map<String, PlayerSlot> byId = new ConcurrentHashMap<>();
    private final Map<String, PlayerSlot> byTokenHash = new ConcurrentHashMap<>();
    private int active;

    int size() {
        return byOrdinal.size();
    }

    int active() {
        return active;
    }

    PlayerSlot at(int ordinal) {
        return byOrdinal.get(ordinal);
    }

    void add(PlayerSlot slot) {
        if (slot.ordinal != byOrdinal.size()) {
            throw new IllegalStateException("player " + slot.id + " has ordinal " + slot.ordinal + ", expected "
                    + byOrdinal.size());
        }
        byOrdinal.add(slot);
        byId.put(slot.id, slot);
        byTokenHash.put(slot.tokenHash, slot);
        active++;
    }

    void remove(int ordinal) {
        PlayerSlot slot = byOrdinal.get(ordinal);
        if (!slot.removed) {
            slot.removed = true;
            byTokenHash.remove(slot.tokenHash, slot);
            active--;
        }
    }

    Optional<PlayerSlot> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** A player taking part (not removed) with this token hash. */
    Optional<PlayerSlot> byTokenHash(String tokenHash) {
        return Optional.ofNullable(byTokenHash.get(tokenHash));
    }

    List<PlayerSlot> all() {
        return byOrdinal;
    }

    /** The players taking part, best first. */
    List<PlayerSlot> ranking() {
        List<PlayerSlot> ranked = new ArrayList<>(active);
        for (PlayerSlot slot : byOrdinal) {
            if (!slot.removed) {
                ranked.add(slot);
            }
        }
        ranked.sort(RANKING);
        return ranked;
    }

    /**
     * Competition ranks of a ranking: 1 for the best, equal scores share a rank and the next rank skips (1, 2, 2, 4).
     */
    static int[] ranks(List<PlayerSlot> ranking) {
        int[] ranks = new int[ranking.size()];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = i > 0 && ranking.get(i).score == ranking.get(i - 1).score ? ranks[i - 1] : i + 1;
        }
        return ranks;
    }
}
