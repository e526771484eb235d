package org.kydp.quiz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.SampleQuestions;

class QuestionInfoTest {

    private static final LocalizedText TEXT = LocalizedText.en("?");

    @Test
    void a_question_has_a_non_blank_id_and_positive_points() {
        assertThatThrownBy(() -> QuestionInfo.of(" ", TEXT, 10)).hasMessageContaining("id must not be blank");
        assertThatThrownBy(() -> QuestionInfo.of("q", TEXT, 0)).hasMessageContaining("points must be positive");
        assertThatThrownBy(() -> QuestionInfo.of("q", TEXT, -5)).hasMessageContaining("points must be positive");
        assertThatThrownBy(() -> QuestionInfo.of(null, TEXT, 10)).isInstanceOf(org.kydp.quiz.error.ValidationException.class);
    }

    @Test
    void its_own_time_limit_is_positive() {
        QuestionInfo info = QuestionInfo.of("q", TEXT, 10);

        assertThatThrownBy(() -> info.withTimeLimit(Duration.ZERO)).hasMessageContaining("time limit must be positive");
        assertThatThrownBy(() -> info.withTimeLimit(Duration.ofSeconds(-1)))
                .hasMessageContaining("time limit must be positive");
        assertThat(info.withTimeLimit(Duration.ofSeconds(20)).timeLimit()).contains(Duration.ofSeconds(20));
    }

    @Test
    void missing_optional_parts_read_as_empty() {
        QuestionInfo info = QuestionInfo.of("q", TEXT, 10);

        assertThat(info.explanation()).isEqualTo(LocalizedText.empty());
        assertThat(info.source()).isEmpty();
        assertThat(info.tags()).isEmpty();
        assertThat(info.difficulty()).isEmpty();
        assertThat(info.timeLimit()).isEmpty();
    }

    @Test
    void the_quiz_time_limit_applies_unless_the_question_has_its_own() {
        QuizRules rules = QuizRules.defaults().withQuestionTimeLimit(Duration.ofSeconds(30));
        Question plain = SampleQuestions.trueFalse(10);
        Question own = new TrueFalse(SampleQuestions.info("own").withTimeLimit(Duration.ofSeconds(5)), true);

        assertThat(rules.timeLimitOf(plain)).contains(Duration.ofSeconds(30));
        assertThat(rules.timeLimitOf(own)).contains(Duration.ofSeconds(5));
        assertThat(QuizRules.defaults().timeLimitOf(plain)).isEmpty();
        assertThat(QuizRules.defaults().timeLimitOf(own)).contains(Duration.ofSeconds(5));
    }

    @Test
    void a_draw_admits_questions_with_any_of_its_tags_and_difficulties() {
        Question easyCyber = new TrueFalse(SampleQuestions.info("a").withPool(List.of("cyber"), Difficulty.EASY), true);
        Question hardRoad = new TrueFalse(SampleQuestions.info("b").withPool(List.of("road"), Difficulty.HARD), true);
        Question unrated = new TrueFalse(SampleQuestions.info("c").withPool(List.of("cyber", "road"), null), true);
        List<Question> all = List.of(easyCyber, hardRoad, unrated);

        assertThat(new QuestionDraw(1, null, null).pool(all)).containsExactly(easyCyber, hardRoad, unrated);
        assertThat(new QuestionDraw(1, Set.of("cyber"), null).pool(all)).containsExactly(easyCyber, unrated);
        assertThat(new QuestionDraw(1, null, Set.of(Difficulty.HARD, Difficulty.EASY)).pool(all))
                .containsExactly(easyCyber, hardRoad);
        assertThat(new QuestionDraw(1, Set.of("road"), Set.of(Difficulty.HARD)).pool(all)).containsExactly(hardRoad);
        assertThat(new QuestionDraw(1, Set.of("helplines"), null).pool(all)).isEmpty();
        assertThatThrownBy(() -> new QuestionDraw(0, null, null)).hasMessageContaining("at least one question");
    }

    @Test
    void feedback_bands_start_within_zero_and_a_hundred_percent() {
        assertThatThrownBy(() -> new FeedbackBand(-1, TEXT)).hasMessageContaining("0..100");
        assertThatThrownBy(() -> new FeedbackBand(100.5, TEXT)).hasMessageContaining("0..100");
        assertThatThrownBy(() -> new FeedbackBand(Double.NaN, TEXT)).hasMessageContaining("0..100");
    }

    @Test
    void a_review_policy_is_uniform_only_when_every_part_shares_its_timing() {
        ReviewPolicy mixed = new ReviewPolicy(ReviewTiming.AFTER_EACH_ANSWER, ReviewTiming.AFTER_EACH_ANSWER,
                ReviewTiming.AFTER_FINISH, ReviewTiming.AFTER_FINISH, ReviewTiming.NEVER);

        assertThat(ReviewPolicy.AFTER_FINISH.uniform()).contains(ReviewTiming.AFTER_FINISH);
        assertThat(mixed.uniform()).isEmpty();
        assertThat(mixed.showsAnythingAfterEachAnswer()).isTrue();
        assertThat(ReviewPolicy.NEVER.showsAnythingAfterEachAnswer()).isFalse();
        assertThat(ReviewTiming.fromWireName("after_finish")).isEqualTo(ReviewTiming.AFTER_FINISH);
        assertThatThrownBy(() -> ReviewTiming.fromWireName("sometimes")).isInstanceOf(ValidationException.class);
    }
}
