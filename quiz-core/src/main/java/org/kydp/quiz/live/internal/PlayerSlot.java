package org.kydp.quiz.live.internal;

import java.util.Optional;

import org.kydp.quiz.live.Standing;
import org.kydp.quiz.model.LiveAnswer;
import org.kydp.quiz.model.LivePlayer;

/**
 * One player of a session as a server keeps it: who they are, and per question what they earned and where they
 * stood after it, so that every results event can be told to them again (after a reconnect) as it was. A few
 * hundred bytes a player; changed only under the session's lock.
 */
public final class PlayerSlot {

    private static final byte ANSWERED = 1;
    private static final byte CORRECT = 2;

    final int ordinal;
    final String id;
    final String name;
    final String tokenHash;
    final String playerId;
    /** The id of the event that made them join: results of questions closed before it are not theirs. */
    final long joinedEventId;
    /** Read without the session's lock by answering, as is {@link #streak}. */
    volatile boolean removed;
    int score;
    volatile int streak;
    private final int[] points;
    private final byte[] flags;
    private final int[] scoreAfter;
    private final int[] rankAfter;
    private final int[] streakAfter;

    PlayerSlot(LivePlayer player, long joinedEventId, int questions) {
        this.ordinal = player.ordinal();
        this.id = player.id();
        this.name = player.name();
        this.tokenHash = player.tokenHash();
        this.playerId = player.playerId();
        this.joinedEventId = joinedEventId;
        this.points = new int[questions];
        this.flags = new byte[questions];
        this.scoreAfter = new int[questions];
        this.rankAfter = new int[questions];
        this.streakAfter = new int[questions];
    }

    public int ordinal() {
        return ordinal;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The registered player this is, or null. */
    public String playerId() {
        return playerId;
    }

    public boolean isRemoved() {
        return removed;
    }

    /** Takes the player's answer to question {@code index} into account (before {@link #close}). */
    void answered(int index, LiveAnswer answer) {
        points[index] = answer.points();
        flags[index] = (byte) (ANSWERED | (answer.correct() ? CORRECT : 0));
    }

    /** Question {@code index} closed: adds its points; a scored question continues or breaks the streak. */
    void close(int index, boolean scored) {
        score += points[index];
        if (scored) {
            streak = (flags[index] & CORRECT) != 0 ? streak + 1 : 0;
        }
        scoreAfter[index] = score;
        streakAfter[index] = streak;
    }

    void ranked(int index, int rank) {
        rankAfter[index] = rank;
    }

    boolean hasAnswered(int index) {
        return (flags[index] & ANSWERED) != 0;
    }

    int answeredCount() {
        int count = 0;
        for (byte flag : flags) {
            count += flag & ANSWERED;
        }
        return count;
    }

    int correctCount() {
        int count = 0;
        for (byte flag : flags) {
            count += (flag & CORRECT) >> 1;
        }
        return count;
    }

    Standing.AfterQuestion after(int index, boolean scored) {
        return new Standing.AfterQuestion(hasAnswered(index),
                scored ? Optional.of((flags[index] & CORRECT) != 0) : Optional.empty(),
                points[index], scoreAfter[index], rankAfter[index], streakAfter[index]);
    }

    /** The rank after question {@code index}, or 0 if they were not ranked then. */
    int rankAfter(int index) {
        return rankAfter[index];
    }
}
