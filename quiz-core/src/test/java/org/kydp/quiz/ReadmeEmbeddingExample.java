package org.kydp.quiz;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.kydp.quiz.attempt.AnswerResult;
import org.kydp.quiz.attempt.FinishResult;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.content.QuizDocumentReader;
import org.kydp.quiz.model.Answer;

/**
 * The README's embedding example, as code: {@link ReadmeEmbeddingExampleTest} runs it and finds it verbatim in the
 * README, and {@link LeanClassPathTest} runs it as a program on quiz-core and only what an embedder gets with it. It
 * uses nothing but quiz-core and the JDK, so that it can run on that class path.
 */
public final class ReadmeEmbeddingExample {

    static final String START = "// readme:embedding:start";
    static final String END = "// readme:embedding:end";

    private ReadmeEmbeddingExample() {
    }

    /** Plays the example on the quiz document in {@code quizJson}, printing what it prints to {@code out}. */
    static void run(String quizJson, PrintStream out) {
        // readme:embedding:start
        QuizEngine engine = QuizEngine.builder().zone(ZoneId.of("Asia/Kolkata")).build(); // in memory
        engine.publishRevision(QuizDocumentReader.read(quizJson));  // a new version if the content changed
        String asha = engine.registerPlayer("Asha").player().id();
        String attempt = engine.startAttempt(asha, "helplines").id();
        QuestionView question = engine.currentQuestion(asha, attempt).orElseThrow();
        out.println(question.text().in("hi", "en"));                // the question in Hindi
        AnswerResult result = engine.answer(asha, attempt, question.id(), new Answer.Choice("b"));
        String correct = result.correct().map(String::valueOf).orElse("not shown yet");
        out.println(correct + ": " + result.explanation().in("en", "en"));
        FinishResult finish = engine.finish(asha, attempt);
        out.println(finish.score() + "/" + finish.maxScore() + ", rank " + finish.rank());
        // readme:embedding:end
    }

    /** Runs the example on the quiz document in the file {@code args[0]}, printing to standard output in UTF-8. */
    public static void main(String[] args) throws IOException {
        run(Files.readString(Path.of(args[0])), new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }
}
