package org.kydp.quiz.leaderboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kydp.quiz.leaderboard.LeaderboardEntry;
import org.kydp.quiz.model.AttemptGrading;

/** Finishes are applied in batches, yet every read sees every finish recorded before it, in the order recorded. */
class BoardPendingFinishesTest {

    @Test
    void a_read_sees_finishes_recorded_before_it_even_when_fewer_than_a_batch() {
        Board board = new Board(AttemptGrading.LAST);
        board.record("ana", "Ana", 50, 1_000, 1);
        assertThat(board.rankOf("ana")).isEqualTo(1);

        board.record("ben", "Ben", 70, 1_000, 2);
        assertThat(board.page("q", 10, 0).entries()).extracting(LeaderboardEntry::playerId)
                .containsExactly("ben", "ana");

        board.record("ana", "Ana", 90, 1_000, 3);
        assertThat(board.around("q", "ana", 1).orElseThrow().rank()).isEqualTo(1);
        assertThat(board.size()).isEqualTo(2);
    }

    @Test
    void finishes_of_one_player_within_a_batch_count_in_the_order_recorded() {
        Board last = new Board(AttemptGrading.LAST);
        Board average = new Board(AttemptGrading.AVERAGE);
        int finishes = Board.BATCH * 2 + 3;
        for (int i = 0; i < finishes; i++) {
            for (Board board : new Board[] {last, average}) {
                board.record("ana", "Ana", i, 10 * i, 100 + i);
                board.record("p" + i, "Player " + i, 1, 1, 100 + i);
            }
        }
        LeaderboardEntry lastAna = last.page("q", 1, 0).entries().get(0);
        assertThat(lastAna.playerId()).isEqualTo("ana");
        assertThat(lastAna.score()).isEqualTo(finishes - 1);
        assertThat(last.size()).isEqualTo(finishes + 1);

        LeaderboardEntry averageAna = average.page("q", 1, 0).entries().get(0);
        long scoreSum = (long) finishes * (finishes - 1) / 2;
        assertThat(averageAna.score()).isEqualTo((int) Board.roundedMean(scoreSum, finishes));
        assertThat(average.size()).isEqualTo(finishes + 1);
    }
}
