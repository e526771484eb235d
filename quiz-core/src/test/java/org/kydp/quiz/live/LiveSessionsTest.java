package org.kydp.quiz.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.ManualScheduler;
import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.error.AlreadyAnsweredException;
import org.kydp.quiz.error.InvalidPhaseException;
import org.kydp.quiz.error.LiveSessionLimitException;
import org.kydp.quiz.error.LiveSessionNotFoundException;
import org.kydp.quiz.error.LiveSessionStartedException;
import org.kydp.quiz.error.NameTakenException;
import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.error.QuestionClosedException;
import org.kydp.quiz.error.UnauthorizedException;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LivePhase;
import org.kydp.quiz.model.LiveSettings;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.ScoringRules;

/** The state machine of a live session, on a clock the test moves: every timer runs as the clock passes it. */
class LiveSessionsTest {

    private static final Duration QUESTION_TIME = Duration.ofSeconds(20);
    private static final Answer RIGHT_FIRST = new Answer.Choice("b");
    private static final Answer WRONG_FIRST = new Answer.Choice("a");
    private static final Answer RIGHT_SECOND = new Answer.Bool(true);

    private final MutableClock clock = MutableClock.at("2026-12-03T10:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final QuizEngine engine = engine(QuizRules.defaults().withQuestionTimeLimit(QUESTION_TIME));
    private final LiveSessions live = engine.live();
    private final java.util.Map<String, String> hostTokens = new java.util.HashMap<>();

    private QuizEngine engine(QuizRules rules) {
        QuizEngine built = QuizEngine.builder().clock(clock).liveScheduler(scheduler).build();
        built.publish(SampleQuizzes.helplines(rules));
        return built;
    }

    private String create() {
        return create(null);
    }

    private String create(LiveSettings settings) {
        CreatedSession created = live.create("helplines", null, settings);
        hostTokens.put(created.session().id(), created.hostToken());
        scheduler.runDue();
        return created.session().id();
    }

    private String code(String sessionId) {
        return live.session(sessionId).code().orElseThrow();
    }

    private Viewer participant(JoinedPlayer joined) {
        return live.authenticate(joined.sessionId(), joined.token());
    }

    @Test
    void a_new_session_waits_in_the_lobby_with_a_six_digit_code_and_a_host_token_for_it_alone() {
        CreatedSession created = live.create("helplines", "hi", null);

        assertThat(created.session().phase()).isEqualTo(LivePhase.LOBBY);
        assertThat(created.session().code().orElseThrow()).matches("[0-9]{6}");
        assertThat(created.session().questionIndex()).isEqualTo(-1);
        assertThat(created.session().questionCount()).isEqualTo(2);
        assertThat(created.session().language()).contains("hi");
        assertThat(live.authenticate(created.session().id(), created.hostToken())).isInstanceOf(Viewer.Host.class);
        String other = live.create("helplines", null, null).session().id();
        assertThatThrownBy(() -> live.authenticate(other, created.hostToken()))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void a_session_of_an_unknown_quiz_or_in_a_language_the_quiz_lacks_is_refused() {
        assertThatThrownBy(() -> live.create("no-such-quiz", null, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> live.create("helplines", "fr", null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("language");
    }

    @Test
    void a_question_nobody_answers_closes_at_its_time_limit_on_the_servers_clock() {
        String id = create();
        JoinedPlayer asha = live.join(code(id), "Asha");
        Instant opened = clock.instant();

        LiveSessionView question = live.advance(id);

        assertThat(question.phase()).isEqualTo(LivePhase.QUESTION);
        assertThat(question.deadline()).contains(opened.plus(QUESTION_TIME));
        scheduler.advance(QUESTION_TIME.minusMillis(1));
        assertThat(live.session(id).phase()).isEqualTo(LivePhase.QUESTION);
        scheduler.advance(Duration.ofMillis(1));
        LiveState state = live.state(participant(asha));
        assertThat(state.session().phase()).isEqualTo(LivePhase.RESULTS);
        assertThat(state.results().orElseThrow().distribution().answered()).isZero();
        assertThat(state.results().orElseThrow().distribution().players()).isEqualTo(1);
        assertThat(state.standing()).contains(new Standing.AfterQuestion(false, Optional.of(false), 0, 0, 1, 0));
    }

    @Test
    void the_host_closes_a_question_early_and_answers_after_that_are_refused() {
        String id = create();
        JoinedPlayer asha = live.join(code(id), "Asha");
        live.advance(id);

        LiveSessionView closed = live.close(id);

        assertThat(closed.phase()).isEqualTo(LivePhase.RESULTS);
        assertThatThrownBy(() -> live.answer(id, asha.playerId(), "emergency", RIGHT_FIRST))
                .isInstanceOf(QuestionClosedException.class);
    }

    @Test
    void each_phase_refuses_the_moves_it_does_not_allow() {
        String id = create();
        assertThatThrownBy(() -> live.close(id)).isInstanceOf(InvalidPhaseException.class);
        live.advance(id);
        assertThatThrownBy(() -> live.advance(id)).isInstanceOf(InvalidPhaseException.class)
                .hasMessageContaining("close it");
        live.close(id);
        assertThatThrownBy(() -> live.close(id)).isInstanceOf(InvalidPhaseException.class);
        live.advance(id);
        live.close(id);
        assertThat(live.advance(id).phase()).as("advancing after the last question ends").isEqualTo(LivePhase.ENDED);
        assertThatThrownBy(() -> live.advance(id)).isInstanceOf(InvalidPhaseException.class);
        assertThatThrownBy(() -> live.end(id)).isInstanceOf(InvalidPhaseException.class);
    }

    @Test
    void a_refused_move_changes_nothing() {
        String id = create();
        live.advance(id);
        LiveSessionView before = live.session(id);

        assertThatThrownBy(() -> live.advance(id)).isInstanceOf(InvalidPhaseException.class);

        assertThat(live.session(id)).isEqualTo(before);
    }

    @Test
    void ending_during_a_question_closes_it_first_so_that_its_answers_count() {
        String id = create();
        JoinedPlayer asha = live.join(code(id), "Asha");
        RecordingListener events = new RecordingListener();
        live.subscribe(participant(asha), null, events);
        live.advance(id);
        live.answer(id, asha.playerId(), "emergency", RIGHT_FIRST);

        assertThat(live.end(id).phase()).isEqualTo(LivePhase.ENDED);

        assertThat(events.events(LiveEvent.QuestionResults.class)).hasSize(1);
        LiveEvent.SessionEnded ended = events.events(LiveEvent.SessionEnded.class).get(0);
        assertThat(ended.podium()).extracting(Ranked::name, Ranked::score).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Asha", 10));
        assertThat(events.lastStanding()).isEqualTo(new Standing.Final(10, 1, 1, 1, 1));
        assertThatThrownBy(() -> live.join(code(id), "Ravi")).isInstanceOf(LiveSessionNotFoundException.class);
    }

    @Test
    void answers_open_after_the_reading_time_and_speed_is_measured_from_then() {
        QuizEngine speedy = QuizEngine.builder().clock(clock).liveScheduler(scheduler).build();
        speedy.publish(SampleQuizzes.helplines(QuizRules.defaults().withQuestionTimeLimit(QUESTION_TIME)
                .withScoring(ScoringRules.DEFAULT.withMode(ScoringRules.Mode.SPEED))));
        LiveSessions sessions = speedy.live();
        String id = sessions.create("helplines", null, LiveSettings.defaults().withReadingTime(Duration.ofSeconds(5)))
                .session().id();
        JoinedPlayer asha = sessions.join(sessions.session(id).code().orElseThrow(), "Asha");
        JoinedPlayer ravi = sessions.join(sessions.session(id).code().orElseThrow(), "Ravi");
        LiveSessionView opened = sessions.advance(id);
        assertThat(opened.answersOpenAt()).contains(opened.openedAt().orElseThrow().plusSeconds(5));
        assertThat(opened.deadline()).contains(opened.answersOpenAt().orElseThrow().plus(QUESTION_TIME));

        clock.advance(Duration.ofSeconds(4));
        assertThatThrownBy(() -> sessions.answer(id, asha.playerId(), "emergency", RIGHT_FIRST))
                .isInstanceOf(QuestionClosedException.class).hasMessageContaining("open at");
        clock.advance(Duration.ofSeconds(1));
        sessions.answer(id, asha.playerId(), "emergency", RIGHT_FIRST); // at once: full points
        clock.advance(Duration.ofSeconds(10));
        sessions.answer(id, ravi.playerId(), "emergency", RIGHT_FIRST); // half the time: 3/4 of the points
        sessions.close(id);

        LiveResults results = sessions.results(id);
        assertThat(results.ranking()).extracting(LiveResults.RankedPlayer::name, LiveResults.RankedPlayer::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Asha", 10),
                        org.assertj.core.groups.Tuple.tuple("Ravi", 8));
    }

    @Test
    void results_advance_by_themselves_when_the_session_says_so() {
        String id = create(LiveSettings.defaults().withQuestionTimeLimit(Duration.ofSeconds(10))
                .withAutoAdvance(Duration.ofSeconds(3)));
        live.join(code(id), "Asha");
        live.advance(id);

        scheduler.advance(Duration.ofSeconds(10));
        assertThat(live.session(id).phase()).isEqualTo(LivePhase.RESULTS);
        scheduler.advance(Duration.ofSeconds(3));
        assertThat(live.session(id).phase()).isEqualTo(LivePhase.QUESTION);
        assertThat(live.session(id).questionIndex()).isEqualTo(1);
        scheduler.advance(Duration.ofSeconds(13));
        assertThat(live.session(id).phase()).isEqualTo(LivePhase.ENDED);
    }

    @Test
    void a_session_whose_host_never_advances_ends_after_the_idle_timeout() {
        String id = create();
        live.join(code(id), "Asha");
        live.advance(id);
        scheduler.advance(QUESTION_TIME);
        assertThat(live.session(id).phase()).isEqualTo(LivePhase.RESULTS);

        scheduler.advance(LiveOptions.defaults().idleTimeout().minusSeconds(1));
        assertThat(live.session(id).phase()).isEqualTo(LivePhase.RESULTS);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(live.session(id).phase()).isEqualTo(LivePhase.ENDED);
    }

    @Test
    void one_answer_per_question_the_same_again_gets_the_same_reply_and_another_is_refused() {
        String id = create();
        JoinedPlayer asha = live.join(code(id), "Asha");
        live.advance(id);
        AcceptedAnswer first = live.answer(id, asha.playerId(), "emergency", RIGHT_FIRST);
        clock.advance(Duration.ofSeconds(2));

        assertThat(live.answer(id, asha.playerId(), "emergency", RIGHT_FIRST)).isEqualTo(first);
        assertThatThrownBy(() -> live.answer(id, asha.playerId(), "emergency", WRONG_FIRST))
                .isInstanceOf(AlreadyAnsweredException.class);
        assertThat(live.session(id).answered()).isEqualTo(1);
    }

    @Test
    void an_answer_to_a_question_that_is_not_open_or_not_of_the_session_is_refused() {
        String id = create();
        JoinedPlayer asha = live.join(code(id), "Asha");
        assertThatThrownBy(() -> live.answer(id, asha.playerId(), "emergency", RIGHT_FIRST))
                .as("in the lobby").isInstanceOf(QuestionClosedException.class);
        live.advance(id);
        assertThatThrownBy(() -> live.answer(id, asha.playerId(), "mha", RIGHT_SECOND))
                .as("the next question").isInstanceOf(QuestionClosedException.class);
        assertThatThrownBy(() -> live.answer(id, asha.playerId(), "nope", RIGHT_SECOND))
                .as("not in the quiz").isInstanceOf(QuestionClosedException.class);
        assertThatThrownBy(() -> live.answer(id, asha.playerId(), "emergency", new Answer.Choice("z")))
                .as("malformed").isInstanceOf(ValidationException.class);
        assertThat(live.session(id).answered()).isZero();
    }

    @Test
    void points_are_revealed_when_the_question_closes_with_the_distribution_top_five_and_each_players_standing() {
        String id = create();
        JoinedPlayer asha = live.join(code(id), "Asha");
        JoinedPlayer ravi = live.join(code(id), "Ravi");
        JoinedPlayer meera = live.join(code(id), "Meera");
        RecordingListener ashaSees = new RecordingListener();
        live.subscribe(participant(asha), null, ashaSees);
        live.advance(id);
        live.answer(id, asha.playerId(), "emergency", RIGHT_FIRST);
        live.answer(id, ravi.playerId(), "emergency", WRONG_FIRST);
        live.answer(id, meera.playerId(), "emergency", RIGHT_FIRST);
        assertThat(ashaSees.events(LiveEvent.QuestionResults.class)).as("nothing before the close").isEmpty();

        live.close(id);

        LiveEvent.QuestionResults results = ashaSees.events(LiveEvent.QuestionResults.class).get(0);
        assertThat(results.correctAnswer()).contains(RIGHT_FIRST);
        assertThat(results.explanation().in("en", "en")).contains("112");
        assertThat(results.distribution().correct()).hasValue(2);
        assertThat(results.distribution().choices()).extracting(Distribution.Count::value, Distribution.Count::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1),
                        org.assertj.core.groups.Tuple.tuple("b", 2), org.assertj.core.groups.Tuple.tuple("c", 0));
        assertThat(results.top()).extracting(Ranked::rank, Ranked::name, Ranked::score).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "Asha", 10), org.assertj.core.groups.Tuple.tuple(1, "Meera", 10),
                org.assertj.core.groups.Tuple.tuple(3, "Ravi", 0));
        assertThat(ashaSees.lastStanding())
                .isEqualTo(new Standing.AfterQuestion(true, Optional.of(true), 10, 10, 1, 1));
    }

    @Test
    void a_streak_grows_with_right_answers_and_a_missed_question_breaks_it() {
        QuizEngine streaky = QuizEngine.builder().clock(clock).liveScheduler(scheduler).build();
        streaky.publish(SampleQuizzes.helplines(QuizRules.defaults().withQuestionTimeLimit(QUESTION_TIME)
                .withScoring(ScoringRules.DEFAULT.withStreakBonus(true))));
        LiveSessions sessions = streaky.live();
        String id = sessions.create("helplines", null, null).session().id();
        JoinedPlayer asha = sessions.join(sessions.session(id).code().orElseThrow(), "Asha");
        JoinedPlayer ravi = sessions.join(sessions.session(id).code().orElseThrow(), "Ravi");
        RecordingListener ashaSees = new RecordingListener();
        RecordingListener raviSees = new RecordingListener();
        sessions.subscribe(sessions.authenticate(id, asha.token()), null, ashaSees);
        sessions.subscribe(sessions.authenticate(id, ravi.token()), null, raviSees);

        sessions.advance(id);
        sessions.answer(id, asha.playerId(), "emergency", RIGHT_FIRST);
        sessions.answer(id, ravi.playerId(), "emergency", RIGHT_FIRST);
        sessions.close(id);
        sessions.advance(id);
        sessions.answer(id, asha.playerId(), "mha", RIGHT_SECOND); // Ravi misses it
        sessions.close(id);

        assertThat(ashaSees.lastStanding())
                .isEqualTo(new Standing.AfterQuestion(true, Optional.of(true), 110, 120, 1, 2));
        assertThat(raviSees.lastStanding())
                .isEqualTo(new Standing.AfterQuestion(false, Optional.of(false), 0, 10, 2, 0));
    }

    @Test
    void names_are_unique_in_a_session_whatever_their_case_and_checked_like_registration() {
        String id = create();
        live.join(code(id), "Asha");

        assertThatThrownBy(() -> live.join(code(id), "asha")).isInstanceOf(NameTakenException.class);
        assertThatThrownBy(() -> live.join(code(id), "<script>")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> live.join(code(id), " ")).isInstanceOf(ValidationException.class);
        assertThat(live.session(id).players()).isEqualTo(1);
    }

    @Test
    void an_unknown_or_malformed_code_finds_no_session() {
        create();
        assertThatThrownBy(() -> live.join("000000".equals(code(create())) ? "000001" : "000000", "Asha"))
                .isInstanceOf(LiveSessionNotFoundException.class);
        assertThatThrownBy(() -> live.join("12ab56", "Asha")).isInstanceOf(ValidationException.class);
    }

    @Test
    void a_player_who_joins_after_a_question_closed_is_not_ranked_until_the_next_one_closes() {
        String id = create();
        JoinedPlayer asha = live.join(code(id), "Asha");
        live.advance(id);
        live.answer(id, asha.playerId(), "emergency", RIGHT_FIRST);
        live.close(id);
        JoinedPlayer late = live.join(code(id), "Ravi");

        assertThat(live.state(participant(late)).you().orElseThrow().rank()).isEmpty();
        assertThat(live.state(participant(late)).standing()).as("the shown results are not theirs").isEmpty();
        live.advance(id);
        live.close(id);
        assertThat(live.state(participant(late)).you().orElseThrow().rank()).hasValue(2);
    }

    @Test
    void a_player_joins_late_unless_the_session_forbids_it() {
        String open = create();
        live.advance(open);
        JoinedPlayer late = live.join(code(open), "Asha");
        AcceptedAnswer accepted = live.answer(open, late.playerId(), "emergency", RIGHT_FIRST);
        assertThat(accepted.questionId()).isEqualTo("emergency");

        String closed = create(LiveSettings.defaults().withLateJoin(false));
        live.advance(closed);
        assertThatThrownBy(() -> live.join(code(closed), "Asha")).isInstanceOf(LiveSessionStartedException.class);
    }

    @Test
    void a_registered_player_who_joins_twice_is_the_same_player_with_the_same_points() {
        var registration = engine.registerPlayer("Asha");
        String id = create();
        JoinedPlayer first = live.join(code(id), registration.player(), registration.token(), null);
        live.advance(id);
        live.answer(id, first.playerId(), "emergency", RIGHT_FIRST);
        live.close(id);

        JoinedPlayer again = live.join(code(id), registration.player(), registration.token(), null);

        assertThat(again.playerId()).isEqualTo(first.playerId());
        assertThat(again.rejoined()).isTrue();
        assertThat(again.token()).isEqualTo(registration.token());
        assertThat(live.state(live.authenticate(id, registration.token())).you().orElseThrow().score()).isEqualTo(10);
        assertThat(live.session(id).players()).isEqualTo(1);
    }

    @Test
    void a_removed_player_is_told_leaves_the_ranking_and_their_token_stops_working() {
        String id = create();
        JoinedPlayer asha = live.join(code(id), "Asha");
        JoinedPlayer ravi = live.join(code(id), "Ravi");
        RecordingListener host = new RecordingListener();
        RecordingListener raviSees = new RecordingListener();
        live.subscribe(live.authenticate(id, hostToken(id)), null, host);
        live.subscribe(participant(ravi), null, raviSees);

        live.remove(id, ravi.playerId());

        assertThat(raviSees.events(LiveEvent.PlayerLeft.class)).singleElement()
                .satisfies(left -> assertThat(left.removed()).isTrue());
        assertThat(raviSees.ended()).isTrue();
        assertThat(host.events(LiveEvent.PlayerLeft.class)).singleElement()
                .satisfies(left -> assertThat(left.players()).isEqualTo(1));
        assertThatThrownBy(() -> live.authenticate(id, ravi.token())).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> live.remove(id, ravi.playerId())).isInstanceOf(NotFoundException.class);
        live.advance(id);
        live.close(id);
        assertThat(live.results(id).ranking()).extracting(LiveResults.RankedPlayer::playerId)
                .containsExactly(asha.playerId());
    }

    private String hostToken(String id) {
        return hostTokens.get(id);
    }

    /** What the host of the session is told from now on. */
    private RecordingListener hostListening(String id) {
        RecordingListener host = new RecordingListener();
        live.subscribe(live.authenticate(id, hostToken(id)), null, host);
        return host;
    }

    @Test
    void the_host_is_told_of_joins_and_answer_counts_at_most_four_times_a_second_and_players_are_not() {
        String id = create();
        RecordingListener host = hostListening(id);
        JoinedPlayer asha = live.join(code(id), "Asha");
        JoinedPlayer ravi = live.join(code(id), "Ravi");
        RecordingListener ashaSees = new RecordingListener();
        live.subscribe(participant(asha), null, ashaSees);
        live.advance(id);

        live.answer(id, asha.playerId(), "emergency", RIGHT_FIRST);
        live.answer(id, ravi.playerId(), "emergency", RIGHT_FIRST);
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(host.events(LiveEvent.PlayerJoined.class)).extracting(LiveEvent.PlayerJoined::name,
                LiveEvent.PlayerJoined::players).containsExactly(org.assertj.core.groups.Tuple.tuple("Asha", 1),
                org.assertj.core.groups.Tuple.tuple("Ravi", 2));
        assertThat(host.events(LiveEvent.AnswersCounted.class)).singleElement()
                .satisfies(count -> assertThat(count.answered()).isEqualTo(2));
        assertThat(ashaSees.events()).noneMatch(LiveEvent::forHostOnly);
        assertThat(ashaSees.all().get(0).state()).as("the state comes first").isNotNull();
    }

    @Test
    void answers_are_counted_for_the_host_while_players_keep_joining() {
        String id = create();
        RecordingListener host = hostListening(id);
        JoinedPlayer asha = live.join(code(id), "Asha");
        live.advance(id);
        live.answer(id, asha.playerId(), "emergency", RIGHT_FIRST);

        for (int i = 0; i < 10; i++) {
            live.join(code(id), "Late " + i);
            scheduler.advance(Duration.ofMillis(200));
        }

        assertThat(host.events(LiveEvent.AnswersCounted.class)).as("counts while joins keep re-arming the timers")
                .isNotEmpty().allSatisfy(count -> assertThat(count.answered()).isEqualTo(1));
    }

    @Test
    void a_host_closing_a_question_is_told_exactly_how_many_answered_before_any_count_went_out() {
        String id = create();
        JoinedPlayer asha = live.join(code(id), "Asha");
        JoinedPlayer ravi = live.join(code(id), "Ravi");
        live.advance(id);
        live.answer(id, asha.playerId(), "emergency", RIGHT_FIRST);
        live.answer(id, ravi.playerId(), "emergency", WRONG_FIRST);

        assertThat(live.close(id).answered()).isEqualTo(2);
    }

    @Test
    void event_ids_increase_by_one_and_a_client_resumes_after_the_last_it_saw() {
        String id = create();
        JoinedPlayer asha = live.join(code(id), "Asha");
        RecordingListener first = new RecordingListener();
        LiveSubscription subscription = live.subscribe(participant(asha), null, first);
        live.advance(id);
        long lastSeen = first.events().get(first.events().size() - 1).id();
        subscription.cancel();
        live.answer(id, asha.playerId(), "emergency", RIGHT_FIRST);
        live.close(id);
        live.advance(id);

        RecordingListener resumed = new RecordingListener();
        live.subscribe(participant(asha), lastSeen, resumed);

        assertThat(resumed.all()).as("no state: the missed events").allMatch(r -> r.state() == null);
        assertThat(resumed.events()).extracting(LiveEvent::getClass).containsExactly(
                LiveEvent.QuestionResults.class, LiveEvent.QuestionOpened.class);
        List<Long> ids = resumed.events().stream().map(LiveEvent::id).toList();
        assertThat(ids).containsExactly(lastSeen + 1, lastSeen + 2);
        assertThat(resumed.lastStanding()).isEqualTo(new Standing.AfterQuestion(true, Optional.of(true), 10, 10, 1, 1));
    }

    @Test
    void a_client_that_missed_more_than_the_log_keeps_gets_a_fresh_state() {
        QuizEngine small = QuizEngine.builder().clock(clock).liveScheduler(scheduler)
                .liveOptions(LiveOptions.defaults().withEventLog(2)).build();
        small.publish(SampleQuizzes.helplines());
        LiveSessions sessions = small.live();
        String id = sessions.create("helplines", null, null).session().id();
        JoinedPlayer asha = sessions.join(sessions.session(id).code().orElseThrow(), "Asha");
        sessions.advance(id);
        sessions.close(id);
        sessions.advance(id);

        RecordingListener resumed = new RecordingListener();
        sessions.subscribe(sessions.authenticate(id, asha.token()), 1L, resumed);

        assertThat(resumed.all()).singleElement().satisfies(received -> {
            assertThat(received.state()).isNotNull();
            assertThat(received.state().session().questionIndex()).isEqualTo(1);
            assertThat(received.state().lastEventId()).isEqualTo(4);
        });
    }

    @Test
    void open_sessions_are_limited_in_number() {
        QuizEngine limited = QuizEngine.builder().clock(clock).liveScheduler(scheduler)
                .liveOptions(LiveOptions.defaults().withMaxOpenSessions(2)).build();
        limited.publish(SampleQuizzes.helplines());
        String first = limited.live().create("helplines", null, null).session().id();
        limited.live().create("helplines", null, null);

        assertThatThrownBy(() -> limited.live().create("helplines", null, null))
                .isInstanceOf(LiveSessionLimitException.class);
        limited.live().end(first);
        assertThat(limited.live().create("helplines", null, null).session().phase()).isEqualTo(LivePhase.LOBBY);
    }

    @Test
    void every_question_type_is_graded_and_scored_by_the_quizs_rules() {
        QuizEngine catalogue = QuizEngine.builder().clock(clock).liveScheduler(scheduler).build();
        catalogue.publish(SampleQuizzes.catalogue());
        LiveSessions sessions = catalogue.live();
        String id = sessions.create("catalogue", null, null).session().id();
        JoinedPlayer right = sessions.join(sessions.session(id).code().orElseThrow(), "Right");
        JoinedPlayer wrong = sessions.join(sessions.session(id).code().orElseThrow(), "Wrong");
        java.util.Map<String, Answer> answers = SampleQuizzes.catalogueRightAnswers();
        int count = sessions.session(id).questionCount();

        for (int i = 0; i < count; i++) {
            LiveSessionView open = sessions.advance(id);
            String questionId = sessions.state(sessions.authenticate(id, right.token())).question().orElseThrow()
                    .question().id();
            sessions.answer(id, right.playerId(), questionId, answers.get(questionId));
            if (questionId.equals("motto-word")) {
                sessions.answer(id, wrong.playerId(), questionId, new Answer.Text("Satyameva"));
            }
            assertThat(open.questionIndex()).isEqualTo(i);
            sessions.close(id);
        }
        sessions.advance(id);

        LiveResults results = sessions.results(id);
        assertThat(results.questions()).hasSize(count).allSatisfy(question -> {
            Distribution distribution = question.distribution();
            assertThat(distribution.correct()).as(question.questionId())
                    .isEqualTo(question.type() == org.kydp.quiz.model.QuestionType.POLL ? java.util.OptionalInt.empty()
                            : java.util.OptionalInt.of(1));
        });
        assertThat(results.questions()).filteredOn(q -> q.questionId().equals("motto-word")).singleElement()
                .satisfies(q -> assertThat(q.distribution().common()).extracting(Distribution.Count::value)
                        .containsExactlyInAnyOrder("शांति", "Satyameva"));
        assertThat(results.questions()).filteredOn(q -> q.questionId().equals("topic")).singleElement()
                .satisfies(q -> assertThat(q.distribution().choices()).extracting(Distribution.Count::count)
                        .contains(1));
        assertThat(results.ranking()).extracting(LiveResults.RankedPlayer::name, LiveResults.RankedPlayer::score,
                LiveResults.RankedPlayer::correct).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Right", 70, 7),
                org.assertj.core.groups.Tuple.tuple("Wrong", 0, 0));
    }
}
