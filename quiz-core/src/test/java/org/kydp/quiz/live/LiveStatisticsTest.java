package org.kydp.quiz.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.ManualScheduler;
import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LiveSettings;
import org.kydp.quiz.stats.QuestionStatistics;

/**
 * A live session's per-question statistics, from its answers. Three players of the helplines quiz (two questions of
 * 10 points): Asha right twice, Bina wrong then right, Chand silent until the first question's time runs out, then
 * wrong. Totals 20, 10, 0; for each question x and the rest y give r = 10 / √(2 · 200) = 0.5.
 */
class LiveStatisticsTest {

    private static final Duration QUESTION_TIME = Duration.ofSeconds(20);
    private static final Map<String, Answer> RIGHT = Map.of("emergency", new Answer.Choice("b"),
            "mha", new Answer.Bool(true));
    private static final Map<String, Answer> WRONG = Map.of("emergency", new Answer.Choice("a"),
            "mha", new Answer.Bool(false));

    private final MutableClock clock = MutableClock.at("2026-12-03T10:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final QuizEngine engine = QuizEngine.builder().clock(clock).liveScheduler(scheduler).build();
    private final LiveSessions live = engine.live();

    @Test
    void a_sessions_figures_count_each_player_once_per_question_shown() {
        engine.publish(SampleQuizzes.helplines());
        CreatedSession created = live.create("helplines", null,
                LiveSettings.defaults().withQuestionTimeLimit(QUESTION_TIME));
        String id = created.session().id();
        scheduler.runDue();
        JoinedPlayer asha = live.join(created.session().code().orElseThrow(), "Asha");
        JoinedPlayer bina = live.join(created.session().code().orElseThrow(), "Bina");
        JoinedPlayer chand = live.join(created.session().code().orElseThrow(), "Chand");

        String first = open(id, asha);
        answerAfter(id, asha, first, RIGHT, 3);
        answerAfter(id, bina, first, WRONG, 2);
        scheduler.advance(QUESTION_TIME); // Chand's time runs out
        String second = open(id, asha);
        answerAfter(id, asha, second, RIGHT, 1);
        answerAfter(id, bina, second, RIGHT, 1);
        answerAfter(id, chand, second, WRONG, 1);
        live.close(id);

        List<QuestionStatistics> stats = engine.statistics().liveSession(id);

        assertThat(stats).extracting(QuestionStatistics::questionId).containsExactlyInAnyOrder(first, second);
        QuestionStatistics one = stats.stream().filter(q -> q.questionId().equals(first)).findFirst().orElseThrow();
        QuestionStatistics two = stats.stream().filter(q -> q.questionId().equals(second)).findFirst().orElseThrow();
        assertThat(one.attempts()).isEqualTo(3);
        assertThat(one.answered()).isEqualTo(2);
        assertThat(one.timedOut()).isEqualTo(1);
        assertThat(one.facility().getAsDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(one.meanTimeMs().getAsLong()).isEqualTo(4000);
        assertThat(two.answered()).isEqualTo(3);
        assertThat(two.facility().getAsDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(one.discrimination().getAsDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(two.discrimination().getAsDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(one.options().stream().mapToLong(QuestionStatistics.OptionCount::chosen).sum()).isEqualTo(2);
    }

    @Test
    void an_unknown_session_is_not_found() {
        assertThatThrownBy(() -> engine.statistics().liveSession("no-such-session"))
                .isInstanceOf(NotFoundException.class);
    }

    /** Opens the next question and returns its id. */
    private String open(String id, JoinedPlayer anyone) {
        live.advance(id);
        return live.state(live.authenticate(anyone.sessionId(), anyone.token())).question().orElseThrow().question()
                .id();
    }

    private void answerAfter(String id, JoinedPlayer player, String questionId, Map<String, Answer> answers,
                             int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        live.answer(id, player.playerId(), questionId, answers.get(questionId));
    }
}
