package org.kydp.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.attempt.AnswerResult;
import org.kydp.quiz.attempt.FinishResult;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.content.QuizDocumentReader;
import org.kydp.quiz.model.Answer;

/** The README's embedding example is this code: it compiles, it runs, and the README shows it verbatim. */
class ReadmeEmbeddingExampleTest {

    private static final String START = "// readme:embedding:start";
    private static final String END = "// readme:embedding:end";

    @Test
    void the_embedding_example_runs() throws IOException {
        String quizJson = Files.readString(Path.of("src/test/resources/helplines.json"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        // readme:embedding:start
        QuizEngine engine = QuizEngine.builder().zone(ZoneId.of("Asia/Kolkata")).build(); // in memory
        engine.publishRevision(QuizDocumentReader.read(quizJson));  // a new version if the content changed
        String asha = engine.registerPlayer("Asha").player().id();
        String attempt = engine.startAttempt(asha, "helplines").id();
        QuestionView question = engine.currentQuestion(asha, attempt).orElseThrow();
        out.println(question.text().in("hi", "en"));                // the question in Hindi
        AnswerResult result = engine.answer(asha, attempt, question.id(), new Answer.Choice("b"));
        out.println(result.correct() + ": " + result.explanation().in("en", "en"));
        FinishResult finish = engine.finish(asha, attempt);
        out.println(finish.score() + "/" + finish.maxScore() + ", rank " + finish.rank());
        // readme:embedding:end

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "भारत का एकल आपातकालीन नंबर कौन सा है?",
                "true: 112 is India's single emergency number; calls to 100, 101 and 102 reach it too.",
                "10/10, rank 1");
    }

    @Test
    void the_readme_shows_the_example_verbatim() throws IOException {
        List<String> source = Files.readAllLines(
                Path.of("src/test/java/org/kydp/quiz/ReadmeEmbeddingExampleTest.java"));
        String example = source.subList(source.indexOf("        " + START) + 1, source.indexOf("        " + END))
                .stream().map(line -> line.substring(8)).collect(Collectors.joining("\n"));
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(example.lines().count()).isLessThanOrEqualTo(15);
        assertThat(readme).contains(example);
    }
}
