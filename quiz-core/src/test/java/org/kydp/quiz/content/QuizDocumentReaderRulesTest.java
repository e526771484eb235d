package org.kydp.quiz.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kydp.quiz.content.QuizDocuments.at;
import static org.kydp.quiz.content.QuizDocuments.json;

import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kydp.quiz.model.AttemptGrading;
import org.kydp.quiz.model.Difficulty;
import org.kydp.quiz.model.FeedbackBand;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.QuestionDraw;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.ReviewPolicy;
import org.kydp.quiz.model.ReviewTiming;
import org.kydp.quiz.model.ScoringRules;

/** The reader reads every rule of a quiz and its overall feedback, with defaults for what is left out. */
class QuizDocumentReaderRulesTest {

    private static Quiz read(ObjectNode document) {
        return QuizDocumentReader.read(document);
    }

    private static ObjectNode withRules(String rules) {
        ObjectNode document = QuizDocuments.tree("every-rule.json");
        document.set("rules", json(rules));
        document.remove("feedback");
        return document;
    }

    @Test
    void reads_every_rule() {
        QuizRules rules = QuizDocumentReader.read(QuizDocuments.text("every-rule.json")).rules();

        assertThat(rules.timeLimit()).contains(Duration.ofMinutes(10));
        assertThat(rules.questionTimeLimit()).contains(Duration.ofSeconds(30));
        assertThat(rules.gracePeriod()).isEqualTo(Duration.ofMillis(1500));
        assertThat(rules.attemptsAllowed()).isEqualTo(3);
        assertThat(rules.grading()).isEqualTo(AttemptGrading.AVERAGE);
        assertThat(rules.review()).isEqualTo(new ReviewPolicy(ReviewTiming.AFTER_EACH_ANSWER,
                ReviewTiming.AFTER_EACH_ANSWER, ReviewTiming.AFTER_FINISH, ReviewTiming.AFTER_FINISH,
                ReviewTiming.NEVER));
        assertThat(rules.scoring()).isEqualTo(new ScoringRules(ScoringRules.Mode.SPEED, 0.25, -2,
                ScoringRules.MultipleResponseGrading.ALL_OR_NOTHING, true));
        assertThat(rules.shuffleQuestions()).isTrue();
        assertThat(rules.shuffleOptions()).isTrue();
        assertThat(rules.draw()).contains(new QuestionDraw(2, Set.of("road", "helmet"),
                Set.of(Difficulty.EASY, Difficulty.MEDIUM)));
    }

    @Test
    void reads_the_overall_feedback_bands_in_order_of_their_start() {
        Quiz quiz = QuizDocumentReader.read(QuizDocuments.text("every-rule.json"));

        assertThat(quiz.feedbackBands()).extracting(FeedbackBand::minPercent).containsExactly(0.0, 50.0, 80.0);
        assertThat(quiz.feedbackFor(9, 10)).isEqualTo(LocalizedText.bilingual("Well done.", "बहुत बढ़िया।"));
        assertThat(quiz.feedbackFor(5, 10).in("hi", "en")).isEqualTo("अच्छा।");
        assertThat(quiz.feedbackFor(4, 10).in("en", "en")).isEqualTo("Read these tips.");
    }

    @Test
    void a_quiz_without_rules_gets_the_defaults() {
        ObjectNode document = QuizDocuments.tree("every-rule.json");
        document.remove("rules");
        document.remove("feedback");

        Quiz quiz = read(document);

        assertThat(quiz.rules()).isEqualTo(QuizRules.defaults());
        assertThat(quiz.feedbackBands()).isEmpty();
        assertThat(quiz.rules().gracePeriod()).isEqualTo(Duration.ofSeconds(2));
        assertThat(quiz.rules().attemptsAllowed()).isZero();
        assertThat(quiz.rules().grading()).isEqualTo(AttemptGrading.HIGHEST);
        assertThat(quiz.rules().review()).isEqualTo(ReviewPolicy.AFTER_EACH_ANSWER);
        assertThat(quiz.rules().scoring()).isEqualTo(ScoringRules.DEFAULT);
        assertThat(quiz.rules().draw()).isEmpty();
    }

    @Test
    void empty_rules_and_an_empty_scoring_object_get_the_defaults_too() {
        assertThat(read(withRules("{}")).rules()).isEqualTo(QuizRules.defaults());
        assertThat(read(withRules("{\"scoring\": {}}")).rules().scoring()).isEqualTo(ScoringRules.DEFAULT);
    }

    @ParameterizedTest(name = "review \"{0}\"")
    @CsvSource({"after_each_answer, AFTER_EACH_ANSWER", "after_finish, AFTER_FINISH", "never, NEVER"})
    void a_review_given_as_one_string_applies_to_every_part(String wireName, ReviewTiming timing) {
        assertThat(read(withRules("{\"review\": \"" + wireName + "\"}")).rules().review())
                .isEqualTo(ReviewPolicy.all(timing));
    }

    @Test
    void parts_a_review_object_leaves_out_are_shown_after_each_answer() {
        ReviewPolicy review = read(withRules("{\"review\": {\"correctAnswer\": \"never\"}}")).rules().review();

        assertThat(review).isEqualTo(new ReviewPolicy(ReviewTiming.AFTER_EACH_ANSWER, ReviewTiming.AFTER_EACH_ANSWER,
                ReviewTiming.AFTER_EACH_ANSWER, ReviewTiming.AFTER_EACH_ANSWER, ReviewTiming.NEVER));
    }

    @ParameterizedTest(name = "grading \"{0}\"")
    @CsvSource({"highest, HIGHEST", "first, FIRST", "last, LAST", "average, AVERAGE"})
    void reads_each_way_of_grading_attempts(String wireName, AttemptGrading grading) {
        assertThat(read(withRules("{\"grading\": \"" + wireName + "\"}")).rules().grading()).isEqualTo(grading);
    }

    @ParameterizedTest(name = "multipleResponse \"{0}\"")
    @CsvSource({"all_or_nothing, ALL_OR_NOTHING", "proportional_with_penalty, PROPORTIONAL_WITH_PENALTY",
            "proportional_without_penalty, PROPORTIONAL_WITHOUT_PENALTY"})
    void reads_each_multiple_response_grading(String wireName, ScoringRules.MultipleResponseGrading grading) {
        assertThat(read(withRules("{\"scoring\": {\"multipleResponse\": \"" + wireName + "\"}}")).rules().scoring()
                .multipleResponse()).isEqualTo(grading);
    }

    @Test
    void a_grace_period_of_zero_and_unlimited_attempts_are_allowed() {
        QuizRules rules = read(withRules("{\"gracePeriodMs\": 0, \"attemptsAllowed\": 0}")).rules();

        assertThat(rules.gracePeriod()).isZero();
        assertThat(rules.attemptsAllowed()).isZero();
    }

    @Test
    void speed_scoring_is_accepted_when_each_question_has_a_time_limit_of_its_own() {
        ObjectNode document = withRules("{\"scoring\": {\"mode\": \"speed\"}}");
        for (int i = 0; i < 4; i++) {
            at(document, "/questions/" + i).put("timeLimitMs", 20_000);
        }

        assertThat(read(document).rules().scoring().mode()).isEqualTo(ScoringRules.Mode.SPEED);
    }

    @Test
    void a_draw_without_tags_or_difficulties_draws_from_every_question() {
        QuestionDraw draw = read(withRules("{\"draw\": {\"count\": 4}}")).rules().draw().orElseThrow();

        assertThat(draw).isEqualTo(new QuestionDraw(4, Set.of(), Set.of()));
    }
}
