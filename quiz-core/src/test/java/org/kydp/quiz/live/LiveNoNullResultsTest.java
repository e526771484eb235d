package org.kydp.quiz.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kydp.quiz.ManualScheduler;
import org.kydp.quiz.MutableClock;
import org.kydp.quiz.NullComponents;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LiveSettings;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.ReviewPolicy;

/**
 * Whatever the review policy, the results of a live session have no null in them, nor do the events and standings
 * its host and players receive.
 */
class LiveNoNullResultsTest {

    private final MutableClock clock = MutableClock.at("2026-12-03T10:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final QuizEngine engine = QuizEngine.builder().clock(clock).liveScheduler(scheduler).build();
    private final LiveSessions live = engine.live();

    static Stream<ReviewPolicy> policies() {
        return Stream.of(ReviewPolicy.AFTER_EACH_ANSWER, ReviewPolicy.AFTER_FINISH, ReviewPolicy.NEVER);
    }

    @ParameterizedTest
    @MethodSource("policies")
    void a_session_under_any_review_policy_returns_no_nulls(ReviewPolicy policy) {
        engine.publish(SampleQuizzes.helplines(QuizRules.defaults().withReview(policy)));
        CreatedSession created = live.create("helplines", null, null);
        String id = created.session().id();
        String code = live.session(id).code().orElseThrow();
        JoinedPlayer asha = live.join(code, "Asha");
        JoinedPlayer ravi = live.join(code, "Ravi");
        Viewer host = live.authenticate(id, created.hostToken());
        Viewer ashaViews = live.authenticate(id, asha.token());
        List<Object> results = new ArrayList<>(List.of(created, asha, live.state(host), live.state(ashaViews)));
        Received toHost = new Received();
        Received toAsha = new Received();
        live.subscribe(host, null, toHost);
        live.subscribe(ashaViews, null, toAsha);

        live.advance(id);
        results.add(live.state(ashaViews));
        results.add(live.answer(id, asha.playerId(), "emergency", new Answer.Choice("b")));
        live.close(id);
        results.addAll(List.of(live.state(host), live.state(ashaViews), live.state(live.authenticate(id,
                ravi.token())), live.results(id)));
        live.advance(id);
        live.close(id);
        live.advance(id);
        results.addAll(List.of(live.state(host), live.state(ashaViews), live.results(id)));
        results.addAll(engine.statistics().liveSession(id));
        results.addAll(toHost.all);
        results.addAll(toAsha.all);

        assertThat(results).allSatisfy(result -> assertThat(NullComponents.in(result,
                result.getClass().getSimpleName())).as("null components").isEmpty());
        assertThat(toHost.standings).as("the host's standings").isNotEmpty()
                .allSatisfy(you -> assertThat(you).isEmpty());
        assertThat(toAsha.standings).as("Asha's standings").anySatisfy(you -> assertThat(you).isPresent());
    }

    @ParameterizedTest
    @MethodSource("settings")
    void the_settings_a_session_reads_back_have_no_nulls(LiveSettings settings) {
        engine.publish(SampleQuizzes.helplines());

        String id = live.create("helplines", null, settings).session().id();

        assertThat(NullComponents.in(live.session(id), "session")).isEmpty();
        assertThat(NullComponents.in(settings == null ? LiveSettings.defaults() : settings, "settings")).isEmpty();
    }

    static Stream<LiveSettings> settings() {
        return Stream.of(null, LiveSettings.defaults(), new LiveSettings(null, null, true, null),
                LiveSettings.defaults().withQuestionTimeLimit(Duration.ofSeconds(30))
                        .withAutoAdvance(Duration.ofSeconds(5)));
    }

    /** What a subscription receives: every state and event, and the standing passed with each event. */
    private static final class Received implements LiveListener {
        final List<Object> all = new ArrayList<>();
        final List<Optional<Standing>> standings = new ArrayList<>();

        @Override
        public void onState(LiveState state) {
            all.add(state);
        }

        @Override
        public void onEvent(LiveEvent event, Optional<Standing> you) {
            all.add(event);
            standings.add(you);
            all.add(you);
        }

        @Override
        public void onEnd() {
        }
    }
}
