package org.kydp.quiz.store.jdbc;

import java.util.Map;
import java.util.TreeMap;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import org.kydp.quiz.store.PollStore;
import org.kydp.quiz.store.PollVote;

/** Poll votes, a row each, counted when read. */
final class JdbcPollStore implements PollStore {

    private final Jdbi jdbi;
    private final Writes writes;

    JdbcPollStore(Jdbi jdbi, Writes writes) {
        this.jdbi = jdbi;
        this.writes = writes;
    }

    @Override
    public void recordVote(String quizId, String questionId, String optionId) {
        writes.write(handle -> insert(handle, new PollVote(quizId, questionId, optionId)));
    }

    static int insert(Handle handle, PollVote vote) {
        return handle.createUpdate("INSERT INTO poll_votes (quiz_id, question_id, option_id) "
                        + "VALUES (:quiz, :question, :option)")
                .bind("quiz", vote.quizId()).bind("question", vote.questionId()).bind("option", vote.optionId())
                .execute();
    }

    @Override
    public Map<String, Long> votes(String quizId, String questionId) {
        Map<String, Long> counts = new TreeMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT option_id, COUNT(*) AS votes FROM poll_votes "
                        + "WHERE quiz_id = :quiz AND question_id = :question GROUP BY option_id")
                .bind("quiz", quizId).bind("question", questionId)
                .map((rs, ctx) -> Map.entry(rs.getString("option_id"), rs.getLong("votes")))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue())));
        return counts;
    }
}
