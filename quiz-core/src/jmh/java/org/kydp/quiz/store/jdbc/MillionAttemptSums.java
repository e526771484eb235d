package org.kydp.quiz.store.jdbc;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import org.jdbi.v3.core.statement.PreparedBatch;

import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.RecordedAnswer;
import org.kydp.quiz.stats.Tallies;
import org.kydp.quiz.store.RunningSums;
import org.kydp.quiz.store.StatisticsStore.StatsRows;

/**
 * The running sums a million finished attempts leave in the database, made fast: the attempts are made up (each
 * question right with its own probability, wrong answers from a vocabulary of typos), their tallies summed in memory
 * as the engine would ({@link Tallies}, {@link RunningSums}), and the resulting rows written directly, day by day.
 * The tables then hold exactly the rows that playing them would have left, without playing them for hours.
 */
final class MillionAttemptSums {

    static final int DAYS = 90;
    static final Instant FIRST_DAY = Instant.parse("2026-09-01T06:00:00Z");

    private MillionAttemptSums() {
    }

    static void fill(JdbcStore store, Quiz quiz, int attempts, long seed) {
        ZoneId zone = ZoneId.of("Asia/Kolkata");
        Tallies tallies = new Tallies(zone);
        RunningSums sums = new RunningSums();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < attempts; i++) {
            Attempt attempt = madeUp(quiz, i, random, FIRST_DAY.plusSeconds(86_400L * (i % DAYS)));
            sums.add(tallies.started(attempt), true);
            sums.add(tallies.finished(attempt, quiz), false);
        }
        long firstDay = tallies.dayOf(FIRST_DAY);
        store.jdbi().useTransaction(handle -> {
            for (long day = firstDay; day < firstDay + DAYS; day++) {
                StatsRows rows = sums.read(quiz.id(), OptionalInt.empty(), day, day);
                long d = day;
                PreparedBatch days = handle.prepareBatch("INSERT INTO stats_days VALUES (:quiz, :version, :day, "
                        + ":started, :finished, :players, :sum, :squares)");
                rows.days().forEach(row -> days.bind("quiz", quiz.id()).bind("version", quiz.version()).bind("day", d)
                        .bind("started", row.started()).bind("finished", row.finished())
                        .bind("players", row.players()).bind("sum", row.scoreSum())
                        .bind("squares", row.scoreSquares()).add());
                days.execute();
                PreparedBatch bins = handle.prepareBatch("INSERT INTO stats_bins VALUES (:quiz, :version, :day, "
                        + ":kind, :from, :width, :attempts)");
                rows.bins().forEach(bin -> bins.bind("quiz", quiz.id()).bind("version", quiz.version())
                        .bind("day", d).bind("kind", bin.kind().name()).bind("from", bin.from())
                        .bind("width", bin.width()).bind("attempts", bin.attempts()).add());
                bins.execute();
                PreparedBatch questions = handle.prepareBatch("INSERT INTO stats_questions VALUES (:quiz, :version, "
                        + ":day, :question, :attempts, :served, :answered, :skipped, :timedOut, :right, :timeMs, "
                        + ":timed, :scored, :x, :xx, :y, :yy, :xy)");
                rows.questions().forEach(q -> questions.bind("quiz", quiz.id()).bind("version", quiz.version())
                        .bind("day", d).bind("question", q.questionId()).bind("attempts", q.attempts())
                        .bind("served", q.served()).bind("answered", q.answered()).bind("skipped", q.skipped())
                        .bind("timedOut", q.timedOut()).bind("right", q.fullyRight()).bind("timeMs", q.timeMs())
                        .bind("timed", q.timed()).bind("scored", q.scored()).bind("x", q.sumX())
                        .bind("xx", q.sumXx()).bind("y", q.sumY()).bind("yy", q.sumYy()).bind("xy", q.sumXy())
                        .add());
                questions.execute();
                PreparedBatch responses = handle.prepareBatch("INSERT INTO stats_responses VALUES (:quiz, "
                        + ":version, :day, :question, :kind, :response, :times)");
                rows.responses().forEach(r -> responses.bind("quiz", quiz.id()).bind("version", quiz.version())
                        .bind("day", d).bind("question", r.questionId()).bind("kind", r.kind().name())
                        .bind("response", r.response()).bind("times", r.times()).add());
                responses.execute();
            }
        });
    }

    /** An attempt that answered every question, each 20 s after the previous, right with the question's odds. */
    private static Attempt madeUp(Quiz quiz, int n, SplittableRandom random, Instant day) {
        Instant start = day.plusSeconds(random.nextInt(40_000));
        List<String> ids = quiz.questions().stream().map(Question::id).toList();
        Attempt attempt = Attempt.start("a" + n, quiz.id(), quiz.version(), "p" + n, n, ids, start, null);
        Instant at = start;
        for (int q = 0; q < ids.size(); q++) {
            Question question = quiz.questions().get(q);
            attempt = attempt.served(question.id(), at);
            at = at.plusMillis(2_000 + random.nextInt(20_000));
            boolean right = random.nextDouble() < 0.2 + 0.1 * q;
            Answer answer = right ? question.correctAnswer().orElseGet(() -> wrong(question, random))
                    : wrong(question, random);
            attempt = attempt.answered(new RecordedAnswer(question.id(), answer, right && question.scored(),
                    right && question.scored() ? question.points() : 0, 0, at));
        }
        return attempt.finished(at);
    }

    private static Answer wrong(Question question, SplittableRandom random) {
        List<String> choices = question.choices().stream().map(Question.Choice::id).toList();
        return switch (question.type()) {
            case SINGLE_CHOICE, POLL -> new Answer.Choice(choices.get(random.nextInt(choices.size())));
            case MULTIPLE_RESPONSE -> new Answer.Choices(java.util.Set.of(choices.get(random.nextInt(choices.size()))));
            case TRUE_FALSE -> new Answer.Bool(random.nextBoolean());
            case SHORT_TEXT -> new Answer.Text("typo " + random.nextInt(200));
            case NUMERIC -> new Answer.Number(1900 + random.nextInt(50));
            case ORDERING -> {
                List<String> order = new ArrayList<>(choices);
                java.util.Collections.reverse(order);
                yield new Answer.Order(order);
            }
            case MATCHING -> {
                java.util.Map<String, String> pairs = new java.util.HashMap<>();
                question.left().forEach(l -> pairs.put(l.id(),
                        question.right().get(random.nextInt(question.right().size())).id()));
                yield new Answer.Pairs(pairs);
            }
        };
    }
}
