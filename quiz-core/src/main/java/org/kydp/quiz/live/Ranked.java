package org.kydp.quiz.live;

/** A player in a ranking: the top of a question's results, or the podium. */
public record Ranked(int rank, String playerId, String name, int score) {
}
