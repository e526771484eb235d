package org.kydp.quiz.content.gift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.content.ImportIssue;
import org.kydp.quiz.content.ImportResult;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;

/** GIFT export re-imports to the same questions: ids, types, texts, right answers and grading. */
class GiftRoundTripTest {

    private static final Map<String, List<Answer>> PROBES = Map.of(
            "emergency", List.of(new Answer.Choice("a"), new Answer.Choice("b"), new Answer.Choice("c"),
                    new Answer.Choice("d")),
            "never-share", List.of(Answer.Choices.of("a"), Answer.Choices.of("a", "b"), Answer.Choices.of("a", "c"),
                    Answer.Choices.of("c", "d")),
            "mha", List.of(new Answer.Bool(true), new Answer.Bool(false)),
            "motto-word", List.of(new Answer.Text("शांति"), new Answer.Text("PEACE"), new Answer.Text("x")),
            "cyber-helpline", List.of(new Answer.Number(1930), new Answer.Number(1950), new Answer.Number(5)),
            "helplines", List.of(new Answer.Pairs(Map.of("child", "n1098", "cyber", "n1930", "emergency", "n112")),
                    new Answer.Pairs(Map.of("child", "n1930", "cyber", "n1098", "emergency", "n112"))));

    @ParameterizedTest
    @ValueSource(strings = {"en", "hi"})
    void exported_gift_reads_back_as_the_same_questions(String language) {
        Quiz quiz = SampleQuizzes.catalogue();

        GiftWriter.Export export = GiftWriter.write(quiz, language);
        ImportResult reimported = GiftReader.read(export.gift(), language);

        assertThat(export.leftOut()).extracting(ImportIssue::reason)
                .containsExactly("question report-fraud: GIFT has no ordering questions",
                        "question topic: GIFT has no poll questions");
        assertThat(reimported.skipped()).isEmpty();
        assertThat(reimported.warnings()).isEmpty();
        assertThat(reimported.questions()).extracting(Question::id)
                .containsExactly("emergency", "never-share", "mha", "motto-word", "cyber-helpline", "helplines");
        for (Question copy : reimported.questions()) {
            Question original = quiz.question(copy.id()).orElseThrow();
            assertThat(copy.type()).isEqualTo(original.type());
            assertThat(copy.text().in(language, language)).isEqualTo(original.text().in(language, "en"));
            assertThat(copy.explanation().in(language, language)).isEqualTo(original.explanation().in(language, "en"));
            assertThat(copy.correctAnswer()).isEqualTo(renamedForGift(original).correctAnswer());
            for (Answer probe : PROBES.get(copy.id())) {
                Answer asWritten = copy.id().equals("helplines") ? renamePairs(probe) : probe;
                assertThat(copy.grade(asWritten).fraction()).as("%s %s", copy.id(), probe)
                        .isEqualTo(original.grade(probe).fraction());
                assertThat(copy.grade(asWritten).feedback().in(language, language)).as("%s %s", copy.id(), probe)
                        .isEqualTo(original.grade(probe).feedback().in(language, "en"));
            }
        }
        assertThat(GiftWriter.write(new Quiz(quiz.id(), quiz.version(), language, List.of(language), quiz.title(),
                null, List.of(), quiz.rules(), reimported.questions()), language).gift())
                .as("writing the re-imported questions gives the same GIFT")
                .isEqualTo(export.gift());
    }

    /** GIFT has no ids for matching items: they come back as l1, l2 … and r1, r2 … in order. */
    private static Question renamedForGift(Question original) {
        if (!original.id().equals("helplines")) {
            return original;
        }
        return new org.kydp.quiz.model.Matching(original.info(),
                List.of(new Question.Choice("l1", original.left().get(0).text()),
                        new Question.Choice("l2", original.left().get(1).text()),
                        new Question.Choice("l3", original.left().get(2).text())),
                List.of(new Question.Choice("r1", original.right().get(0).text()),
                        new Question.Choice("r2", original.right().get(1).text()),
                        new Question.Choice("r3", original.right().get(2).text()),
                        new Question.Choice("r4", original.right().get(3).text())),
                Map.of("l1", "r1", "l2", "r2", "l3", "r3"));
    }

    private static Answer renamePairs(Answer probe) {
        Map<String, String> left = Map.of("child", "l1", "cyber", "l2", "emergency", "l3");
        Map<String, String> right = Map.of("n1098", "r1", "n1930", "r2", "n112", "r3", "n1091", "r4");
        Map<String, String> renamed = new java.util.HashMap<>();
        ((Answer.Pairs) probe).pairs().forEach((l, r) -> renamed.put(left.get(l), right.get(r)));
        return new Answer.Pairs(renamed);
    }
}
