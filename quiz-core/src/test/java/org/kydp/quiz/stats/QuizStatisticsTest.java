package org.kydp.quiz.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.stats.QuestionStatistics.AnswerCount;
import org.kydp.quiz.stats.QuestionStatistics.Flag;
import org.kydp.quiz.store.InMemoryStore;
import org.kydp.quiz.store.Store;
import org.kydp.quiz.store.jdbc.JdbcStore;
import org.kydp.quiz.store.jdbc.TestDatabases;

/**
 * The figures of {@link StatisticsFixture}, worked out by hand, on every store. With x a question's fraction and y
 * the rest of the attempt's score, over the five finished attempts (totals 3, 2, 2, 1, 0):
 * <pre>
 *   q1 x = 1 1 1 0 0, y = 2 1 1 1 0: n = 5, Σx = 3, Σx² = 3, Σy = 5, Σy² = 7,  Σxy = 4: r = 5 / √(6 · 10) = 0.645497
 *   q2 x = 1 1 0 0 0, y = 2 1 2 1 0:        Σx = 2, Σx² = 2, Σy = 6, Σy² = 10, Σxy = 3: r = 3 / √(6 · 14) = 0.327327
 *   q3 x = 0 0 0 1 0, y = 3 2 2 0 0:        Σx = 1, Σx² = 1, Σy = 7, Σy² = 17, Σxy = 0: r = −7 / √(4 · 36) = −0.583333
 *   q4 x = 1 0 1 0 0, y = 2 2 1 1 0:        Σx = 2, Σx² = 2, Σy = 6, Σy² = 10, Σxy = 3: r = 3 / √(6 · 14) = 0.327327
 * </pre>
 * (r = (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²))). Scores: mean 8 / 5 = 1.6, median 2, sample standard
 * deviation √((18 − 8² / 5) / 4) = √1.3.
 */
class QuizStatisticsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    private Store store;

    static Stream<String> stores() {
        return Stream.of("memory", "h2", "postgresql");
    }

    private QuizEngine playedOn(String kind) {
        store = switch (kind) {
            case "memory" -> new InMemoryStore();
            case "h2" -> JdbcStore.open(TestDatabases.newH2());
            default -> JdbcStore.open(TestDatabases.newPostgres());
        };
        MutableClock clock = MutableClock.at("2026-12-03T04:00:00Z");
        QuizEngine engine = QuizEngine.builder().store(store).clock(clock).zone(ZoneId.of("Asia/Kolkata")).build();
        StatisticsFixture.play(engine, clock);
        return engine;
    }

    @AfterEach
    void close() {
        if (store instanceof JdbcStore jdbc) {
            jdbc.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void the_quiz_figures_are_those_worked_out_by_hand(String kind) {
        QuizStatistics stats = playedOn(kind).statistics().quiz(StatisticsFixture.QUIZ, StatsQuery.all());

        assertThat(stats.started()).isEqualTo(6);
        assertThat(stats.finished()).isEqualTo(5);
        assertThat(stats.players()).isEqualTo(6);
        assertThat(stats.score().mean().getAsDouble()).isCloseTo(1.6, within(1e-9));
        assertThat(stats.score().median().getAsDouble()).isEqualTo(2.0);
        assertThat(stats.score().sd().getAsDouble()).isCloseTo(Math.sqrt(1.3), within(1e-9));
        assertThat(stats.score().maxScore()).isEqualTo(4);
        assertThat(stats.score().histogram()).extracting(QuizStatistics.HistogramBin::attempts)
                .containsExactly(1L, 0L, 1L, 0L, 0L, 2L, 0L, 1L, 0L, 0L);
        assertThat(stats.medianDurationMs().getAsLong()).isEqualTo(8000);
        assertThat(stats.perDay()).containsExactly(new QuizStatistics.Day(DAY, 6, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void the_question_figures_are_those_worked_out_by_hand(String kind) {
        Map<String, QuestionStatistics> questions = byId(playedOn(kind).statistics()
                .quiz(StatisticsFixture.QUIZ, StatsQuery.all()));

        assertThat(questions.keySet()).containsExactly("q1", "q2", "q3", "q4");
        assertFigures(questions.get("q1"), 0.6, 5 / Math.sqrt(60));
        assertFigures(questions.get("q2"), 0.4, 3 / Math.sqrt(84));
        assertFigures(questions.get("q3"), 0.2, -7.0 / 12);
        assertFigures(questions.get("q4"), 0.4, 3 / Math.sqrt(84));
        assertThat(questions.get("q1").options()).extracting(o -> o.id() + (o.right() ? "*" : "") + "=" + o.chosen())
                .containsExactly("a*=3", "b=2", "c=0", "d=0");
        assertThat(questions.get("q2").options()).extracting(o -> o.id() + (o.right() ? "*" : "") + "=" + o.chosen())
                .containsExactly("true*=2", "false=3");
        assertThat(questions.get("q3").topWrongAnswers())
                .containsExactly(new AnswerCount("112", 2), new AnswerCount("cyber cell", 2));
        assertThat(questions.get("q4").topWrongAnswers())
                .containsExactly(new AnswerCount("100", 2), new AnswerCount("1098", 1));
        assertThat(questions.get("q3").flags()).containsExactly(Flag.LOW_FACILITY);
        assertThat(questions.get("q1").flags()).isEmpty();
    }

    private static void assertFigures(QuestionStatistics question, double facility, double discrimination) {
        assertThat(question.attempts()).as(question.questionId()).isEqualTo(5);
        assertThat(question.served()).isEqualTo(5);
        assertThat(question.answered()).isEqualTo(5);
        assertThat(question.skipped() + question.timedOut()).isZero();
        assertThat(question.facility().getAsDouble()).as(question.questionId()).isCloseTo(facility, within(1e-9));
        assertThat(question.fullyRight().getAsDouble()).isCloseTo(facility, within(1e-9));
        assertThat(question.discrimination().getAsDouble()).as(question.questionId())
                .isCloseTo(discrimination, within(1e-9));
        assertThat(question.meanTimeMs().getAsLong()).isEqualTo(2000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void a_range_of_days_and_a_version_count_only_their_attempts(String kind) {
        Statistics statistics = playedOn(kind).statistics();

        QuizStatistics before = statistics.quiz(StatisticsFixture.QUIZ,
                StatsQuery.between(DAY.minusDays(3), DAY.minusDays(1)));
        assertThat(before.started() + before.finished()).isZero();
        assertThat(before.questions()).isEmpty();
        assertThat(before.perDay()).hasSize(3).allMatch(day -> day.finished() == 0);
        assertThat(statistics.quiz(StatisticsFixture.QUIZ, StatsQuery.between(DAY, DAY).ofVersion(1)).finished())
                .isEqualTo(5);
        assertThatThrownBy(() -> statistics.quiz(StatisticsFixture.QUIZ, StatsQuery.all().ofVersion(2)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> statistics.quiz("no-such-quiz", StatsQuery.all()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_backwards_range_or_one_over_366_days_is_refused() {
        assertThatThrownBy(() -> StatsQuery.between(DAY, DAY.minusDays(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("to");
        assertThatThrownBy(() -> StatsQuery.between(DAY, DAY.plusDays(366)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("366");
        assertThat(StatsQuery.between(DAY, DAY.plusDays(365)).to()).contains(DAY.plusDays(365));
    }

    private static Map<String, QuestionStatistics> byId(QuizStatistics stats) {
        return stats.questions().stream().collect(Collectors.toMap(QuestionStatistics::questionId,
                Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
