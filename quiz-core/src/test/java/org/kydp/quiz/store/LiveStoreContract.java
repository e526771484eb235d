package org.kydp.quiz.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.error.ConflictException;
import org.kydp.quiz.error.InvalidPhaseException;
import org.kydp.quiz.error.LiveSessionNotFoundException;
import org.kydp.quiz.error.NameTakenException;
import org.kydp.quiz.live.internal.Moves;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LiveAnswer;
import org.kydp.quiz.model.LiveFact;
import org.kydp.quiz.model.LivePhase;
import org.kydp.quiz.model.LivePlayer;
import org.kydp.quiz.model.LiveSession;
import org.kydp.quiz.model.LiveSettings;
import org.kydp.quiz.model.Quiz;

/**
 * What every {@link LiveStore} does: the in-memory store, H2 and PostgreSQL each run these tests on a new, empty
 * store.
 */
public abstract class LiveStoreContract {

    protected static final Instant T0 = Instant.parse("2026-12-03T10:00:00.123Z");

    protected Store store;
    protected LiveStore live;
    private Quiz quiz;
    private int sessions;

    /** A new store with nothing in it. */
    protected abstract Store newStore();

    @BeforeEach
    void open() {
        store = newStore();
        live = store.live();
        quiz = SampleQuizzes.helplines();
        store.quizzes().save(quiz);
        store.quizzes().setPublished(quiz.id(), true);
    }

    protected LiveSession newSession(String code) {
        LiveSession session = LiveSession.create("session-" + ++sessions, code, quiz.id(), quiz.version(), "hi",
                new LiveSettings(Optional.of(Duration.ofSeconds(15)), Duration.ofSeconds(2), false,
                        Optional.of(Duration.ofSeconds(4))),
                -42L, "host-hash-" + sessions, List.of("mha", "emergency"), T0);
        assertThat(live.create(session)).isTrue();
        return session;
    }

    private LivePlayer player(LiveSession session, String name, String registered) {
        return new LivePlayer(session.id(), 0, "player-" + name, name, "token-of-" + name, registered, T0, null);
    }

    private LivePlayer join(LiveSession session, String name) {
        return join(session, name, null);
    }

    private LivePlayer join(LiveSession session, String name, String registered) {
        return live.change(session.id(), current -> Moves.join(current, player(session, name, registered), T0))
                .joining();
    }

    private LiveChange open(LiveSession session, Instant at) {
        return live.change(session.id(), current -> Moves.advance(current, quiz, at));
    }

    private LiveAnswer answer(LiveSession session, int question, int ordinal, Answer answer) {
        return new LiveAnswer(session.id(), question, ordinal, answer, true, 1.0, 10, 0, T0.plusSeconds(3));
    }

    @Test
    void a_session_reads_back_as_created() {
        LiveSession session = newSession("123456");

        assertThat(live.find(session.id())).contains(session);
        assertThat(live.findOpenByCode("123456")).contains(session);
        assertThat(live.find("no-such-session")).isEmpty();
        assertThat(live.countOpen()).isEqualTo(1);
        assertThat(live.openIds()).containsExactly(session.id());
    }

    @Test
    void a_code_is_unique_among_sessions_not_ended_and_free_again_when_its_session_ends() {
        LiveSession first = newSession("654321");
        LiveSession twin = LiveSession.create("twin", "654321", quiz.id(), quiz.version(), null,
                LiveSettings.defaults(), 1, "h", List.of("mha"), T0);

        assertThat(live.create(twin)).isFalse();
        assertThat(live.find("twin")).isEmpty();
        live.change(first.id(), current -> Moves.end(current, T0.plusSeconds(1)));
        assertThat(live.findOpenByCode("654321")).isEmpty();
        assertThat(live.countOpen()).isZero();
        assertThat(live.create(twin)).isTrue();
    }

