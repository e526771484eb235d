package org.kydp.quiz.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.AttemptGrading;
import org.kydp.quiz.model.Difficulty;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.QuestionDraw;
import org.kydp.quiz.model.QuestionType;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.ReviewPolicy;
import org.kydp.quiz.model.ReviewTiming;
import org.kydp.quiz.model.ScoringRules;

class QuizDocumentWriterTest {

    private static Quiz roundTrip(Quiz quiz) {
        return QuizDocumentReader.read(QuizDocumentWriter.write(quiz));
    }

    @Test
    void every_question_type_reads_back_exactly_as_written() {
        Quiz catalogue = SampleQuizzes.catalogue();
        assertThat(catalogue.questions()).extracting(q -> q.type())
                .containsExactlyInAnyOrder(QuestionType.values());

        assertThat(roundTrip(catalogue)).isEqualTo(catalogue);
    }

    @Test
    void a_quiz_built_in_code_reads_back_exactly_as_written() {
        Quiz helplines = SampleQuizzes.helplines();

        assertThat(roundTrip(helplines)).isEqualTo(helplines);
    }

    @Test
    void the_pretty_form_reads_back_the_same_and_keeps_the_version() {
        Quiz quiz = SampleQuizzes.catalogue().withVersion(7);

        assertThat(QuizDocumentReader.read(QuizDocumentWriter.writePretty(quiz))).isEqualTo(quiz);
        assertThat(QuizDocumentWriter.writePretty(quiz)).contains("\n").contains("\"version\" : 7");
    }

