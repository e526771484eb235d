package org.kydp.quiz.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Quiz;

/**
 * Day and week windows are calendar windows in the engine's zone (Asia/Kolkata, UTC+05:30, by default): a day
 * starts at 00:00 IST, a week at 00:00 IST on Monday. 16 February 2026 is a Monday.
 */
class LeaderboardWindowsTest {

    /** Sunday 15 February 2026, 23:59:00 IST. */
    private final MutableClock clock = MutableClock.at("2026-02-15T18:29:00Z");
    private final QuizEngine engine = QuizEngine.builder().clock(clock).build();

    LeaderboardWindowsTest() {
        engine.publish(SampleQuizzes.helplines());
        Quiz timed = SampleQuizzes.helplines(SampleQuizzes.timed(Duration.ofSeconds(30)));
        engine.publish(new Quiz("timed", 1, timed.defaultLanguage(), timed.languages(), timed.title(),
                timed.description(), timed.tags(), timed.rules(), timed.questions()));
    }

    private String start(String name) {
        return start(name, "helplines");
    }

    private String start(String name, String quizId) {
        String player = engine.registerPlayer(name).player().id();
        return player + "/" + engine.startAttempt(player, quizId).id();
    }

    private void finish(String playerAndAttempt) {
        String[] parts = playerAndAttempt.split("/");
        engine.finish(parts[0], parts[1]);
    }

    private void advanceTo(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    private List<String> names(Window window) {
        return names("helplines", window);
    }

    private List<String> names(String quizId, Window window) {
        return engine.leaderboard(quizId, window, Page.of(10, 0)).entries().stream().map(LeaderboardEntry::name).toList();
    }

    @Test
    void a_finish_at_one_millisecond_before_midnight_ist_is_yesterday_and_one_at_midnight_is_today() {
        String sunday = start("Sunday");
        String monday = start("Monday");
        advanceTo("2026-02-15T18:29:59.999Z"); // Sunday 23:59:59.999 IST
        finish(sunday);

        assertThat(names(Window.DAY)).containsExactly("Sunday");
        assertThat(names(Window.WEEK)).containsExactly("Sunday");

        advanceTo("2026-02-15T18:30:00Z"); // Monday 00:00:00.000 IST: a new day and a new week
        assertThat(names(Window.DAY)).isEmpty();
        assertThat(names(Window.WEEK)).isEmpty();
        assertThat(engine.leaderboard("helplines", Window.DAY, Page.of(10, 0)).total()).isZero();

        finish(monday);

        assertThat(names(Window.DAY)).containsExactly("Monday");
        assertThat(names(Window.WEEK)).containsExactly("Monday");
        assertThat(names(Window.ALL)).containsExactly("Sunday", "Monday");
        assertThat(engine.leaderboardAround("helplines", Window.DAY, monday.split("/")[0], 5).orElseThrow().rank()).isEqualTo(1);
    }

    @Test
    void midnight_inside_a_week_starts_a_new_day_but_not_a_new_week() {
        advanceTo("2026-02-17T18:29:00Z"); // Tuesday 23:59 IST
        String tuesday = start("Tuesday");
        String wednesday = start("Wednesday");
        advanceTo("2026-02-17T18:29:59.999Z");
        finish(tuesday);
        advanceTo("2026-02-17T18:30:00Z"); // Wednesday 00:00 IST
        finish(wednesday);

        assertThat(names(Window.DAY)).containsExactly("Wednesday");
        assertThat(names(Window.WEEK)).containsExactly("Tuesday", "Wednesday");

        advanceTo("2026-02-22T18:29:59.999Z"); // Sunday 23:59:59.999 IST, still the same week
        assertThat(names(Window.DAY)).isEmpty();
        assertThat(names(Window.WEEK)).containsExactly("Tuesday", "Wednesday");
        advanceTo("2026-02-22T18:30:00Z"); // Monday 00:00 IST
        assertThat(names(Window.WEEK)).isEmpty();
        assertThat(names(Window.ALL)).containsExactly("Tuesday", "Wednesday");
    }

    @Test
    void an_attempt_that_ran_out_before_midnight_and_is_finished_after_counts_for_the_day_it_ended() {
        advanceTo("2026-02-17T18:29:00Z"); // Tuesday 23:59:00 IST
        String late = start("Late", "timed"); // 30 s to play
        advanceTo("2026-02-17T18:35:00Z"); // Wednesday 00:05 IST; the attempt ended at its deadline, 23:59:30
        finish(late);

        assertThat(names("timed", Window.DAY)).isEmpty();
        assertThat(names("timed", Window.WEEK)).containsExactly("Late");
        assertThat(names("timed", Window.ALL)).containsExactly("Late");
        assertThat(engine.leaderboard("timed", Window.ALL, Page.of(10, 0)).entries().get(0).finishedAt())
                .isEqualTo(Instant.parse("2026-02-17T18:29:30Z"));
    }
}
