package org.kydp.quiz.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kydp.quiz.SampleQuestions.choice;
import static org.kydp.quiz.SampleQuestions.info;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kydp.quiz.SampleQuestions;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Grade;
import org.kydp.quiz.model.Matching;
import org.kydp.quiz.model.MultipleResponse;
import org.kydp.quiz.model.Ordering;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.ScoringRules;
import org.kydp.quiz.model.ScoringRules.MultipleResponseGrading;

class AnswerScoringTest {

    private static final Duration NO_TIME = Duration.ZERO;

    private static Points score(ScoringRules rules, Question question, Answer answer) {
        return new AnswerScoring(rules).score(question, question.grade(answer), NO_TIME, null, 0);
    }

    private static ScoringRules negative(double fraction, int floor) {
        return ScoringRules.DEFAULT.withNegativeMarking(fraction, floor);
    }

    @Nested
    class FixedPoints {

        @Test
        void a_right_answer_earns_the_question_points_and_a_wrong_one_nothing() {
            Question question = SampleQuestions.singleChoice(10);

            assertThat(score(ScoringRules.DEFAULT, question, new Answer.Choice("b"))).isEqualTo(new Points(10, 0, 1));
            assertThat(score(ScoringRules.DEFAULT, question, new Answer.Choice("a"))).isEqualTo(new Points(0, 0, 0));
        }

        @ParameterizedTest(name = "{0} points, order {1} → {2}")
        @CsvSource(delimiter = ';', value = {
                // ordering a,b,c,d: one item in place is 1/4, two 1/2, none 0
                "10; a,d,b,c; 3",    // 2.5 rounds half up
                "10; a,b,d,c; 5",
                "3;  a,b,d,c; 2",    // 1.5 rounds half up
                "1;  a,d,b,c; 0",    // 0.25 rounds down
                "2;  a,d,b,c; 1",    // 0.5 rounds half up
                "7;  a,d,b,c; 2",    // 1.75
                "10; d,c,b,a; 0"})
        void partial_credit_is_rounded_to_the_nearest_point_half_up(int points, String order, int expected) {
            Ordering question = SampleQuestions.ordering(points);

            Points earned = score(ScoringRules.DEFAULT, question, new Answer.Order(List.of(order.split(","))));

            assertThat(earned.base()).isEqualTo(expected);
            assertThat(earned.streak()).isZero();
        }

        @Test
        void thirds_of_a_matching_question_round_to_the_nearest_point() {
            Matching question = SampleQuestions.matching(10);

            assertThat(score(ScoringRules.DEFAULT, question,
                    new Answer.Pairs(Map.of("l1", "r1", "l2", "r3", "l3", "r2"))).base()).isEqualTo(3);
            assertThat(score(ScoringRules.DEFAULT, question,
                    new Answer.Pairs(Map.of("l1", "r1", "l2", "r2", "l3", "r4"))).base()).isEqualTo(7);
        }

        @Test
        void the_time_taken_does_not_matter() {
            Question question = SampleQuestions.trueFalse(10);
            AnswerScoring scoring = new AnswerScoring(ScoringRules.DEFAULT);

            assertThat(scoring.score(question, Grade.right(null), Duration.ofSeconds(19), Duration.ofSeconds(20), 0)
                    .base()).isEqualTo(10);
            assertThat(scoring.score(question, Grade.right(null), Duration.ofHours(1), null, 0).base()).isEqualTo(10);
        }
    }

    @Nested
    class NegativeMarking {

        private final Question question = SampleQuestions.singleChoice(10);

        @Test
        void a_wrong_answer_costs_the_fraction_of_the_points_rounded_half_away_from_zero() {
            // 10 × 0.25 = 2.5 → −3
            assertThat(score(negative(0.25, -10), question, new Answer.Choice("a"))).isEqualTo(new Points(-3, 0, 0));
            assertThat(score(negative(0.2, -10), question, new Answer.Choice("a")).base()).isEqualTo(-2);
            assertThat(score(negative(1.0, -10), question, new Answer.Choice("a")).base()).isEqualTo(-10);
            assertThat(score(negative(0.33, -10), question, new Answer.Choice("a")).base()).isEqualTo(-3);
        }

