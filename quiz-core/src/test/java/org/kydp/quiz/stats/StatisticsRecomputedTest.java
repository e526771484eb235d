package org.kydp.quiz.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.error.QuizException;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.RecordedAnswer;
import org.kydp.quiz.model.ScoringRules;
import org.kydp.quiz.scoring.AnswerScoring;
import org.kydp.quiz.store.InMemoryStore;
import org.kydp.quiz.store.Store;
import org.kydp.quiz.store.jdbc.JdbcStore;
import org.kydp.quiz.store.jdbc.TestDatabases;

/**
 * The running sums give what a recomputation from the raw answers of the finished attempts gives, over seeded random
 * plays of a quiz with every question type under varied scoring rules: answers right, wrong and partly right,
 * questions skipped, timed out, attempts left unfinished. Each seed runs on memory; every fifth on H2 too.
 */
class StatisticsRecomputedTest {

    static LongStream seeds() {
        return LongStream.range(1, 21);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_figures_are_those_recomputed_from_the_answers(long seed) {
        check(seed, new InMemoryStore());
        if (seed % 5 == 0) {
            try (JdbcStore h2 = JdbcStore.open(TestDatabases.newH2())) {
                check(seed, h2);
            }
        }
    }

    private static void check(long seed, Store store) {
        SplittableRandom random = new SplittableRandom(seed);
        MutableClock clock = MutableClock.at("2026-12-03T04:00:00Z");
        QuizEngine engine = QuizEngine.builder().store(store).clock(clock).zone(ZoneId.of("Asia/Kolkata")).build();
        Quiz quiz = SampleQuizzes.catalogue(rules -> rulesFor(random, rules));
        engine.publish(quiz);
        int players = 5 + random.nextInt(40);
        for (int p = 0; p < players; p++) {
            play(engine, clock, random, "player " + p);
        }
        QuizStatistics stats = engine.statistics().quiz(quiz.id(), StatsQuery.all());
        List<Attempt> finished = store.attempts().finished(quiz.id());
        String why = "seed " + seed + " on " + store.getClass().getSimpleName();

        assertThat(stats.finished()).as(why).isEqualTo(finished.size());
        assertThat(stats.started()).as(why).isEqualTo(players);
        double[] scores = finished.stream().mapToDouble(Attempt::score).sorted().toArray();
        if (scores.length > 0) {
            assertThat(stats.score().mean().getAsDouble()).as(why).isCloseTo(mean(scores), within(1e-9));
            int width = Tallies.scoreBinWidth(quiz.questions().stream()
                    .mapToInt(q -> new AnswerScoring(quiz.rules().scoring()).maxPoints(q)).sum());
            assertThat(stats.score().median().getAsDouble()).as(why)
                    .isCloseTo(median(scores), within(width == 1 ? 0 : width / 2.0));
        }
        Map<String, QuestionStatistics> figures = new HashMap<>();
        stats.questions().forEach(q -> figures.put(q.questionId(), q));
        AnswerScoring scoring = new AnswerScoring(quiz.rules().scoring());
        for (Question question : quiz.questions()) {
            List<double[]> xy = new ArrayList<>();
            Map<String, Long> chosen = new TreeMap<>();
            long served = 0;
            long answered = 0;
            for (Attempt attempt : finished) {
                RecordedAnswer answer = attempt.answers().get(question.id());
                served += attempt.servedAt().containsKey(question.id()) ? 1 : 0;
                answered += answer != null && !answer.isLate() ? 1 : 0;
                double x = question.scored() ? fraction(question, answer, scoring) : 0;
                int points = answer == null ? 0 : answer.points();
                xy.add(new double[] {x, attempt.score() - points});
                if (answer != null && answer.answer() instanceof Answer.Choice choice) {
                    chosen.merge(choice.optionId(), 1L, Long::sum);
                }
                if (answer != null && answer.answer() instanceof Answer.Choices choices) {
                    choices.optionIds().forEach(id -> chosen.merge(id, 1L, Long::sum));
                }
            }
            QuestionStatistics figure = figures.get(question.id());
            if (finished.isEmpty()) {
                assertThat(figure).as(why).isNull();
                continue;
            }
            String about = why + ", question " + question.id();
            assertThat(figure.attempts()).as(about).isEqualTo(finished.size());
            assertThat(figure.served()).as(about).isEqualTo(served);
            assertThat(figure.answered()).as(about).isEqualTo(answered);
            if (question.scored()) {
                assertThat(figure.facility().getAsDouble()).as(about)
                        .isCloseTo(xy.stream().mapToDouble(v -> v[0]).average().orElseThrow(), within(1e-9));
                Double r = pearson(xy);
                if (r == null) {
                    assertThat(figure.discrimination()).as(about).isEmpty();
                } else {
                    assertThat(figure.discrimination().getAsDouble()).as(about).isCloseTo(r, within(1e-6));
                }
            }
            figure.options().stream().filter(o -> question.type() != org.kydp.quiz.model.QuestionType.TRUE_FALSE)
                    .forEach(option -> assertThat(option.chosen()).as(about + ", option " + option.id())
                            .isEqualTo(chosen.getOrDefault(option.id(), 0L)));
        }
    }

    private static QuizRules rulesFor(SplittableRandom random, QuizRules rules) {
        ScoringRules scoring = rules.scoring();
        if (random.nextBoolean()) {
            scoring = scoring.withStreakBonus(true);
        }
        if (random.nextBoolean()) {
            scoring = scoring.withNegativeMarking(0.25, -5);
        }
        QuizRules varied = rules.withScoring(scoring);
        return random.nextBoolean() ? varied.withQuestionTimeLimit(Duration.ofSeconds(20)) : varied;
    }

    /** One player: answers at random, sometimes too late, sometimes stops early, sometimes never finishes. */
    private static void play(QuizEngine engine, MutableClock clock, SplittableRandom random, String name) {
        String player = engine.registerPlayer(name).player().id();
        String attempt = engine.startAttempt(player, "catalogue").id();
        int stopAfter = random.nextInt(10) < 7 ? Integer.MAX_VALUE : random.nextInt(8);
        for (int answered = 0; answered < stopAfter; answered++) {
            QuestionView question;
            try {
                question = engine.currentQuestion(player, attempt).orElse(null);
            } catch (QuizException e) {
                break;
            }
            if (question == null) {
                break;
            }
            clock.advance(Duration.ofMillis(random.nextInt(random.nextInt(10) == 0 ? 40_000 : 15_000)));
            try {
                engine.answer(player, attempt, question.id(), randomAnswer(question, random));
            } catch (QuizException late) {
                // too late: recorded as timed out
            }
        }
        if (random.nextInt(10) > 0) {
            engine.finish(player, attempt);
        }
        clock.advance(Duration.ofSeconds(random.nextInt(120)));
    }

    private static Answer randomAnswer(QuestionView question, SplittableRandom random) {
        List<String> choices = question.choices().stream().map(Question.Choice::id).toList();
        return switch (question.type()) {
            case SINGLE_CHOICE, POLL -> new Answer.Choice(choices.get(random.nextInt(choices.size())));
            case MULTIPLE_RESPONSE -> new Answer.Choices(new java.util.TreeSet<>(
                    choices.stream().filter(id -> random.nextBoolean()).toList()));
            case TRUE_FALSE -> new Answer.Bool(random.nextBoolean());
            case SHORT_TEXT -> new Answer.Text(List.of("Shanti", "शांति", "peace", "112", " SHANTI ")
                    .get(random.nextInt(5)));
            case NUMERIC -> new Answer.Number(List.of(1930.0, 1950.0, 112.0).get(random.nextInt(3)));
            case ORDERING -> {
                List<String> order = new ArrayList<>(choices);
                Collections.shuffle(order, new java.util.Random(random.nextLong()));
                yield new Answer.Order(order);
            }
            case MATCHING -> {
                Map<String, String> pairs = new HashMap<>();
                question.left().forEach(left -> pairs.put(left.id(),
                        question.right().get(random.nextInt(question.right().size())).id()));
                yield new Answer.Pairs(pairs);
            }
        };
    }

    /** Moodle's fraction: (mark − lowest mark) / (highest − lowest), the streak bonus aside; unanswered is 0. */
    private static double fraction(Question question, RecordedAnswer answer, AnswerScoring scoring) {
        double min = scoring.minPoints(question);
        double mark = answer == null ? 0 : answer.points() - answer.streakBonus();
        return Math.max(0, Math.min(1, (mark - min) / (question.points() - min)));
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return (sorted[(n - 1) / 2] + sorted[n / 2]) / 2;
    }

    /** Pearson's r by the two-pass formula; null if either side never varies or there are fewer than two. */
    private static Double pearson(List<double[]> xy) {
        if (xy.size() < 2) {
            return null;
        }
        double mx = xy.stream().mapToDouble(v -> v[0]).average().orElseThrow();
        double my = xy.stream().mapToDouble(v -> v[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] v : xy) {
            sxy += (v[0] - mx) * (v[1] - my);
            sxx += (v[0] - mx) * (v[0] - mx);
            syy += (v[1] - my) * (v[1] - my);
        }
        if (sxx < 1e-12 || syy < 1e-12) {
            return null;
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
