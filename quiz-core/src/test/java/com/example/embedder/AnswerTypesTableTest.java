package com.example.embedder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.content.QuizDocumentReader;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.QuestionType;

/**
 * README's table of question types names, for each type, the {@link Answer} an embedder gives in Java: every type
 * has a row, and a question of each type (one of every type in {@code catalogue.json}) takes the answer named.
 */
class AnswerTypesTableTest {

    /** An answer of each kind to the question shown, to give it if README pairs its type with that kind. */
    private static Answer sample(Class<?> kind, QuestionView question) {
        List<String> choices = question.choices().stream().map(choice -> choice.id()).toList();
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < question.left().size(); i++) {
            pairs.put(question.left().get(i).id(), question.right().get(i).id());
        }
        Map<Class<?>, Answer> samples = Map.of(
                Answer.Choice.class, new Answer.Choice(choices.isEmpty() ? "a" : choices.get(0)),
                Answer.Choices.class, new Answer.Choices(java.util.Set.of(choices.isEmpty() ? "a" : choices.get(0))),
                Answer.Bool.class, new Answer.Bool(true),
                Answer.Text.class, new Answer.Text("x"),
                Answer.Number.class, new Answer.Number(1),
                Answer.Order.class, new Answer.Order(choices),
                Answer.Pairs.class, new Answer.Pairs(pairs));
        return samples.get(kind);
    }

    @Test
    void every_question_type_has_its_java_answer_in_the_readme_and_takes_it() throws IOException {
        Map<QuestionType, Class<?>> table = javaAnswers(Files.readString(Path.of("../README.md")));

        assertThat(table.keySet()).containsExactlyInAnyOrder(QuestionType.values());
        assertThat(Answer.class.getPermittedSubclasses()).containsAll(table.values());

        QuizEngine engine = QuizEngine.builder().build();
        engine.publishRevision(QuizDocumentReader.read(Files.readString(
                Path.of("src/test/resources/quizzes/catalogue.json"))));
        String player = engine.registerPlayer("Asha").player().id();
        String attempt = engine.startAttempt(player, "catalogue").id();
        int answered = 0;
        for (Optional<QuestionView> question = engine.currentQuestion(player, attempt); question.isPresent();
                question = engine.currentQuestion(player, attempt)) {
            QuestionView view = question.get();
            Answer answer = sample(table.get(view.type()), view);
            assertThat(answer).as("a sample of %s", table.get(view.type())).isNotNull();

            engine.answer(player, attempt, view.id(), answer);
            answered++;
        }
        assertThat(answered).isEqualTo(QuestionType.values().length);
    }

    /** The Java answer class of each row of README's question-type table: {@code `new Answer.Bool(true)`} … */
    private static Map<QuestionType, Class<?>> javaAnswers(String readme) {
        Map<QuestionType, Class<?>> answers = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\| `[^`]+` \\| `(?:new )?Answer\\.([A-Za-z]+)[(.]")
                .matcher(readme);
        while (row.find()) {
            String simpleName = row.group(2);
            Class<?> type = Arrays.stream(Answer.class.getPermittedSubclasses())
                    .filter(permitted -> permitted.getSimpleName().equals(simpleName))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("README names Answer." + simpleName + ", which is none"));
            answers.put(QuestionType.fromWireName(row.group(1)), type);
        }
        return answers;
    }
}
