package org.kydp.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kydp.quiz.model.Difficulty;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.QuestionDraw;
import org.kydp.quiz.model.QuestionInfo;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.TrueFalse;
import org.kydp.quiz.player.Registration;
import org.kydp.quiz.store.jdbc.JdbcConfig;
import org.kydp.quiz.store.jdbc.JdbcStore;

/**
 * The quizzes and players an embedder reads back have no null in them, whether a setting is absent (no time limit,
 * no draw, a question not rated) or set, in memory and from a database after a restart: what is absent is an empty
 * {@code Optional}.
 */
class NoNullContentTest {

    @TempDir
    Path directory;

    @Test
    void content_read_back_from_memory_has_no_nulls() {
        try (QuizEngine engine = QuizEngine.builder().build()) {
            publishAll(engine);
            Registration asha = engine.registerPlayer("Asha");

            assertNoNulls(readBack(engine, asha));
        }
    }

    @Test
    void content_read_back_from_h2_after_a_restart_has_no_nulls() {
        Registration asha;
        try (JdbcStore store = JdbcStore.open(JdbcConfig.h2(directory))) {
            QuizEngine engine = QuizEngine.builder().store(store).build();
            publishAll(engine);
            asha = engine.registerPlayer("Asha");
        }
        try (JdbcStore store = JdbcStore.open(JdbcConfig.h2(directory))) {
            assertNoNulls(readBack(QuizEngine.builder().store(store).build(), asha));
        }
    }

    @Test
    void absent_settings_read_back_empty_and_set_ones_present() {
        try (QuizEngine engine = QuizEngine.builder().build()) {
            publishAll(engine);

            Quiz spare = engine.quiz("helplines").orElseThrow();
            assertThat(spare.rules().timeLimit()).isEmpty();
            assertThat(spare.rules().questionTimeLimit()).isEmpty();
            assertThat(spare.rules().draw()).isEmpty();
            assertThat(spare.questions().get(0).info().difficulty()).isEmpty();
            assertThat(spare.questions().get(0).info().timeLimit()).isEmpty();

            Quiz full = engine.quiz("timed").orElseThrow();
            assertThat(full.rules().timeLimit()).contains(Duration.ofMinutes(5));
            assertThat(full.rules().questionTimeLimit()).contains(Duration.ofSeconds(30));
            assertThat(full.rules().draw()).contains(new QuestionDraw(1, Set.of(), Set.of(Difficulty.EASY)));
            assertThat(full.questions().get(0).info().difficulty()).contains(Difficulty.EASY);
            assertThat(full.questions().get(0).info().timeLimit()).contains(Duration.ofSeconds(20));
            assertThat(engine.administration().get("no-such-quiz")).isEmpty();
        }
    }

    private static void publishAll(QuizEngine engine) {
        engine.publish(SampleQuizzes.helplines());
        engine.publish(SampleQuizzes.catalogue());
        QuizRules everythingSet = QuizRules.defaults().withTimeLimit(Duration.ofMinutes(5))
                .withQuestionTimeLimit(Duration.ofSeconds(30))
                .withDraw(new QuestionDraw(1, Set.of(), Set.of(Difficulty.EASY)));
        LocalizedText text = LocalizedText.of("en", "Is 112 the single emergency number?");
        QuestionInfo rated = QuestionInfo.of("single-number", text, 10)
                .withPool(List.of("road"), Difficulty.EASY).withTimeLimit(Duration.ofSeconds(20));
        engine.publish(new Quiz("timed", 1, "en", List.of("en"), LocalizedText.of("en", "Timed"), null, List.of(),
                everythingSet, List.of(new TrueFalse(rated, true))));
    }

    private static List<Object> readBack(QuizEngine engine, Registration asha) {
        List<Object> read = new ArrayList<>(engine.quizzes());
        for (String id : List.of("helplines", "catalogue", "timed")) {
            read.add(engine.quiz(id).orElseThrow());
            read.add(engine.administration().get(id).orElseThrow());
        }
        read.addAll(engine.administration().list());
        read.add(asha);
        read.add(engine.authenticate(asha.token()));
        return read;
    }

    private static void assertNoNulls(List<Object> read) {
        assertThat(read).hasSizeGreaterThan(8).allSatisfy(value -> assertThat(
                NullComponents.in(value, value.getClass().getSimpleName())).as("null components").isEmpty());
    }
}
