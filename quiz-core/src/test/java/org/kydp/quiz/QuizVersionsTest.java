package org.kydp.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.attempt.FinishResult;
import org.kydp.quiz.leaderboard.Page;
import org.kydp.quiz.error.ConflictException;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.AttemptGrading;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.store.InMemoryStore;

/**
 * A stored version of a quiz never changes, as attempts in progress play it: every change of content is a new
 * version, whichever way it is made, and every change re-ranks the quiz's leaderboards by its grading rule.
 */
class QuizVersionsTest {

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final InMemoryStore store = new InMemoryStore();
    private final QuizEngine engine = QuizEngine.builder().store(store).clock(clock).build();
    private final String asha = engine.registerPlayer("Asha").player().id();

    private String startAndServe() {
        String attempt = engine.startAttempt(asha, "helplines").id();
        engine.currentQuestion(asha, attempt);
        return attempt;
    }

    private void play(String answer) {
        String attempt = startAndServe();
        engine.answer(asha, attempt, "emergency", new Answer.Choice(answer));
        clock.advance(Duration.ofSeconds(2));
        engine.finish(asha, attempt);
    }

    @Test
    void publishing_other_content_under_a_stored_version_is_refused_and_attempts_on_it_play_on() {
        engine.publish(SampleQuizzes.helplines());
        String attempt = startAndServe();
        Quiz withoutMha = new Quiz("helplines", 1, "en", SampleQuizzes.helplines().languages(),
                SampleQuizzes.helplines().title(), null, java.util.List.of(), QuizRules.defaults(),
                SampleQuizzes.helplines().questions().subList(0, 1));

        assertThatThrownBy(() -> engine.publish(withoutMha)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("version 1 of quiz helplines");

        assertThat(engine.answer(asha, attempt, "emergency", new Answer.Choice("b")).correct()).contains(true);
        engine.currentQuestion(asha, attempt);
        engine.answer(asha, attempt, "mha", new Answer.Bool(true));
        FinishResult result = engine.finish(asha, attempt);
        assertThat(result.score()).isEqualTo(20);
        assertThat(result.maxScore()).isEqualTo(20);
        assertThat(engine.quiz("helplines")).contains(SampleQuizzes.helplines());
    }

    @Test
    void publishing_the_same_content_again_adds_no_version_and_a_revision_plays_beside_the_old_one() {
        engine.publish(SampleQuizzes.helplines());
        engine.publish(SampleQuizzes.helplines());
        String onFirst = startAndServe();

        Quiz revision = engine.publishRevision(SampleQuizzes.helplines(QuizRules.defaults().withAttemptsAllowed(9)));

        assertThat(revision.version()).isEqualTo(2);
        assertThat(engine.attempt(asha, onFirst).quizVersion()).isEqualTo(1);
        engine.answer(asha, onFirst, "emergency", new Answer.Choice("b"));
        assertThat(engine.finish(asha, onFirst).maxScore()).isEqualTo(20);
        assertThat(engine.startAttempt(asha, "helplines").quizVersion()).isEqualTo(2);
    }

    @Test
    void editing_through_the_administration_re_ranks_the_leaderboards_as_a_restart_would() {
        engine.publish(SampleQuizzes.helplines(QuizRules.defaults().withGrading(AttemptGrading.HIGHEST)));
        play("b");
        play("a");
        assertThat(engine.leaderboard("helplines", Page.of(10, 0)).entries().get(0).score()).isEqualTo(10);

        engine.administration().update("helplines",
                SampleQuizzes.helplines(QuizRules.defaults().withGrading(AttemptGrading.LAST)));

        assertThat(engine.leaderboard("helplines", Page.of(10, 0)).entries().get(0).score()).as("the last attempt")
                .isEqualTo(0);
        QuizEngine restarted = QuizEngine.builder().store(store).clock(clock).build();
        assertThat(restarted.leaderboard("helplines", Page.of(10, 0))).isEqualTo(engine.leaderboard("helplines", Page.of(10, 0)));
    }

    @Test
    void importing_questions_makes_a_new_version_and_re_ranks_like_any_edit() {
        engine.publish(SampleQuizzes.helplines(QuizRules.defaults().withGrading(AttemptGrading.HIGHEST)));
        play("b");
        play("a");
        engine.administration().update("helplines",
                SampleQuizzes.helplines(QuizRules.defaults().withGrading(AttemptGrading.LAST)));
        String onSecond = startAndServe();

        engine.administration().importQuestions("helplines", SampleQuizzes.helplines().title(),
                SampleQuizzes.helplines().languages(), SampleQuizzes.helplines().questions().subList(0, 1));

        assertThat(engine.administration().get("helplines").orElseThrow().quiz().version()).isEqualTo(3);
        assertThat(engine.attempt(asha, onSecond).maxScore()).isEqualTo(20);
        assertThat(engine.leaderboard("helplines", Page.of(10, 0)).entries().get(0).score()).isEqualTo(0);
    }
}
