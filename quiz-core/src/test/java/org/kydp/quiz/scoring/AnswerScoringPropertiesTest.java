package org.kydp.quiz.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kydp.quiz.SampleQuestions;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Grade;
import org.kydp.quiz.model.Matching;
import org.kydp.quiz.model.MultipleResponse;
import org.kydp.quiz.model.Numeric;
import org.kydp.quiz.model.Ordering;
import org.kydp.quiz.model.Poll;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.ScoringRules;
import org.kydp.quiz.model.ShortText;
import org.kydp.quiz.model.SingleChoice;
import org.kydp.quiz.model.TrueFalse;

/** Scoring invariants over many seeded random inputs; a failure names its seed. */
class AnswerScoringPropertiesTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    private static <T> T pick(SplittableRandom random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    static ScoringRules randomRules(SplittableRandom random, int points) {
        double negativeMarking = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1;
            default -> random.nextDouble();
        };
        int floor = random.nextBoolean() ? 0 : -random.nextInt(0, 2 * points + 1);
        return new ScoringRules(pick(random, List.of(ScoringRules.Mode.values())), negativeMarking, floor,
                pick(random, List.of(ScoringRules.MultipleResponseGrading.values())), random.nextBoolean());
    }

    /** Any answer of the right shape for the question, right, wrong or in between. */
    static Answer randomAnswer(SplittableRandom random, Question question) {
        if (question instanceof SingleChoice single) {
            return new Answer.Choice(pick(random, single.options()).id());
        }
        if (question instanceof MultipleResponse multiple) {
            Set<String> chosen = new HashSet<>();
            multiple.options().forEach(o -> {
                if (random.nextBoolean()) {
                    chosen.add(o.id());
                }
            });
            return new Answer.Choices(chosen);
        }
        if (question instanceof TrueFalse) {
            return new Answer.Bool(random.nextBoolean());
        }
        if (question instanceof ShortText) {
            return new Answer.Text(pick(random, List.of("112", "एक सौ बारह", "सौ", "100", "")));
        }
        if (question instanceof Numeric) {
            return new Answer.Number(random.nextInt(90, 130) + pick(random, List.of(0.0, 0.5)));
        }
        if (question instanceof Ordering ordering) {
            List<String> ids = new ArrayList<>(ordering.items().stream().map(Question.Choice::id).toList());
            for (int i = ids.size() - 1; i > 0; i--) {
                java.util.Collections.swap(ids, i, random.nextInt(i + 1));
            }
            return new Answer.Order(ids);
        }
        if (question instanceof Matching matching) {
            Map<String, String> pairs = new HashMap<>();
            matching.left().forEach(l -> pairs.put(l.id(), pick(random, matching.right()).id()));
            return new Answer.Pairs(pairs);
        }
        Poll poll = (Poll) question;
        return new Answer.Choice(pick(random, poll.options()).id());
    }

    /** Any grade a question type could give: right, wrong, partly right, with or without penalty. */
    static Grade randomGrade(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> Grade.right(null);
            case 1 -> Grade.wrong(null);
            case 2 -> Grade.of(random.nextDouble(), null);
            default -> new Grade(false, random.nextDouble(-1, 1), random.nextDouble(), null);
        };
    }

    static Duration randomElapsed(SplittableRandom random, Duration limit) {
        return switch (random.nextInt(4)) {
            case 0 -> Duration.ofMillis(random.nextLong(-1_000, 501));
            case 1 -> limit.multipliedBy(random.nextInt(1, 4));
            default -> Duration.ofNanos(random.nextLong(0, limit.toNanos() * 2));
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void points_always_lie_between_the_least_and_the_most_an_answer_can_earn(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int points = random.nextInt(1, 1001);
        ScoringRules rules = randomRules(random, points);
        AnswerScoring scoring = new AnswerScoring(rules);
        Duration limit = Duration.ofMillis(random.nextLong(1, 120_001));

        for (Question question : SampleQuestions.everyType(points)) {
            for (int i = 0; i < 10; i++) {
                Grade grade = random.nextInt(3) == 0 ? randomGrade(random)
                        : question.grade(randomAnswer(random, question));
                Duration elapsed = randomElapsed(random, limit);
                int streakBefore = random.nextInt(0, 12);

                Points earned = scoring.score(question, grade, elapsed, limit, streakBefore);

                java.util.function.Supplier<String> context = () -> String.format(
                        "seed %d: %s, %s, %s, %s of %s, streak %d → %s",
                        seed, rules, question.type(), grade, elapsed, limit, streakBefore, earned);
                assertThat(earned.total()).as(context)
                        .isBetween(scoring.minPoints(question), scoring.maxPoints(question));
                assertThat(earned.base()).as(context).isBetween(rules.floor(), question.points());
                assertThat(earned.streakBonus()).as(context).isBetween(0, ScoringRules.STREAK_CAP);
                if (!question.scored()) {
                    assertThat(earned).as(context).isEqualTo(new Points(0, 0, streakBefore));
                } else {
                    assertThat(earned.streak()).as(context).isEqualTo(grade.correct() ? streakBefore + 1 : 0);
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void a_right_answer_earns_at_least_half_its_points_in_speed_mode_and_all_in_fixed_mode(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Question question = SampleQuestions.trueFalse(random.nextInt(1, 2001));
        Duration limit = Duration.ofMillis(random.nextLong(1, 120_001));
        Duration elapsed = randomElapsed(random, limit);

        int speed = new AnswerScoring(ScoringRules.DEFAULT.withMode(ScoringRules.Mode.SPEED))
                .score(question, Grade.right(null), elapsed, limit, 0).base();
        int fixed = new AnswerScoring(ScoringRules.DEFAULT).score(question, Grade.right(null), elapsed, limit, 0)
                .base();

        assertThat(speed).as("seed %d: %d points, %s of %s", seed, question.points(), elapsed, limit)
                .isBetween((int) Math.round(question.points() / 2.0), question.points());
        assertThat(fixed).as("seed %d", seed).isEqualTo(question.points());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void speed_points_never_increase_with_the_time_taken(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int points = random.nextInt(1, 2001);
        Question question = SampleQuestions.trueFalse(points);
        Duration limit = random.nextInt(10) == 0 ? Duration.ofMillis(random.nextLong(1, 600))
                : Duration.ofMillis(random.nextLong(600, 120_001));
        Grade grade = random.nextBoolean() ? Grade.right(null) : Grade.of(random.nextDouble(0.01, 1), null);
        AnswerScoring speed = new AnswerScoring(ScoringRules.DEFAULT.withMode(ScoringRules.Mode.SPEED));
        long[] times = LongStream.concat(
                        LongStream.of(0, 499, 500, 501, limit.toMillis() - 1, limit.toMillis(), limit.toMillis() + 1),
                        random.longs(40, -1_000, limit.toMillis() * 2))
                .sorted().toArray();

        int previous = Integer.MAX_VALUE;
        for (long t : times) {
            int earned = speed.score(question, grade, Duration.ofMillis(t), limit, 0).base();
            assertThat(earned).as(() -> String.format("seed %d: %d points × %s, T = %s, times %s, at t = %d ms",
                    seed, points, grade.fraction(), limit, Arrays.toString(times), t)).isLessThanOrEqualTo(previous);
            previous = earned;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void speed_points_are_full_within_half_a_second_and_half_at_or_after_the_limit(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int points = random.nextInt(1, 2001);
        Question question = SampleQuestions.trueFalse(points);
        Duration limit = Duration.ofMillis(random.nextLong(501, 120_001));
        AnswerScoring speed = new AnswerScoring(ScoringRules.DEFAULT.withMode(ScoringRules.Mode.SPEED));

        Duration quick = Duration.ofMillis(random.nextLong(0, 501));
        Duration late = limit.plusMillis(random.nextLong(0, 60_001));

        assertThat(speed.score(question, Grade.right(null), quick, limit, 0).base())
                .as("seed %d: %d points at %s of %s", seed, points, quick, limit).isEqualTo(points);
        assertThat(speed.score(question, Grade.right(null), late, limit, 0).base())
                .as("seed %d: %d points at %s of %s", seed, points, late, limit)
                .isEqualTo((int) Math.round(points * 0.5));
    }
}