    @Test
    void texts_are_written_in_the_quizs_order_of_languages() {
        String json = QuizDocumentWriter.write(SampleQuizzes.catalogue());

        assertThat(json).contains("\"title\":{\"en\":\"Every question type\",\"hi\":\"हर तरह के प्रश्न\"}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleVariants")
    void every_rule_reads_back_exactly_as_written(String name, UnaryOperator<QuizRules> rules) {
        Quiz pooled = withPools(SampleQuizzes.catalogue());
        Quiz quiz = pooled.withRules(rules.apply(pooled.rules()));

        assertThat(roundTrip(quiz)).isEqualTo(quiz);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void random_rules_read_back_exactly_as_written(long seed) {
        Random random = new Random(seed);
        Quiz quiz = withPools(SampleQuizzes.catalogue()).withRules(randomRules(random));

        assertThat(roundTrip(quiz)).as("seed %d", seed).isEqualTo(quiz);
    }

    static Stream<Arguments> ruleVariants() {
        return Stream.of(
                Arguments.of("defaults", (UnaryOperator<QuizRules>) r -> QuizRules.defaults()),
                Arguments.of("time limits", (UnaryOperator<QuizRules>) r -> r.withTimeLimit(Duration.ofMinutes(10))
                        .withQuestionTimeLimit(Duration.ofSeconds(20)).withGracePeriod(Duration.ZERO)),
                Arguments.of("speed scoring", (UnaryOperator<QuizRules>) r -> r
                        .withQuestionTimeLimit(Duration.ofMillis(15_500))
                        .withScoring(ScoringRules.DEFAULT.withMode(ScoringRules.Mode.SPEED))),
                Arguments.of("negative marking", (UnaryOperator<QuizRules>) r -> r.withScoring(
                        ScoringRules.DEFAULT.withNegativeMarking(0.25, -5))),
                Arguments.of("all or nothing", (UnaryOperator<QuizRules>) r -> r.withScoring(ScoringRules.DEFAULT
                        .withMultipleResponse(ScoringRules.MultipleResponseGrading.ALL_OR_NOTHING)
                        .withStreakBonus(true))),
                Arguments.of("review per part", (UnaryOperator<QuizRules>) r -> r.withReview(new ReviewPolicy(
                        ReviewTiming.AFTER_EACH_ANSWER, ReviewTiming.AFTER_FINISH, ReviewTiming.NEVER,
                        ReviewTiming.AFTER_FINISH, ReviewTiming.NEVER))),
                Arguments.of("review never", (UnaryOperator<QuizRules>) r -> r.withReview(ReviewPolicy.NEVER)),
                Arguments.of("attempts", (UnaryOperator<QuizRules>) r -> r.withAttemptsAllowed(3)
                        .withGrading(AttemptGrading.AVERAGE)),
                Arguments.of("shuffles", (UnaryOperator<QuizRules>) r -> r.withShuffle(true, true)),
                Arguments.of("draw", (UnaryOperator<QuizRules>) r -> r.withDraw(new QuestionDraw(2,
                        Set.of("cyber", "numbers"), Set.of(Difficulty.EASY, Difficulty.HARD)))));
    }

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    /** The catalogue with tags and difficulties on its questions, so that draws have pools. */
    private static Quiz withPools(Quiz quiz) {
        List<org.kydp.quiz.model.Question> questions = quiz.questions();
        List<org.kydp.quiz.model.Question> pooled = new java.util.ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            org.kydp.quiz.model.Question question = questions.get(i);
            pooled.add(withInfo(question, question.info().withPool(List.of(i % 2 == 0 ? "cyber" : "numbers"),
                    Difficulty.values()[i % 3])));
        }
        return new Quiz(quiz.id(), quiz.version(), quiz.defaultLanguage(), quiz.languages(), quiz.title(),
                quiz.description(), quiz.tags(), quiz.rules(), pooled, quiz.feedbackBands());
    }

    private static QuizRules randomRules(Random random) {
        ReviewTiming[] timings = ReviewTiming.values();
        QuizRules rules = QuizRules.defaults()
                .withGracePeriod(Duration.ofMillis(random.nextInt(5000)))
                .withAttemptsAllowed(random.nextInt(4))
                .withGrading(AttemptGrading.values()[random.nextInt(AttemptGrading.values().length)])
                .withReview(new ReviewPolicy(timings[random.nextInt(3)], timings[random.nextInt(3)],
                        timings[random.nextInt(3)], timings[random.nextInt(3)], timings[random.nextInt(3)]))
                .withShuffle(random.nextBoolean(), random.nextBoolean());
        if (random.nextBoolean()) {
            rules = rules.withTimeLimit(Duration.ofMillis(1 + random.nextInt(3_600_000)));
        }
        ScoringRules scoring = ScoringRules.DEFAULT
                .withNegativeMarking(random.nextInt(5) / 4.0, -random.nextInt(20))
                .withMultipleResponse(ScoringRules.MultipleResponseGrading.values()[random.nextInt(3)])
                .withStreakBonus(random.nextBoolean());
        if (random.nextBoolean()) {
            rules = rules.withQuestionTimeLimit(Duration.ofMillis(1 + random.nextInt(120_000)));
            scoring = scoring.withMode(random.nextBoolean() ? ScoringRules.Mode.SPEED : ScoringRules.Mode.FIXED);
        }
        if (random.nextBoolean()) {
            rules = rules.withDraw(new QuestionDraw(1 + random.nextInt(8), Set.of(), Set.of()));
        }
        return rules.withScoring(scoring);
    }

    @Test
    void question_details_read_back_exactly_as_written() {
        Quiz catalogue = SampleQuizzes.catalogue();
        List<org.kydp.quiz.model.Question> detailed = catalogue.questions().stream()
                .map(question -> withInfo(question, question.info()
                        .withPool(List.of("cyber", "numbers"), Difficulty.MEDIUM)
                        .withTimeLimit(Duration.ofMillis(12_345))
                        .explained(LocalizedText.bilingual("Why.", "क्यों।"), "A source")))
                .toList();
        Quiz quiz = new Quiz(catalogue.id(), 3, "hi", List.of("hi", "en"), catalogue.title(),
                LocalizedText.empty(), List.of(), catalogue.rules(), detailed, List.of());

        Quiz read = roundTrip(quiz);

        assertThat(read).isEqualTo(quiz);
        assertThat(Map.of("defaultLanguage", read.defaultLanguage(), "version", read.version()))
                .containsEntry("defaultLanguage", "hi").containsEntry("version", 3);
    }

    private static org.kydp.quiz.model.Question withInfo(org.kydp.quiz.model.Question question,
                                                         org.kydp.quiz.model.QuestionInfo info) {
        if (question instanceof org.kydp.quiz.model.SingleChoice q) {
            return new org.kydp.quiz.model.SingleChoice(info, q.options());
        } else if (question instanceof org.kydp.quiz.model.MultipleResponse q) {
            return new org.kydp.quiz.model.MultipleResponse(info, q.options());
        } else if (question instanceof org.kydp.quiz.model.TrueFalse q) {
            return new org.kydp.quiz.model.TrueFalse(info, q.answer(), q.feedbackWhenRight(), q.feedbackWhenWrong());
        } else if (question instanceof org.kydp.quiz.model.ShortText q) {
            return new org.kydp.quiz.model.ShortText(info, q.accepted());
        } else if (question instanceof org.kydp.quiz.model.Numeric q) {
            return new org.kydp.quiz.model.Numeric(info, q.accepted());
        } else if (question instanceof org.kydp.quiz.model.Ordering q) {
            return new org.kydp.quiz.model.Ordering(info, q.items());
        } else if (question instanceof org.kydp.quiz.model.Matching q) {
            return new org.kydp.quiz.model.Matching(info, q.left(), q.right(), q.pairs());
        }
        return new org.kydp.quiz.model.Poll(info, ((org.kydp.quiz.model.Poll) question).options());
    }
}
