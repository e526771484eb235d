package org.kydp.quiz.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.content.QuizDocumentReader;
import org.kydp.quiz.error.DeadlinePassedException;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionType;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.ReviewPolicy;
import org.kydp.quiz.model.ReviewTiming;
import org.kydp.quiz.model.ScoringRules;

/** The rules of play over the engine: every type, time limits, shuffles, draws, scoring and review. */
class PlayRulesTest {

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final QuizEngine engine = SampleQuizzes.seeded(42).clock(clock).build();
    private final Map<String, Answer> right = SampleQuizzes.catalogueRightAnswers();

    private String player(String name) {
        return engine.registerPlayer(name).player().id();
    }

    private QuestionView next(String player, String attempt) {
        return engine.currentQuestion(player, attempt).orElseThrow();
    }

    @Test
    void every_question_type_is_played_with_its_own_answer_shape() {
        engine.publish(SampleQuizzes.catalogue());
        String asha = player("Asha");
        AttemptSummary attempt = engine.startAttempt(asha, "catalogue");
        assertThat(attempt.maxScore()).isEqualTo(70);

        List<QuestionType> served = new ArrayList<>();
        for (QuestionView question = next(asha, attempt.id()); ; question = next(asha, attempt.id())) {
            served.add(question.type());
            AnswerResult result = engine.answer(asha, attempt.id(), question.id(), right.get(question.id()));
            if (question.type() == QuestionType.POLL) {
                assertThat(result.correct()).isEmpty();
                assertThat(result.points()).hasValue(0);
                assertThat(result.votes()).containsEntry("cyber", 1L);
                assertThat(result.correctAnswer()).isEmpty();
                break;
            }
            assertThat(result.correct()).as(question.id()).contains(true);
            assertThat(result.points()).as(question.id()).hasValue(10);
            assertThat(result.votes()).isEmpty();
        }

        assertThat(served).containsExactly(QuestionType.values());
        FinishResult finished = engine.finish(asha, attempt.id());
        assertThat(finished.score()).isEqualTo(70);
        assertThat(finished.maxScore()).isEqualTo(70);
        assertThat(finished.correct()).hasValue(7);
        assertThat(finished.feedback().in("en", "en")).isEqualTo("Well done.");
        assertThat(finished.review()).extracting(ReviewItem::type).containsExactly(QuestionType.values());
        assertThat(finished.review()).filteredOn(item -> item.type() == QuestionType.POLL)
                .singleElement().satisfies(poll -> assertThat(poll.correct()).isEmpty());
    }

    @Test
    void partly_right_answers_earn_part_of_the_points_and_a_low_score_gets_the_low_band() {
        engine.publish(SampleQuizzes.catalogue());
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "catalogue").id();
        Map<String, Answer> partly = Map.of(
                "emergency", new Answer.Choice("a"),
                "never-share", Answer.Choices.of("a", "c"),
                "mha", new Answer.Bool(false),
                "motto-word", new Answer.Text("  PEACE "),
                "cyber-helpline", new Answer.Number(1950),
                "report-fraud", new Answer.Order(List.of("call", "follow", "complain")),
                "helplines", new Answer.Pairs(Map.of("child", "n1098", "cyber", "n112", "emergency", "n1930")),
                "topic", new Answer.Choice("road"));
        Map<String, Integer> points = new java.util.HashMap<>();
        for (int i = 0; i < 8; i++) {
            QuestionView question = next(asha, attempt);
            points.put(question.id(), engine.answer(asha, attempt, question.id(), partly.get(question.id())).points().getAsInt());
        }

