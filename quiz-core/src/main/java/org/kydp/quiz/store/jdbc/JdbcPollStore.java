package org.kydp.quiz.store.jdbc;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jdbi.v3.core.Jdbi;

import org.kydp.quiz.store.PollStore;
import org.kydp.quiz.store.PollVote;

/**
 * Poll votes as a count per option: a vote adds one to its option's row, so reading a poll's results reads one
 * row per option however many votes were cast.
 */
final class JdbcPollStore implements PollStore {

    private final Jdbi jdbi;
    private final Writes writes;

    JdbcPollStore(Jdbi jdbi, Writes writes) {
        this.jdbi = jdbi;
        this.writes = writes;
    }

    @Override
    public void recordVote(String quizId, String questionId, String optionId) {
        writes.execute(counting(new PollVote(quizId, questionId, optionId)));
    }

    /**
     * The statements that count a vote: create the option's row at zero unless it exists, then add one. Both are
     * plain statements, so that group commit batches them with other writes of the same kind. {@code ON CONFLICT DO
     * NOTHING} (PostgreSQL, and H2 in its PostgreSQL mode) lets two servers create the same row at the same moment:
     * the second waits for the first to commit and then finds it, instead of failing on the duplicate key, which
     * would refuse the answer that cast the vote.
     */
    static List<Writes.Statement> counting(PollVote vote) {
        Map<String, Object> option = Map.of("quiz", vote.quizId(), "question", vote.questionId(),
                "option", vote.optionId());
        return List.of(
                new Writes.Statement("INSERT INTO poll_counts (quiz_id, question_id, option_id, votes) "
                        + "VALUES (:quiz, :question, :option, 0) ON CONFLICT DO NOTHING", option),
                new Writes.Statement("UPDATE poll_counts SET votes = votes + 1 "
                        + "WHERE quiz_id = :quiz AND question_id = :question AND option_id = :option", option));
    }

    @Override
    public Map<String, Long> votes(String quizId, String questionId) {
        Map<String, Long> counts = new TreeMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT option_id, votes FROM poll_counts "
                        + "WHERE quiz_id = :quiz AND question_id = :question")
                .bind("quiz", quizId).bind("question", questionId)
                .map((rs, ctx) -> Map.entry(rs.getString("option_id"), rs.getLong("votes")))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue())));
        return counts;
    }
}