        @Test
        void the_floor_limits_what_a_wrong_answer_can_cost() {
            assertThat(score(negative(0.25, -2), question, new Answer.Choice("a")).base()).isEqualTo(-2);
            assertThat(score(negative(0.25, 0), question, new Answer.Choice("a")).base()).isZero();
            assertThat(score(negative(1.0, -3), question, new Answer.Choice("a")).base()).isEqualTo(-3);
        }

        @Test
        void the_default_is_neither_negative_marking_nor_a_negative_floor() {
            assertThat(ScoringRules.DEFAULT.negativeMarking()).isZero();
            assertThat(ScoringRules.DEFAULT.floor()).isZero();
            assertThat(score(ScoringRules.DEFAULT.withNegativeMarking(0.5, 0), question, new Answer.Choice("a")).base())
                    .as("negative marking with the default floor of 0 takes nothing").isZero();
        }

        @Test
        void a_right_or_partly_right_answer_costs_nothing() {
            Ordering ordering = SampleQuestions.ordering(10);

            assertThat(score(negative(0.5, -10), question, new Answer.Choice("b")).base()).isEqualTo(10);
            assertThat(score(negative(0.5, -10), ordering, new Answer.Order(List.of("a", "d", "b", "c"))).base())
                    .isEqualTo(3);
            assertThat(score(negative(0.5, -10), ordering, new Answer.Order(List.of("d", "c", "b", "a"))).base())
                    .isEqualTo(-5);
        }