        assertThat(points).containsAllEntriesOf(Map.of("emergency", 0, "never-share", 0, "mha", 0,
                "motto-word", 5, "cyber-helpline", 5, "report-fraud", 3, "helplines", 3));
        FinishResult finished = engine.finish(asha, attempt);
        assertThat(finished.score()).isEqualTo(16);
        assertThat(finished.feedback().in("hi", "en")).isEqualTo("सुझाव पढ़ें और फिर कोशिश करें।");
    }

    @Test
    void a_devanagari_short_answer_matches_whatever_the_spacing() {
        engine.publish(SampleQuizzes.catalogue(rules -> rules.withShuffle(false, false)));
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "catalogue").id();
        for (int i = 0; i < 3; i++) {
            QuestionView question = next(asha, attempt);
            engine.answer(asha, attempt, question.id(), right.get(question.id()));
        }
        QuestionView motto = next(asha, attempt);
        assertThat(motto.id()).isEqualTo("motto-word");

        AnswerResult result = engine.answer(asha, attempt, "motto-word", new Answer.Text("  शां\u200Dति  "));

        assertThat(result.correct()).contains(true);
        assertThat(result.feedback().in("en", "en")).isEqualTo("Shanti: peace.");
    }

    @Test
    void a_question_answered_after_its_own_time_limit_and_grace_is_refused_and_counts_as_missed() {
        engine.publish(SampleQuizzes.catalogue(rules -> rules.withQuestionTimeLimit(Duration.ofSeconds(20))));
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "catalogue").id();
        QuestionView first = next(asha, attempt);
        assertThat(first.timeLimit()).contains(Duration.ofSeconds(20));
        assertThat(first.deadline()).contains(Instant.parse("2026-02-16T04:30:20Z"));

        clock.advance(Duration.ofMillis(22_001));
        assertThatThrownBy(() -> engine.answer(asha, attempt, first.id(), right.get(first.id())))
                .isInstanceOf(DeadlinePassedException.class);

        QuestionView second = next(asha, attempt);
        assertThat(second.index()).isEqualTo(1);
        assertThat(engine.attempt(asha, attempt).answered()).isZero();
    }

    @Test
    void a_question_left_past_its_time_is_recorded_as_missed_when_the_next_is_fetched() {
        engine.publish(SampleQuizzes.catalogue(rules -> rules.withQuestionTimeLimit(Duration.ofSeconds(20))));
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "catalogue").id();
        QuestionView first = next(asha, attempt);

        clock.advance(Duration.ofSeconds(21));
        assertThat(next(asha, attempt).id()).as("still within grace").isEqualTo(first.id());
        clock.advance(Duration.ofSeconds(2));
        QuestionView second = next(asha, attempt);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.deadline()).contains(clock.instant().plusSeconds(20));
        assertThatThrownBy(() -> engine.answer(asha, attempt, first.id(), right.get(first.id())))
                .isInstanceOf(DeadlinePassedException.class);
    }

    @Test
    void a_question_deadline_never_outlasts_the_attempts() {
        engine.publish(SampleQuizzes.catalogue(rules -> rules.withTimeLimit(Duration.ofSeconds(30))
                .withQuestionTimeLimit(Duration.ofSeconds(20))));
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "catalogue").id();
        QuestionView first = next(asha, attempt);
        clock.advance(Duration.ofSeconds(15));
        engine.answer(asha, attempt, first.id(), right.get(first.id()));

        QuestionView second = next(asha, attempt);

        assertThat(second.deadline()).contains(Instant.parse("2026-02-16T04:30:30Z"));
    }

    @Test
    void shuffled_questions_and_options_keep_their_order_for_one_attempt_and_vary_between_attempts() {
        engine.publish(SampleQuizzes.catalogue(rules -> rules.withShuffle(true, true)));
        Set<List<String>> questionOrders = new HashSet<>();
        Set<List<String>> optionOrders = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            String player = player("P" + i);
            String attempt = engine.startAttempt(player, "catalogue").id();
            List<String> order = new ArrayList<>();
            for (int q = 0; q < 8; q++) {
                QuestionView question = next(player, attempt);
                assertThat(next(player, attempt)).as("served again").isEqualTo(question);
                if (question.id().equals("emergency")) {
                    optionOrders.add(question.choices().stream().map(Question.Choice::id).toList());
                }
                order.add(question.id());
                engine.answer(player, attempt, question.id(), right.get(question.id()));
            }
            assertThat(order).containsExactlyInAnyOrderElementsOf(right.keySet());
            questionOrders.add(order);
        }
        assertThat(questionOrders).hasSizeGreaterThan(1);
        assertThat(optionOrders).hasSizeGreaterThan(1);
    }

    @Test
    void ordering_items_and_the_right_side_of_a_matching_are_always_shuffled() {
        engine.publish(SampleQuizzes.catalogue(rules -> rules.withShuffle(false, false)));
        Set<List<String>> itemOrders = new HashSet<>();
        Set<List<String>> rightOrders = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            String player = player("P" + i);
            String attempt = engine.startAttempt(player, "catalogue").id();
            for (int q = 0; q < 7; q++) {
                QuestionView question = next(player, attempt);
                if (question.type() == QuestionType.ORDERING) {
                    itemOrders.add(question.choices().stream().map(Question.Choice::id).toList());
                }
                if (question.type() == QuestionType.MATCHING) {
                    rightOrders.add(question.right().stream().map(Question.Choice::id).toList());
                    assertThat(question.left()).extracting(Question.Choice::id)
                            .containsExactly("child", "cyber", "emergency");
                }
                engine.answer(player, attempt, question.id(), right.get(question.id()));
            }
        }
        assertThat(itemOrders).hasSizeGreaterThan(1);
        assertThat(rightOrders).hasSizeGreaterThan(1);
    }

    @Test
    void an_attempt_draws_its_questions_from_the_pool_the_rules_name() {
        engine.publish(drawQuiz());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            String player = player("P" + i);
            AttemptSummary attempt = engine.startAttempt(player, "draw");
            assertThat(attempt.questionCount()).isEqualTo(2);
            assertThat(attempt.maxScore()).isEqualTo(20);
            for (int q = 0; q < 2; q++) {
                QuestionView question = next(player, attempt.id());
                assertThat(question.id()).startsWith("cyber-easy");
                seen.add(question.id());
                engine.answer(player, attempt.id(), question.id(), new Answer.Bool(true));
            }
        }
        assertThat(seen).containsExactlyInAnyOrder("cyber-easy-1", "cyber-easy-2", "cyber-easy-3");
    }

    @Test
    void speed_points_shrink_with_the_time_taken() {
        engine.publish(SampleQuizzes.catalogue(rules -> rules.withShuffle(false, false)
                .withQuestionTimeLimit(Duration.ofSeconds(20))
                .withScoring(ScoringRules.DEFAULT.withMode(ScoringRules.Mode.SPEED))));
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "catalogue").id();

        next(asha, attempt);
        clock.advance(Duration.ofMillis(400));
        assertThat(engine.answer(asha, attempt, "emergency", right.get("emergency")).points()).hasValue(10);
        next(asha, attempt);
        clock.advance(Duration.ofSeconds(10));
        assertThat(engine.answer(asha, attempt, "never-share", right.get("never-share")).points()).hasValue(8);
        next(asha, attempt);
        clock.advance(Duration.ofSeconds(21));
        assertThat(engine.answer(asha, attempt, "mha", right.get("mha")).points()).hasValue(5);
    }

    @Test
    void a_streak_of_right_answers_earns_a_growing_bonus_that_a_wrong_answer_resets() {
        engine.publish(SampleQuizzes.catalogue(rules -> rules.withShuffle(false, false)
                .withScoring(ScoringRules.DEFAULT.withStreakBonus(true))));
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "catalogue").id();
        List<Integer> points = new ArrayList<>();
        List<String> plan = List.of("right", "right", "right", "wrong", "right", "right", "right", "right");
        for (String step : plan) {
            QuestionView question = next(asha, attempt);
            Answer answer = step.equals("right") ? right.get(question.id()) : new Answer.Text("nothing");
            points.add(engine.answer(asha, attempt, question.id(), answer).points().getAsInt());
        }

        assertThat(points).containsExactly(10, 110, 210, 0, 10, 110, 210, 0);
        assertThat(engine.finish(asha, attempt).score()).isEqualTo(660);
    }

    @Test
    void negative_marking_costs_a_share_of_the_points_down_to_the_floor() {
        engine.publish(SampleQuizzes.catalogue(rules -> rules.withShuffle(false, false)
                .withScoring(ScoringRules.DEFAULT.withNegativeMarking(0.25, -2))));
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "catalogue").id();
        next(asha, attempt);

        assertThat(engine.answer(asha, attempt, "emergency", new Answer.Choice("c")).points()).hasValue(-2);
        next(asha, attempt);
        assertThat(engine.answer(asha, attempt, "never-share", Answer.Choices.of("c", "d")).points()).hasValue(-2);
        assertThat(engine.attempt(asha, attempt).score()).hasValue(-4);
    }

    @Test
    void negative_marking_spares_an_answer_that_was_partly_right() {
        engine.publish(SampleQuizzes.catalogue(rules -> rules.withShuffle(false, false)
                .withScoring(ScoringRules.DEFAULT.withNegativeMarking(0.25, -5))));
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "catalogue").id();
        next(asha, attempt);
        engine.answer(asha, attempt, "emergency", new Answer.Choice("b"));
        next(asha, attempt);

        assertThat(engine.answer(asha, attempt, "never-share", Answer.Choices.of("a", "c")).points()).hasValue(0);
        next(asha, attempt);
        assertThat(engine.answer(asha, attempt, "mha", new Answer.Bool(false)).points()).hasValue(-3);
    }

    @Test
    void each_part_of_the_review_is_shown_when_the_policy_says() {
        ReviewPolicy policy = new ReviewPolicy(ReviewTiming.AFTER_EACH_ANSWER, ReviewTiming.AFTER_EACH_ANSWER,
                ReviewTiming.AFTER_FINISH, ReviewTiming.AFTER_FINISH, ReviewTiming.NEVER);
        engine.publish(SampleQuizzes.catalogue(rules -> rules.withShuffle(false, false).withReview(policy)));
        String asha = player("Asha");
        String attempt = engine.startAttempt(asha, "catalogue").id();
        next(asha, attempt);

        AnswerResult result = engine.answer(asha, attempt, "emergency", new Answer.Choice("a"));

        assertThat(result.correct()).contains(false);
        assertThat(result.points()).hasValue(0);
        assertThat(result.feedback().isEmpty()).isTrue();
        assertThat(result.explanation().isEmpty()).isTrue();
        assertThat(result.correctAnswer()).isEmpty();
        ReviewItem item = engine.finish(asha, attempt).review().get(0);
        assertThat(item.correct()).contains(false);
        assertThat(item.feedback().in("en", "en")).isEqualTo("That is Childline.");
        assertThat(item.explanation().in("en", "en")).isEqualTo("112 is the single emergency number.");
        assertThat(item.correctAnswer()).isEmpty();
    }

    @Test
    void poll_votes_add_up_across_players() {
        engine.publish(SampleQuizzes.catalogue(rules -> rules.withShuffle(false, false)));
        Map<String, Long> votes = Map.of();
        for (String vote : List.of("cyber", "road", "road")) {
            String player = player("Voter " + vote.length() + votes.size());
            String attempt = engine.startAttempt(player, "catalogue").id();
            for (int q = 0; q < 7; q++) {
                QuestionView question = next(player, attempt);
                engine.answer(player, attempt, question.id(), right.get(question.id()));
            }
            next(player, attempt);
            votes = engine.answer(player, attempt, "topic", new Answer.Choice(vote)).votes();
        }
        assertThat(votes).containsExactlyInAnyOrderEntriesOf(Map.of("cyber", 1L, "road", 2L));
    }

    private static Quiz drawQuiz() {
        StringBuilder questions = new StringBuilder();
        String[][] pool = {{"cyber-easy-1", "cyber", "easy"}, {"cyber-easy-2", "cyber", "easy"},
            {"cyber-easy-3", "cyber", "easy"}, {"cyber-hard-1", "cyber", "hard"}, {"road-easy-1", "road", "easy"}};
        for (String[] q : pool) {
            questions.append(questions.isEmpty() ? "" : ",").append("""
                    {"id": "%s", "type": "true_false", "answer": true, "text": "%s", "tags": ["%s"],
                     "difficulty": "%s"}""".formatted(q[0], q[0], q[1], q[2]));
        }
        return QuizDocumentReader.read("""
                {"id": "draw", "title": "Draw", "rules": {"draw": {"count": 2, "tags": ["cyber"],
                 "difficulties": ["easy"]}}, "questions": [%s]}""".formatted(questions));
    }
}