    @Test
    void a_change_appends_its_facts_with_the_next_ids_and_stores_the_state_after_it() {
        LiveSession session = newSession("111111");
        join(session, "Asha");
        Instant at = T0.plusSeconds(10);

        LiveChange opened = open(session, at);

        assertThat(opened.facts()).containsExactly(new LiveFact.Opened(2, at, 0, at.plusSeconds(2),
                at.plusSeconds(17)));
        LiveSession stored = live.find(session.id()).orElseThrow();
        assertThat(stored).isEqualTo(opened.session());
        assertThat(stored.phase()).isEqualTo(LivePhase.QUESTION);
        assertThat(stored.lastEventId()).isEqualTo(2);
        assertThat(live.facts(session.id(), 0)).extracting(LiveFact::id).containsExactly(1L, 2L);
        assertThat(live.facts(session.id(), 1)).containsExactly(opened.facts().get(0));
    }

    @Test
    void a_refused_or_empty_change_stores_nothing() {
        LiveSession session = newSession("222222");

        assertThatThrownBy(() -> live.change(session.id(), current -> Moves.close(current, T0)))
                .isInstanceOf(InvalidPhaseException.class);
        assertThat(live.change(session.id(), current -> null)).isNull();
        assertThat(live.find(session.id())).contains(session);
        assertThat(live.facts(session.id(), 0)).isEmpty();
        assertThatThrownBy(() -> live.change("no-such-session", current -> null))
                .isInstanceOf(LiveSessionNotFoundException.class);
    }

