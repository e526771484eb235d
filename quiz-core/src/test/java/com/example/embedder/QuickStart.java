package com.example.embedder;

// readme:imports:start
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.kydp.quiz.ManualClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.attempt.AnswerResult;
import org.kydp.quiz.attempt.FinishResult;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.content.QuizDocumentReader;
import org.kydp.quiz.error.QuizException;
import org.kydp.quiz.leaderboard.AroundMe;
import org.kydp.quiz.leaderboard.Page;
import org.kydp.quiz.leaderboard.Window;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.store.jdbc.JdbcConfig;
import org.kydp.quiz.store.jdbc.JdbcStore;
// readme:imports:end

/**
 * README's "Embedding the engine", as the code of an application outside the project: {@code QuickStartTest} runs
 * each part and finds it verbatim in README, and {@code LeanClassPathTest} runs the first part as a program on
 * quiz-core and only what an embedder gets with it.
 */
public final class QuickStart {

    private QuickStart() {
    }

    /** Plays the one-question quiz in {@code quizJson} in memory, printing what it prints to {@code out}. */
    static void firstQuiz(String quizJson, PrintStream out) {
        // readme:first-quiz:start
        QuizEngine engine = QuizEngine.builder().zone(ZoneId.of("Asia/Kolkata")).build(); // in memory
        engine.publishRevision(QuizDocumentReader.read(quizJson));  // a new version if the content changed
        String asha = engine.registerPlayer("Asha").player().id();  // keep it: registering again is a new player
        String attempt = engine.startAttempt(asha, "helplines").id();
        QuestionView question = engine.currentQuestion(asha, attempt).orElseThrow();
        out.println(question.text().in("hi"));                      // Hindi, else the quiz's default language
        AnswerResult result = engine.answer(asha, attempt, question.id(), new Answer.Choice("b"));
        out.println(result.correct().orElseThrow() + ": " + result.explanation().in("en"));
        FinishResult finish = engine.finish(asha, attempt);
        out.println(finish.score() + "/" + finish.maxScore() + ", rank " + finish.rank());
        // readme:first-quiz:end
    }

    /** Three players play into an H2 file; after a restart, the leaderboard still ranks them. */
    static void durableQuiz(Path dataDirectory, String quizJson, PrintStream out) {
        // readme:durable:start
        List<String> players = new ArrayList<>();                   // each player's id is who they are: keep it
        try (JdbcStore store = JdbcStore.open(JdbcConfig.h2(dataDirectory))) {   // the file quiz.mv.db in it
            QuizEngine engine = QuizEngine.builder().store(store).build();
            engine.onAttemptFinished(finished -> out.println("finished with " + finished.score()));
            engine.publishRevision(QuizDocumentReader.read(quizJson));
            for (String name : List.of("Asha", "Ravi", "Meena")) {
                String player = engine.registerPlayer(name).player().id();
                String attempt = engine.startAttempt(player, "helplines").id();
                String question = engine.currentQuestion(player, attempt).orElseThrow().id();
                engine.answer(player, attempt, question, new Answer.Choice(name.equals("Ravi") ? "a" : "b"));
                engine.finish(player, attempt);
                players.add(player);
            }
        }
        try (JdbcStore store = JdbcStore.open(JdbcConfig.h2(dataDirectory))) {   // as after a restart
            QuizEngine engine = QuizEngine.builder().store(store).build();
            out.println(engine.leaderboard("helplines", Window.ALL, Page.first(10)).total() + " ranked");
            AroundMe ravi = engine.leaderboardAround("helplines", Window.ALL, players.get(1), 1).orElseThrow();
            out.println("Ravi: rank " + ravi.rank() + " of " + ravi.total() + ", percentile " + ravi.percentile());
        }
        // readme:durable:end
    }

    /** A one-minute quiz played on a clock moved by hand: the time runs out, and the engine says so. */
    static void timeLimits(String timedQuizJson, PrintStream out) {
        // readme:time-limits:start
        ManualClock clock = ManualClock.at("2026-01-26T04:30:00Z");
        QuizEngine engine = QuizEngine.builder().clock(clock).build();
        engine.publishRevision(QuizDocumentReader.read(timedQuizJson)); // "rules": {"timeLimitMs": 60000}
        String asha = engine.registerPlayer("Asha").player().id();
        String attempt = engine.startAttempt(asha, "helplines").id();
        String question = engine.currentQuestion(asha, attempt).orElseThrow().id();
        clock.advance(Duration.ofMinutes(2));                       // past the minute and its grace period
        out.println(engine.currentQuestion(asha, attempt).isPresent() + ", " + engine.attempt(asha, attempt).status());
        try {
            engine.answer(asha, attempt, question, new Answer.Choice("b"));
        } catch (QuizException e) {                                 // every refusal is one, with a stable code
            out.println(e.code() + ": " + e.getMessage());
        }
        out.println("score " + engine.finish(asha, attempt).score());
        // readme:time-limits:end
    }

    /** Runs the first part on the quiz document in the file {@code args[0]}, printing to standard output. */
    public static void main(String[] args) throws java.io.IOException {
        firstQuiz(java.nio.file.Files.readString(Path.of(args[0])),
                new PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8));
    }
}
