package org.kydp.quiz.store.jdbc;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        writes.execute(List.of(insert(new PollVote(quizId, questionId, optionId))));
    }

    static Writes.Statement insert(PollVote vote) {
        return new Writes.Statement("INSERT INTO poll_votes (quiz_id, question_id, option_id) "
                + "VALUES (:quiz, :question, :option)",
                Map.of("quiz", vote.quizId(), "question", vote.questionId(), "option", vote.optionId()));
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