    @Test
    void a_name_is_taken_whatever_its_case_until_its_player_leaves() {
        LiveSession session = newSession("333333");
        LivePlayer asha = join(session, "Asha");

        assertThatThrownBy(() -> join(session, "ASHA")).isInstanceOf(NameTakenException.class);
        live.change(session.id(), current -> Moves.leave(current, asha.ordinal(), true, T0));
        LivePlayer again = join(session, "asha");

        assertThat(again.ordinal()).isEqualTo(1);
        assertThat(live.players(session.id(), 0)).extracting(LivePlayer::name, LivePlayer::isRemoved)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Asha", true),
                        org.assertj.core.groups.Tuple.tuple("asha", false));
        assertThat(live.find(session.id()).orElseThrow().players()).isEqualTo(1);
    }

    @Test
    void a_registered_player_joins_a_session_once_and_is_removed_once() {
        LiveSession session = newSession("444444");
        LivePlayer asha = join(session, "Asha", "registered-asha");

        assertThatThrownBy(() -> join(session, "Asha2", "registered-asha")).isInstanceOf(ConflictException.class);
        assertThat(live.playerOf(session.id(), "registered-asha")).contains(asha);
        live.change(session.id(), current -> Moves.leave(current, asha.ordinal(), true, T0));
        assertThatThrownBy(() -> live.change(session.id(), current -> Moves.leave(current, asha.ordinal(), true, T0)))
                .isInstanceOf(ConflictException.class);
        assertThat(live.find(session.id()).orElseThrow().players()).isZero();
    }

    @Test
    void players_are_found_by_token_in_their_session_while_they_take_part() {
        LiveSession session = newSession("555555");
        LiveSession other = newSession("555556");
        LivePlayer asha = join(session, "Asha");

        assertThat(live.playerByTokenHash(session.id(), "token-of-Asha")).contains(asha);
        assertThat(live.playerByTokenHash(other.id(), "token-of-Asha")).isEmpty();
        live.change(session.id(), current -> Moves.leave(current, asha.ordinal(), false, T0));
        assertThat(live.playerByTokenHash(session.id(), "token-of-Asha")).isEmpty();
    }

    @Test
    void an_answer_is_recorded_once_and_only_while_its_question_is_open() {
        LiveSession session = newSession("666666");
        join(session, "Asha");
        join(session, "Ravi");
        LiveAnswer early = answer(session, 0, 0, new Answer.Bool(true));
        assertThat(live.recordAnswer(early)).isEqualTo(LiveStore.AnswerOutcome.QUESTION_CLOSED);
        open(session, T0);

        LiveAnswer asha = answer(session, 0, 0, new Answer.Bool(true));
        assertThat(live.recordAnswer(asha)).isEqualTo(LiveStore.AnswerOutcome.RECORDED);
        assertThat(live.recordAnswer(answer(session, 0, 0, new Answer.Bool(false))))
                .isEqualTo(LiveStore.AnswerOutcome.DUPLICATE);
        assertThat(live.recordAnswer(answer(session, 1, 1, new Answer.Choice("b"))))
                .as("not the open question").isEqualTo(LiveStore.AnswerOutcome.QUESTION_CLOSED);
        live.change(session.id(), current -> Moves.close(current, T0.plusSeconds(5)));
        assertThat(live.recordAnswer(answer(session, 0, 1, new Answer.Bool(true))))
                .isEqualTo(LiveStore.AnswerOutcome.QUESTION_CLOSED);

        assertThat(live.answer(session.id(), 0, 0)).contains(asha);
        assertThat(live.answers(session.id(), 0)).containsExactly(asha);
        assertThat(live.find(session.id()).orElseThrow().answered()).isEqualTo(1);
    }

    @Test
    void one_server_holds_a_lease_until_it_lapses_or_is_given_up() {
        LiveSession session = newSession("777777");
        Duration length = Duration.ofSeconds(6);

        assertThat(live.holdLeases("a", T0, length)).containsExactly(session.id());
        if (live.shared()) {
            assertThat(live.holdLeases("b", T0.plusSeconds(5), length)).isEmpty();
            assertThat(live.holdLeases("a", T0.plusSeconds(5), length)).containsExactly(session.id());
            assertThat(live.holdLeases("b", T0.plusSeconds(10), length)).isEmpty();
            assertThat(live.holdLeases("b", T0.plusSeconds(12), length)).containsExactly(session.id());
            assertThat(live.holdLeases("a", T0.plusSeconds(13), length)).isEmpty();
            live.releaseLeases("b");
            assertThat(live.holdLeases("a", T0.plusSeconds(14), length)).containsExactly(session.id());
        } else {
            assertThat(live.holdLeases("b", T0.plusSeconds(1), length)).as("no other server can hold one")
                    .containsExactly(session.id());
        }
        live.change(session.id(), current -> Moves.end(current, T0.plusSeconds(20)));
        assertThat(live.holdLeases("a", T0.plusSeconds(30), length)).as("ended sessions need no timer").isEmpty();
    }

    @Test
    void concurrent_changes_of_one_session_never_interleave() throws Exception {
        LiveSession session = newSession("888888");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> joins = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String name = "Player " + i;
                joins.add(pool.submit(() -> join(session, name)));
            }
            for (Future<?> join : joins) {
                join.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        LiveSession stored = live.find(session.id()).orElseThrow();
        assertThat(stored.joined()).isEqualTo(80);
        assertThat(stored.lastEventId()).isEqualTo(80);
        assertThat(live.facts(session.id(), 0)).extracting(LiveFact::id)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 80).boxed().toList());
        assertThat(live.players(session.id(), 0)).extracting(LivePlayer::ordinal)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 80).boxed().toList());
    }

    @Test
    void no_answer_is_recorded_after_the_close_that_races_with_it() throws Exception {
        LiveSession session = newSession("999999");
        for (int i = 0; i < 40; i++) {
            join(session, "Player " + i);
        }
        open(session, T0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<LiveStore.AnswerOutcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                int ordinal = i;
                outcomes.add(pool.submit(() -> live.recordAnswer(answer(session, 0, ordinal, new Answer.Bool(true)))));
                if (i == 20) {
                    live.change(session.id(), current -> Moves.close(current, T0.plusSeconds(5)));
                }
            }
            long recorded = 0;
            for (Future<LiveStore.AnswerOutcome> outcome : outcomes) {
                if (outcome.get(30, TimeUnit.SECONDS) == LiveStore.AnswerOutcome.RECORDED) {
                    recorded++;
                }
            }
            assertThat(live.answers(session.id(), 0)).hasSize((int) recorded);
            assertThat(live.find(session.id()).orElseThrow().answered()).isEqualTo(recorded);
            assertThat(live.recordAnswer(answer(session, 0, 39, new Answer.Bool(true))))
                    .isIn(LiveStore.AnswerOutcome.QUESTION_CLOSED, LiveStore.AnswerOutcome.DUPLICATE);
        } finally {
            pool.shutdownNow();
        }
    }
}
