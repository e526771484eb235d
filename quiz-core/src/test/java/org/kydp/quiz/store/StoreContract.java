package org.kydp.quiz.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.error.ConflictException;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.RecordedAnswer;

/**
 * What every {@link Store} does, whatever keeps the data. Each adapter's test extends this class and says how to
 * make a new, empty store; the same tests then run against the in-memory store, H2 and PostgreSQL.
 */
public abstract class StoreContract {

    protected static final Instant T0 = Instant.parse("2026-02-16T04:30:00.123Z");

    protected Store store;

    /** A new store with nothing in it. */
    protected abstract Store newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    protected Player player(String id) {
        Player player = new Player(id, "Player " + id, "hash-of-" + id, T0);
        store.players().add(player);
        return player;
    }

    protected Attempt attempt(String id, Quiz quiz, String playerId, Instant deadline) {
        List<String> order = new ArrayList<>(quiz.questions().stream().map(q -> q.id()).toList());
        java.util.Collections.reverse(order);
        Attempt attempt = Attempt.start(id, quiz.id(), quiz.version(), playerId, -8_234_567_890_123L + id.hashCode(),
                order, T0, deadline);
        store.attempts().create(attempt);
        return attempt;
    }

    /** The attempt as the store has it now: what the engine bases each of its writes on. */
    protected Attempt stored(String attemptId) {
        return store.attempts().find(attemptId).orElseThrow();
    }

    protected void serve(String attemptId, String questionId, Instant at) {
        store.attempts().markServed(stored(attemptId), questionId, at);
    }

    protected void answer(String attemptId, RecordedAnswer answer) {
        store.attempts().recordAnswer(stored(attemptId), answer);
    }

    protected void answer(String attemptId, RecordedAnswer answer, PollVote vote) {
        store.attempts().recordAnswer(stored(attemptId), answer, vote);
    }

    protected boolean finish(String attemptId, Instant at) {
        return store.attempts().finish(stored(attemptId), at);
    }

    // ---- quizzes

    @Test
    void a_saved_quiz_is_found_by_id_and_version_exactly_as_saved() {
        Quiz catalogue = SampleQuizzes.catalogue();
        store.quizzes().save(catalogue);

        assertThat(store.quizzes().find("catalogue", 1)).contains(catalogue);
        assertThat(store.quizzes().find("catalogue", 2)).isEmpty();
        assertThat(store.quizzes().find("nope", 1)).isEmpty();
        assertThat(store.quizzes().latest("nope")).isEmpty();
    }

    @Test
    void every_version_is_kept_and_the_latest_is_the_highest() {
        Quiz v1 = SampleQuizzes.helplines();
        Quiz v2 = SampleQuizzes.helplines(QuizRules.defaults().withAttemptsAllowed(2)).withVersion(2);
        store.quizzes().save(v2);
        store.quizzes().save(v1);

        assertThat(store.quizzes().find("helplines", 1)).contains(v1);
        assertThat(store.quizzes().find("helplines", 2)).contains(v2);
        assertThat(store.quizzes().latest("helplines")).contains(v2);
    }