        @Test
        void the_rules_refuse_a_positive_floor_or_a_fraction_outside_zero_to_one() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> negative(0.25, 1))
                    .hasMessageContaining("floor must be 0 or negative");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> negative(1.5, 0))
                    .hasMessageContaining("within [0, 1]");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> negative(-0.1, 0))
                    .hasMessageContaining("within [0, 1]");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> negative(Double.NaN, 0))
                    .hasMessageContaining("within [0, 1]");
        }
    }

    @Nested
    class MultipleResponseModes {

        /** Right: a (0.5) and b (0.5); wrong: c (−0.5) and d (−1). */
        private final MultipleResponse question = SampleQuestions.multipleResponse(10);

        private int points(MultipleResponseGrading grading, int floor, String chosen) {
            ScoringRules rules = ScoringRules.DEFAULT.withMultipleResponse(grading).withNegativeMarking(0, floor);
            return score(rules, question, Answer.Choices.of(chosen.isEmpty() ? new String[0] : chosen.split(",")))
                    .base();
        }

        @ParameterizedTest(name = "{0} → all or nothing {1}, with penalty {2}, without penalty {3}")
        @CsvSource(delimiter = ';', value = {
                "a,b;     10;  10; 10",
                "a;        0;   5;  5",
                "b;        0;   5;  5",
                "a,c;      0;   0;  5",
                "a,b,c;    0;   5; 10",
                "a,b,d;    0;   0; 10",
                "a,b,c,d;  0;  -5; 10",
                "c;        0;  -5;  0",
                "d;        0; -10;  0",
                "c,d;      0; -10;  0",
                "'';       0;   0;  0"})
        void the_three_modes_score_the_same_answers_differently(String chosen, int allOrNothing, int withPenalty,
                                                                 int withoutPenalty) {
            assertThat(points(MultipleResponseGrading.ALL_OR_NOTHING, -10, chosen)).isEqualTo(allOrNothing);
            assertThat(points(MultipleResponseGrading.PROPORTIONAL_WITH_PENALTY, -10, chosen)).isEqualTo(withPenalty);
            assertThat(points(MultipleResponseGrading.PROPORTIONAL_WITHOUT_PENALTY, -10, chosen))
                    .isEqualTo(withoutPenalty);
        }

        @Test
        void a_penalty_stops_at_the_floor() {
            assertThat(points(MultipleResponseGrading.PROPORTIONAL_WITH_PENALTY, 0, "c,d")).isZero();
            assertThat(points(MultipleResponseGrading.PROPORTIONAL_WITH_PENALTY, -4, "c,d")).isEqualTo(-4);
            assertThat(points(MultipleResponseGrading.PROPORTIONAL_WITH_PENALTY, -4, "c")).isEqualTo(-4);
        }

        @Test
        void proportional_with_penalty_is_the_default() {
            assertThat(ScoringRules.DEFAULT.multipleResponse()).isEqualTo(MultipleResponseGrading.PROPORTIONAL_WITH_PENALTY);
        }

        @Test
        void only_exactly_the_right_options_extend_a_streak() {
            AnswerScoring scoring = new AnswerScoring(ScoringRules.DEFAULT
                    .withMultipleResponse(MultipleResponseGrading.PROPORTIONAL_WITHOUT_PENALTY));

            Points overChosen = scoring.score(question, question.grade(Answer.Choices.of("a", "b", "c")), NO_TIME, null,
                    3);

            assertThat(overChosen).isEqualTo(new Points(10, 0, 0));
        }
    }

    @Nested
    class SpeedPoints {

        private static final Duration LIMIT = Duration.ofSeconds(20);

        private final AnswerScoring speed = new AnswerScoring(ScoringRules.DEFAULT.withMode(ScoringRules.Mode.SPEED));
        private final Question question = SampleQuestions.trueFalse(1000);

        private int points(Grade grade, Duration elapsed) {
            return speed.score(question, grade, elapsed, LIMIT, 0).base();
        }

        @ParameterizedTest(name = "t = {0} ms of 20 s → {1}")
        @CsvSource({
                "10000, 750",
                "20000, 500",
                "30000, 500",
                "5000,  875",
                "15000, 625",
                "501,   987",
                "500,   1000",
                "499,   1000",
                "0,     1000",
                "-2000, 1000",
                "19999, 500",
                "1000,  975"})
        void a_right_answer_earns_points_times_one_minus_half_the_share_of_the_time_taken(long elapsedMs,
                                                                                          int expected) {
            assertThat(points(Grade.right(null), Duration.ofMillis(elapsedMs))).isEqualTo(expected);
        }

        @Test
        void speed_scales_partial_credit_too_and_rounds_the_product() {
            assertThat(points(Grade.of(0.5, null), Duration.ofSeconds(10))).isEqualTo(375);
            Question small = SampleQuestions.trueFalse(10);
            assertThat(speed.score(small, Grade.right(null), Duration.ofSeconds(10), LIMIT, 0).base())
                    .as("10 × 0.75 = 7.5").isEqualTo(8);
            assertThat(speed.score(small, Grade.right(null), Duration.ofSeconds(6), LIMIT, 0).base())
                    .as("10 × 0.85 = 8.5").isEqualTo(9);
        }

        @Test
        void a_wrong_answer_earns_nothing_however_fast() {
            assertThat(points(Grade.wrong(null), Duration.ZERO)).isZero();
            assertThat(points(Grade.wrong(null), Duration.ofSeconds(10))).isZero();
        }

        @Test
        void negative_marking_does_not_shrink_with_time() {
            AnswerScoring speedNegative = new AnswerScoring(ScoringRules.DEFAULT.withMode(ScoringRules.Mode.SPEED)
                    .withNegativeMarking(0.25, -1000));

            assertThat(speedNegative.score(question, Grade.wrong(null), Duration.ofSeconds(15), LIMIT, 0).base())
                    .isEqualTo(-250);
        }

        @Test
        void the_full_speed_window_is_half_a_second() {
            assertThat(AnswerScoring.FULL_SPEED_WINDOW).isEqualTo(Duration.ofMillis(500));
            assertThat(speed.speedFactor(Duration.ofMillis(500), LIMIT)).isEqualTo(1.0);
            assertThat(speed.speedFactor(Duration.ofSeconds(10), LIMIT)).isEqualTo(0.75);
        }
    }

    @Nested
    class Streaks {

        private final AnswerScoring streaks = new AnswerScoring(ScoringRules.DEFAULT.withStreakBonus(true));
        private final Question question = SampleQuestions.trueFalse(10);

        /** Scores answers in turn, each right (R), wrong (W), partly right (P) or a poll vote (V). */
        private List<Points> play(AnswerScoring scoring, String answers) {
            List<Points> earned = new ArrayList<>();
            int streak = 0;
            Ordering ordering = SampleQuestions.ordering(10);
            for (char answer : answers.toCharArray()) {
                Points points = switch (answer) {
                    case 'R' -> scoring.score(question, Grade.right(null), NO_TIME, null, streak);
                    case 'W' -> scoring.score(question, Grade.wrong(null), NO_TIME, null, streak);
                    case 'P' -> scoring.score(ordering, Grade.of(0.5, null), NO_TIME, null, streak);
                    case 'V' -> scoring.score(SampleQuestions.poll(), Grade.wrong(null), NO_TIME, null, streak);
                    default -> throw new IllegalArgumentException("R, W, P or V: " + answer);
                };
                earned.add(points);
                streak = points.streak();
            }
            return earned;
        }

        @Test
        void eight_right_answers_in_a_row_earn_bonuses_rising_by_100_up_to_500() {
            List<Points> earned = play(streaks, "RRRRRRRR");

            assertThat(earned).extracting(Points::streakBonus).containsExactly(0, 100, 200, 300, 400, 500, 500, 500);
            assertThat(earned).extracting(Points::streak).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(earned).extracting(Points::total).containsExactly(10, 110, 210, 310, 410, 510, 510, 510);
        }

        @Test
        void a_wrong_answer_resets_the_streak() {
            List<Points> earned = play(streaks, "RRRWRR");

            assertThat(earned).extracting(Points::streakBonus).containsExactly(0, 100, 200, 0, 0, 100);
            assertThat(earned).extracting(Points::streak).containsExactly(1, 2, 3, 0, 1, 2);
        }

        @Test
        void a_partly_right_answer_resets_the_streak_too() {
            List<Points> earned = play(streaks, "RRPR");

            assertThat(earned).extracting(Points::streakBonus).containsExactly(0, 100, 0, 0);
            assertThat(earned).extracting(Points::base).containsExactly(10, 10, 5, 10);
        }

        @Test
        void a_poll_neither_scores_nor_breaks_nor_extends_a_streak() {
            List<Points> earned = play(streaks, "RRVVRVR");

            assertThat(earned).extracting(Points::total).containsExactly(10, 110, 0, 0, 210, 0, 310);
            assertThat(earned).extracting(Points::streak).containsExactly(1, 2, 2, 2, 3, 3, 4);
            assertThat(earned.get(2)).isEqualTo(new Points(0, 0, 2));
        }

        @Test
        void without_the_bonus_the_streak_is_still_counted_but_earns_nothing() {
            List<Points> earned = play(new AnswerScoring(ScoringRules.DEFAULT), "RRRWR");

            assertThat(earned).extracting(Points::streakBonus).containsOnly(0);
            assertThat(earned).extracting(Points::streak).containsExactly(1, 2, 3, 0, 1);
        }

        @Test
        void a_wrong_answer_with_negative_marking_loses_points_and_the_streak() {
            AnswerScoring harsh = new AnswerScoring(ScoringRules.DEFAULT.withStreakBonus(true)
                    .withNegativeMarking(0.5, -5));

            assertThat(harsh.score(question, Grade.wrong(null), NO_TIME, null, 4)).isEqualTo(new Points(-5, 0, 0));
        }
    }

    @Nested
    class Bounds {

        @Test
        void the_most_an_answer_earns_is_its_points_plus_the_largest_streak_bonus() {
            Question question = SampleQuestions.singleChoice(10);

            assertThat(new AnswerScoring(ScoringRules.DEFAULT).maxPoints(question)).isEqualTo(10);
            assertThat(new AnswerScoring(ScoringRules.DEFAULT.withStreakBonus(true)).maxPoints(question))
                    .isEqualTo(510);
            assertThat(new AnswerScoring(ScoringRules.DEFAULT.withStreakBonus(true)).maxPoints(SampleQuestions.poll()))
                    .isZero();
        }

        @Test
        void the_least_an_answer_earns_is_the_floor() {
            Question question = SampleQuestions.singleChoice(10);

            assertThat(new AnswerScoring(ScoringRules.DEFAULT).minPoints(question)).isZero();
            assertThat(new AnswerScoring(negative(0.25, -3)).minPoints(question)).isEqualTo(-3);
            assertThat(new AnswerScoring(negative(0.25, -3)).minPoints(SampleQuestions.poll())).isZero();
        }

        @Test
        void a_poll_vote_is_worth_nothing_whatever_the_rules() {
            ScoringRules harsh = ScoringRules.DEFAULT.withNegativeMarking(1, -100).withStreakBonus(true)
                    .withMode(ScoringRules.Mode.SPEED);
            Question poll = new org.kydp.quiz.model.Poll(info("p", 50), List.of(choice("x"), choice("y")));

            assertThat(new AnswerScoring(harsh).score(poll, poll.grade(new Answer.Choice("x")), Duration.ofSeconds(9),
                    Duration.ofSeconds(10), 7)).isEqualTo(new Points(0, 0, 7));
        }
    }
}