    @Test
    void a_stored_version_never_changes_saving_it_again_adds_nothing_and_other_content_is_refused() {
        assertThat(store.quizzes().save(SampleQuizzes.helplines())).isTrue();
        assertThat(store.quizzes().save(SampleQuizzes.helplines())).as("the same content again").isFalse();
        Quiz changed = SampleQuizzes.helplines(QuizRules.defaults().withAttemptsAllowed(5));

        assertThatThrownBy(() -> store.quizzes().save(changed)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("helplines").hasMessageContaining("version 1");

        assertThat(store.quizzes().find("helplines", 1)).contains(SampleQuizzes.helplines());
        assertThat(store.quizzes().latest("helplines")).contains(SampleQuizzes.helplines());
    }

    @Test
    void the_latest_version_of_every_quiz_is_listed_by_id() {
        store.quizzes().save(SampleQuizzes.helplines());
        store.quizzes().save(SampleQuizzes.helplines().withVersion(2));
        store.quizzes().save(SampleQuizzes.catalogue());

        assertThat(store.quizzes().latestAll()).extracting(Quiz::id, Quiz::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("catalogue", 1),
                        org.assertj.core.groups.Tuple.tuple("helplines", 2));
    }

    @Test
    void publishing_is_a_flag_per_quiz_that_can_be_set_and_cleared() {
        store.quizzes().save(SampleQuizzes.helplines());
        assertThat(store.quizzes().isPublished("helplines")).isFalse();

        store.quizzes().setPublished("helplines", true);
        store.quizzes().setPublished("helplines", true);
        assertThat(store.quizzes().isPublished("helplines")).isTrue();

        store.quizzes().setPublished("helplines", false);
        assertThat(store.quizzes().isPublished("helplines")).isFalse();
        assertThat(store.quizzes().isPublished("nope")).isFalse();
    }

    @Test
    void the_published_quizzes_are_listed_by_id_at_their_latest_version() {
        store.quizzes().save(SampleQuizzes.helplines());
        store.quizzes().setPublished("helplines", true);
        store.quizzes().save(SampleQuizzes.catalogue());
        assertThat(store.quizzes().published()).containsExactly(SampleQuizzes.helplines());

        store.quizzes().save(SampleQuizzes.helplines().withVersion(2));
        store.quizzes().setPublished("catalogue", true);
        assertThat(store.quizzes().published()).extracting(Quiz::id, Quiz::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("catalogue", 1),
                        org.assertj.core.groups.Tuple.tuple("helplines", 2));

        store.quizzes().setPublished("helplines", false);
        store.quizzes().delete("catalogue");
        assertThat(store.quizzes().published()).isEmpty();
    }

    // ---- players

    @Test
    void a_deleted_quiz_is_gone_with_every_version_and_its_published_flag() {
        store.quizzes().save(SampleQuizzes.helplines());
        store.quizzes().save(SampleQuizzes.helplines().withVersion(2));
        store.quizzes().setPublished("helplines", true);
        store.quizzes().save(SampleQuizzes.catalogue());

        store.quizzes().delete("helplines");

        assertThat(store.quizzes().latest("helplines")).isEmpty();
        assertThat(store.quizzes().find("helplines", 1)).isEmpty();
        assertThat(store.quizzes().isPublished("helplines")).isFalse();
        assertThat(store.quizzes().latestAll()).extracting(Quiz::id).containsExactly("catalogue");
    }

    @Test
    void a_quiz_has_attempts_once_one_is_created_finished_or_not() {
        Quiz quiz = SampleQuizzes.catalogue();
        store.quizzes().save(quiz);
        assertThat(store.attempts().existsForQuiz(quiz.id())).isFalse();

        attempt("a-1", quiz, player("p-1").id(), null);

        assertThat(store.attempts().existsForQuiz(quiz.id())).isTrue();
        assertThat(store.attempts().existsForQuiz("helplines")).isFalse();
    }

    @Test
    void an_attempt_is_added_only_while_its_player_has_fewer_attempts_at_the_quiz_than_allowed() {
        Quiz quiz = SampleQuizzes.helplines();
        store.quizzes().save(quiz);
        String player = player("p-1").id();
        List<String> order = List.of("emergency", "mha");

        assertThat(store.attempts().create(Attempt.start("a-1", quiz.id(), 1, player, 1L, order, T0, null), 2))
                .isTrue();
        assertThat(store.attempts().create(Attempt.start("a-2", quiz.id(), 1, player, 2L, order, T0, null), 2))
                .isTrue();
        assertThat(store.attempts().create(Attempt.start("a-3", quiz.id(), 1, player, 3L, order, T0, null), 2))
                .as("a third attempt where two are allowed").isFalse();

        assertThat(store.attempts().find("a-3")).isEmpty();
        assertThat(store.attempts().countFor(player, quiz.id())).isEqualTo(2);
        assertThat(store.attempts().create(Attempt.start("a-4", quiz.id(), 1, player, 4L, order, T0, null), 0))
                .as("any number allowed").isTrue();
        assertThat(store.attempts().create(Attempt.start("a-5", quiz.id(), 1, player("p-2").id(), 5L, order, T0,
                null), 2)).as("another player's first").isTrue();
    }

    @Test
    void a_player_is_found_by_id_and_by_token_hash() {
        Player asha = new Player("p-1", "आशा", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", T0);
        store.players().add(asha);

        assertThat(store.players().find("p-1")).contains(asha);
        assertThat(store.players().findByTokenHash(asha.tokenHash())).contains(asha);
        assertThat(store.players().find("p-2")).isEmpty();
        assertThat(store.players().findByTokenHash("other")).isEmpty();
    }

    @Test
    void a_player_id_is_never_reused() {
        player("p-1");

        assertThatThrownBy(() -> store.players().add(new Player("p-1", "Other", "other-hash", T0)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.players().find("p-1")).map(Player::name).contains("Player p-1");
    }

    // ---- attempts

    @Test
    void a_new_attempt_is_found_with_its_seed_order_and_deadline() {
        Quiz quiz = SampleQuizzes.catalogue();
        store.quizzes().save(quiz);
        player("p-1");
        Attempt timed = attempt("a-1", quiz, "p-1", T0.plus(Duration.ofMinutes(10)));
        Attempt untimed = attempt("a-2", quiz, "p-1", null);

        assertThat(store.attempts().find("a-1")).contains(timed);
        assertThat(store.attempts().find("a-2")).contains(untimed);
        assertThat(store.attempts().find("a-3")).isEmpty();
    }

    @Test
    void a_question_keeps_the_time_it_was_first_served() {
        Quiz quiz = SampleQuizzes.helplines();
        store.quizzes().save(quiz);
        player("p-1");
        attempt("a-1", quiz, "p-1", null);

        serve("a-1", "mha", T0.plusMillis(5));
        serve("a-1", "mha", T0.plusMillis(900));
        serve("a-1", "emergency", T0.plusMillis(1000));

        assertThat(store.attempts().find("a-1").orElseThrow().servedAt())
                .isEqualTo(Map.of("mha", T0.plusMillis(5), "emergency", T0.plusMillis(1000)));
    }

    @Test
    void answers_of_every_shape_are_kept_exactly() {
        Quiz quiz = SampleQuizzes.catalogue();
        store.quizzes().save(quiz);
        player("p-1");
        attempt("a-1", quiz, "p-1", null);
        List<RecordedAnswer> recorded = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Answer> right : new java.util.TreeMap<>(SampleQuizzes.catalogueRightAnswers())
                .entrySet()) {
            i++;
            RecordedAnswer answer = new RecordedAnswer(right.getKey(), right.getValue(), i % 2 == 0, 10 * i, i % 3,
                    T0.plusMillis(1000L * i));
            serve("a-1", right.getKey(), T0);
            answer("a-1", answer);
            recorded.add(answer);
        }

        Attempt found = store.attempts().find("a-1").orElseThrow();

        assertThat(found.answers().values()).containsExactlyInAnyOrderElementsOf(recorded);
        assertThat(found.score()).isEqualTo(recorded.stream().mapToInt(RecordedAnswer::points).sum());
    }

    @Test
    void unusual_answers_are_kept_exactly() {
        Quiz quiz = SampleQuizzes.catalogue();
        store.quizzes().save(quiz);
        player("p-1");
        attempt("a-1", quiz, "p-1", null);
        List<RecordedAnswer> answers = List.of(
                new RecordedAnswer("cyber-helpline", new Answer.Number(-1930.125e-3), false, -5, 0, T0),
                new RecordedAnswer("motto-word", new Answer.Text("  शां\u200Dति \"quoted\" \\ \n"), true, 10, 0, T0),
                new RecordedAnswer("never-share", new Answer.Choices(java.util.Set.of()), false, 0, 0, T0),
                RecordedAnswer.late("mha", T0.plusSeconds(90)));
        answers.forEach(answer -> answer("a-1", answer));

        assertThat(store.attempts().find("a-1").orElseThrow().answers().values())
                .containsExactlyInAnyOrderElementsOf(answers);
    }

    @Test
    void a_second_answer_to_a_question_is_a_conflict_and_the_first_stands() {
        Quiz quiz = SampleQuizzes.helplines();
        store.quizzes().save(quiz);
        player("p-1");
        attempt("a-1", quiz, "p-1", null);
        RecordedAnswer first = new RecordedAnswer("emergency", new Answer.Choice("b"), true, 10, 0, T0);
        answer("a-1", first);

        assertThatThrownBy(() -> answer("a-1",
                new RecordedAnswer("emergency", new Answer.Choice("a"), false, 0, 0, T0)))
                .isInstanceOf(ConflictException.class);
        assertThat(store.attempts().find("a-1").orElseThrow().answers()).containsExactly(Map.entry("emergency", first));
    }

    @Test
    void finishing_is_recorded_once_and_the_first_time_stands() {
        Quiz quiz = SampleQuizzes.helplines();
        store.quizzes().save(quiz);
        player("p-1");
        attempt("a-1", quiz, "p-1", T0.plusSeconds(60));

        assertThat(finish("a-1", T0.plusSeconds(30))).isTrue();
        assertThat(finish("a-1", T0.plusSeconds(40))).isFalse();

        Attempt finished = store.attempts().find("a-1").orElseThrow();
        assertThat(finished.finishedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(finished.deadline()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void attempts_are_counted_per_player_and_quiz() {
        Quiz helplines = SampleQuizzes.helplines();
        Quiz catalogue = SampleQuizzes.catalogue();
        store.quizzes().save(helplines);
        store.quizzes().save(catalogue);
        player("p-1");
        player("p-2");
        attempt("a-1", helplines, "p-1", null);
        attempt("a-2", helplines, "p-1", null);
        attempt("a-3", catalogue, "p-1", null);
        attempt("a-4", helplines, "p-2", null);

        assertThat(store.attempts().countFor("p-1", "helplines")).isEqualTo(2);
        assertThat(store.attempts().countFor("p-1", "catalogue")).isEqualTo(1);
        assertThat(store.attempts().countFor("p-2", "catalogue")).isZero();
    }

    @Test
    void the_finished_attempts_of_a_quiz_are_listed_whole_across_versions() {
        Quiz v1 = SampleQuizzes.helplines();
        Quiz v2 = v1.withVersion(2);
        store.quizzes().save(v1);
        store.quizzes().save(v2);
        store.quizzes().save(SampleQuizzes.catalogue());
        player("p-1");
        attempt("a-1", v1, "p-1", null);
        attempt("a-2", v2, "p-1", null);
        attempt("a-3", v2, "p-1", null);
        attempt("a-4", SampleQuizzes.catalogue(), "p-1", null);
        serve("a-1", "mha", T0);
        answer("a-1", new RecordedAnswer("mha", new Answer.Bool(true), true, 10, 0, T0));
        finish("a-1", T0.plusSeconds(5));
        finish("a-2", T0.plusSeconds(6));
        finish("a-4", T0.plusSeconds(7));

        List<Attempt> finished = store.attempts().finished("helplines");

        assertThat(finished).extracting(Attempt::id).containsExactlyInAnyOrder("a-1", "a-2");
        assertThat(finished).contains(store.attempts().find("a-1").orElseThrow(),
                store.attempts().find("a-2").orElseThrow());
        assertThat(finished).filteredOn(a -> a.id().equals("a-1")).singleElement()
                .satisfies(a -> assertThat(a.score()).isEqualTo(10));
        assertThat(store.attempts().finished("nope")).isEmpty();
        List<Attempt> everyFinished = new ArrayList<>();
        store.attempts().forEachFinished(everyFinished::add);
        assertThat(everyFinished).extracting(Attempt::id).containsExactlyInAnyOrder("a-1", "a-2", "a-4");
    }

    @Test
    void the_results_of_finished_attempts_carry_player_name_score_and_times_without_the_answers() {
        Quiz quiz = SampleQuizzes.helplines();
        store.quizzes().save(quiz);
        player("p-1");
        player("p-2");
        attempt("a-1", quiz, "p-1", null);
        attempt("a-2", quiz, "p-2", null);
        attempt("a-3", quiz, "p-2", null);
        answer("a-1", new RecordedAnswer("mha", new Answer.Bool(true), true, 10, 0, T0));
        answer("a-1", new RecordedAnswer("emergency", new Answer.Choice("b"), true, 10, 100,
                T0.plusSeconds(1)));
        answer("a-2", new RecordedAnswer("mha", new Answer.Bool(false), false, -5, 0, T0));
        finish("a-1", T0.plusSeconds(5));
        finish("a-2", T0.plusMillis(6_789));

        List<FinishedResult> results = new ArrayList<>();
        store.attempts().forEachFinishedResult(store.players(), results::add);

        assertThat(results).containsExactlyInAnyOrder(
                new FinishedResult("a-1", "helplines", "p-1", "Player p-1", 20, T0, T0.plusSeconds(5)),
                new FinishedResult("a-2", "helplines", "p-2", "Player p-2", -5, T0, T0.plusMillis(6_789)));
        List<FinishedResult> fromWholeAttempts = new ArrayList<>();
        store.attempts().forEachFinished(attempt -> fromWholeAttempts.add(FinishedResult.of(attempt,
                store.players().find(attempt.playerId()).orElseThrow().name())));
        assertThat(results).containsExactlyInAnyOrderElementsOf(fromWholeAttempts);
    }

    // ---- polls

    @Test
    void poll_votes_are_counted_per_option_whether_cast_alone_or_with_an_answer() {
        Quiz quiz = SampleQuizzes.catalogue();
        store.quizzes().save(quiz);
        player("p-1");
        attempt("a-1", quiz, "p-1", null);
        store.polls().recordVote("catalogue", "topic", "road");
        store.polls().recordVote("catalogue", "topic", "cyber");
        store.polls().recordVote("catalogue", "topic", "cyber");
        answer("a-1", new RecordedAnswer("topic", new Answer.Choice("cyber"), false, 0, 0, T0),
                new PollVote("catalogue", "topic", "cyber"));

        assertThat(store.polls().votes("catalogue", "topic")).isEqualTo(Map.of("cyber", 3L, "road", 1L));
        assertThat(store.polls().votes("catalogue", "emergency")).isEmpty();
    }

    @Test
    void a_refused_answer_casts_no_vote() {
        Quiz quiz = SampleQuizzes.catalogue();
        store.quizzes().save(quiz);
        player("p-1");
        attempt("a-1", quiz, "p-1", null);
        answer("a-1", new RecordedAnswer("topic", new Answer.Choice("cyber"), false, 0, 0, T0),
                new PollVote("catalogue", "topic", "cyber"));

        assertThatThrownBy(() -> answer("a-1",
                new RecordedAnswer("topic", new Answer.Choice("road"), false, 0, 0, T0),
                new PollVote("catalogue", "topic", "road"))).isInstanceOf(ConflictException.class);

        assertThat(store.polls().votes("catalogue", "topic")).isEqualTo(Map.of("cyber", 1L));
    }

    // ---- concurrency

    @Test
    void concurrent_writes_to_many_attempts_are_all_kept() throws Exception {
        Quiz quiz = SampleQuizzes.catalogue();
        store.quizzes().save(quiz);
        player("p-1");
        int attempts = 24;
        for (int a = 0; a < attempts; a++) {
            attempt("a-" + a, quiz, "p-1", null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int a = 0; a < attempts; a++) {
                String id = "a-" + a;
                writes.add(pool.submit(() -> {
                    for (Map.Entry<String, Answer> right : SampleQuizzes.catalogueRightAnswers().entrySet()) {
                        serve(id, right.getKey(), T0);
                        answer(id, new RecordedAnswer(right.getKey(), right.getValue(), true,
                                10, 0, T0.plusSeconds(1)));
                    }
                    finish(id, T0.plusSeconds(2));
                }));
            }
            for (Future<?> write : writes) {
                write.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Attempt> finished = store.attempts().finished("catalogue");
        assertThat(finished).hasSize(attempts);
        assertThat(finished).allSatisfy(attempt -> {
            assertThat(attempt.answers()).hasSize(8);
            assertThat(attempt.servedAt()).hasSize(8);
        });
    }

    @Test
    void a_reachable_store_passes_its_check() {
        store.check();
    }
}
