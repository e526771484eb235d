package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.error.ConflictException;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.RecordedAnswer;
import org.kydp.quiz.store.StaleAttemptException;

/**
 * The store keeps players, quiz versions and attempts in memory. These tests show when it may trust them: alone on
 * an embedded H2 database it reads from memory; when another store shares the database, each sees the other's
 * changes: two stores on one H2 file at their next read, which checks what is kept; two stores on one PostgreSQL
 * database (as two servers would be) as soon as each has heard of the other's change, within the delay of a
 * notification, and at once when reading the attempt as stored now ({@code findCurrent}). Writes based on an attempt
 * that changed meanwhile are refused whatever the store heard.
 */
class SharedDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-02-16T04:30:00.123Z");

    static Stream<Arguments> sharedDatabases() {
        return Stream.of(
                Arguments.of("two stores on one H2 file", (Supplier<JdbcConfig>) TestDatabases::newH2),
                Arguments.of("two stores on one PostgreSQL database", (Supplier<JdbcConfig>) TestDatabases::newPostgres));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedDatabases")
    void an_attempt_changed_through_one_store_is_read_as_changed_through_the_other(String name,
                                                                                   Supplier<JdbcConfig> database) {
        JdbcConfig config = database.get();
        try (JdbcStore here = JdbcStore.open(config); JdbcStore there = JdbcStore.open(config)) {
            Quiz quiz = SampleQuizzes.helplines();
            here.quizzes().save(quiz);
            here.players().add(new Player("p-1", "Asha", "hash-p-1", T0));
            Attempt started = Attempt.start("a-1", quiz.id(), quiz.version(), "p-1", 42L,
                    List.of("emergency", "mha"), T0, null);
            here.attempts().create(started);
            assertThat(here.attempts().find("a-1")).contains(started); // now kept here

            there.attempts().markServed(there.attempts().find("a-1").orElseThrow(), "emergency", T0.plusMillis(10));
            assertThat(here.attempts().findCurrent("a-1").orElseThrow().servedAt()).containsKey("emergency");
            assertThat(seen(() -> here.attempts().find("a-1").orElseThrow(),
                    attempt -> attempt.servedAt().containsKey("emergency")).servedAt()).containsKey("emergency");

            RecordedAnswer answer = new RecordedAnswer("emergency", new Answer.Choice("b"), true, 10, 0,
                    T0.plusMillis(2_000));
            there.attempts().recordAnswer(there.attempts().find("a-1").orElseThrow(), answer);
            assertThat(here.attempts().findCurrent("a-1").orElseThrow().answers()).containsEntry("emergency", answer);
            assertThat(seen(() -> here.attempts().find("a-1").orElseThrow(), attempt -> !attempt.answers().isEmpty())
                    .answers()).containsEntry("emergency", answer);

            there.attempts().finish(there.attempts().find("a-1").orElseThrow(), T0.plusMillis(3_000));
            assertThat(seen(() -> here.attempts().find("a-1").orElseThrow(), Attempt::isFinished).finishedAt())
                    .isEqualTo(T0.plusMillis(3_000));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedDatabases")
    void a_serving_based_on_an_attempt_served_meanwhile_through_the_other_store_is_refused_and_writes_nothing(
            String name, Supplier<JdbcConfig> database) {
        JdbcConfig config = database.get();
        try (JdbcStore here = JdbcStore.open(config); JdbcStore there = JdbcStore.open(config)) {
            Quiz quiz = SampleQuizzes.helplines();
            here.quizzes().save(quiz);
            here.players().add(new Player("p-1", "Asha", "hash-p-1", T0));
            Attempt started = Attempt.start("a-1", quiz.id(), quiz.version(), "p-1", 42L,
                    List.of("emergency", "mha"), T0, null);
            here.attempts().create(started);

            there.attempts().markServed(there.attempts().find("a-1").orElseThrow(), "emergency", T0.plusMillis(10));

            assertThatThrownBy(() -> here.attempts().markServed(started, "emergency", T0.plusMillis(20)))
                    .isInstanceOf(StaleAttemptException.class);
            assertThat(here.attempts().find("a-1").orElseThrow().servedAt())
                    .isEqualTo(Map.of("emergency", T0.plusMillis(10)));
            there.attempts().finish(there.attempts().find("a-1").orElseThrow(), T0.plusMillis(30));
            Attempt served = started.served("emergency", T0.plusMillis(10));
            assertThatThrownBy(() -> here.attempts().markServed(served, "mha", T0.plusMillis(40)))
                    .as("finished meanwhile").isInstanceOf(StaleAttemptException.class);
            assertThat(here.attempts().find("a-1").orElseThrow().servedAt()).doesNotContainKey("mha");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedDatabases")
    void a_new_version_or_an_unpublishing_through_one_store_is_read_so_through_the_other(
            String name, Supplier<JdbcConfig> database) {
        JdbcConfig config = database.get();
        try (JdbcStore here = JdbcStore.open(config); JdbcStore there = JdbcStore.open(config)) {
            Quiz first = SampleQuizzes.helplines();
            here.quizzes().save(first);
            here.quizzes().setPublished(first.id(), true);
            assertThat(here.quizzes().find("helplines", 1)).contains(first);
            assertThat(here.quizzes().latest("helplines")).contains(first);
            assertThat(here.quizzes().isPublished("helplines")).isTrue();

            Quiz changed = SampleQuizzes.helplines(QuizRules.defaults().withAttemptsAllowed(3));
            assertThatThrownBy(() -> there.quizzes().save(changed)).isInstanceOf(ConflictException.class);
            Quiz second = changed.withVersion(2);
            there.quizzes().save(second);
            there.quizzes().setPublished("helplines", false);

            assertThat(seen(() -> here.quizzes().latest("helplines"), Optional.of(second)::equals)).contains(second);
            assertThat(here.quizzes().find("helplines", 1)).contains(first);
            assertThat(seen(() -> here.quizzes().isPublished("helplines"), published -> !published)).isFalse();
        }
    }

    @Test
    void a_store_alone_on_an_embedded_database_reads_what_it_keeps_without_asking_the_database() {
        try (JdbcStore store = JdbcStore.open(TestDatabases.newH2())) {
            Quiz quiz = SampleQuizzes.helplines();
            store.quizzes().save(quiz);
            store.quizzes().setPublished(quiz.id(), true);
            store.players().add(new Player("p-1", "Asha", "hash-p-1", T0));
            Attempt started = Attempt.start("a-1", quiz.id(), quiz.version(), "p-1", 42L,
                    List.of("emergency", "mha"), T0, null);
            store.attempts().create(started);
            assertThat(store.quizzes().latest("helplines")).contains(quiz);
            assertThat(store.quizzes().isPublished("helplines")).isTrue();

            // Rows changed behind the store's back (nothing can do this to a real embedded database: H2 locks it)
            store.jdbi().useHandle(handle -> {
                handle.execute("UPDATE attempts SET finished_at_ms = 1");
                handle.execute("DELETE FROM published_quizzes");
            });

            assertThat(store.attempts().find("a-1")).contains(started);
            assertThat(store.quizzes().find("helplines", 1)).contains(quiz);
            assertThat(store.quizzes().isPublished("helplines")).isTrue();
        }
    }

    @Test
    void a_store_is_the_sole_writer_of_an_embedded_h2_database_until_another_store_opens_it() throws Exception {
        JdbcConfig config = JdbcConfig.h2(Files.createTempDirectory("quiz-h2-"));
        try (JdbcStore first = JdbcStore.open(config)) {
            assertThat(first.soleWriter()).isTrue();
            try (JdbcStore second = JdbcStore.open(config)) {
                assertThat(first.soleWriter()).isFalse();
                assertThat(second.soleWriter()).isFalse();
            }
            assertThat(first.soleWriter())
                    .as("what the first kept may be out of date after the second's writes, so it keeps checking")
                    .isFalse();
        }
        try (JdbcStore again = JdbcStore.open(config)) {
            assertThat(again.soleWriter()).as("a database opened afresh once every store closed it").isTrue();
        }
        try (JdbcStore other = JdbcStore.open(JdbcConfig.h2(Files.createTempDirectory("quiz-h2-")))) {
            assertThat(other.soleWriter()).isTrue();
        }
    }

    /**
     * Two stores on one H2 file named by two spellings of its path: each must know of the other, or each serves what
     * it keeps and never sees the other's writes. The database, not the URL, says which file is open.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("spellingsOfOneFile")
    void two_stores_on_one_file_see_each_others_writes_however_its_path_is_spelt(String spelling,
                                                                                 String otherUrl) throws Exception {
        Path directory = Files.createTempDirectory("quiz-h2-");
        JdbcConfig plain = JdbcConfig.h2(directory);
        JdbcConfig other = JdbcConfig.of(otherUrl.replace("{dir}", directory.toString()), "sa", "");
        try (JdbcStore here = JdbcStore.open(plain); JdbcStore there = JdbcStore.open(other)) {
            Quiz quiz = SampleQuizzes.helplines();
            here.quizzes().save(quiz);
            here.players().add(new Player("p-1", "Asha", "hash-p-1", T0));
            here.attempts().create(Attempt.start("a-1", quiz.id(), quiz.version(), "p-1", 42L,
                    List.of("emergency", "mha"), T0, null));
            assertThat(here.attempts().find("a-1")).isPresent(); // now kept here

            there.attempts().finish(there.attempts().find("a-1").orElseThrow(), T0.plusMillis(3_000));

            assertThat(here.attempts().find("a-1").orElseThrow().isFinished()).as(spelling).isTrue();
        }
    }

    static Stream<Arguments> spellingsOfOneFile() {
        return Stream.of(
                Arguments.of("without file:", "jdbc:h2:{dir}/quiz"),
                Arguments.of("with a dot in the path", "jdbc:h2:file:{dir}/./quiz"),
                Arguments.of("with a setting", "jdbc:h2:file:{dir}/quiz;LOCK_TIMEOUT=10000"));
    }

    @Test
    void a_file_opened_without_h2s_file_lock_never_has_a_sole_writer() throws Exception {
        Path directory = Files.createTempDirectory("quiz-h2-");
        JdbcConfig unlocked = JdbcConfig.of("jdbc:h2:file:" + directory.resolve("quiz") + ";FILE_LOCK=NO", "sa", "");
        try (JdbcStore store = JdbcStore.open(unlocked)) {
            assertThat(store.soleWriter()).as("another process may open the file too").isFalse();
        }
        try (JdbcStore store = JdbcStore.open(JdbcConfig.h2(directory))) {
            assertThat(store.soleWriter()).isTrue();
        }
    }

    @Test
    void only_an_embedded_h2_database_can_have_a_sole_writer() {
        assertThat(JdbcConfig.h2(Path.of("data")).isEmbeddedH2()).isTrue();
        assertThat(JdbcConfig.of("jdbc:h2:mem:quiz", "sa", "").isEmbeddedH2()).isTrue();
        assertThat(JdbcConfig.of("jdbc:h2:tcp://db:9092/quiz", "sa", "").isEmbeddedH2()).isFalse();
        assertThat(JdbcConfig.of("jdbc:h2:ssl://db/quiz", "sa", "").isEmbeddedH2()).isFalse();
        assertThat(JdbcConfig.of("jdbc:h2:file:/data/quiz;AUTO_SERVER=TRUE", "sa", "").isEmbeddedH2()).isFalse();
        assertThat(JdbcConfig.of("jdbc:postgresql://db/quiz", "quiz", "pw").isEmbeddedH2()).isFalse();
        try (Ownership postgres = Ownership.claim(JdbcConfig.of("jdbc:postgresql://db/quiz", "quiz", "pw"), null)) {
            assertThat(postgres.sole()).isFalse();
        }
    }

    /**
     * What {@code read} gives once it shows the change looked for: at the first read where each read checks what is
     * kept, within the delay of a notification where the store hears of changes. Gives up after 5 s and returns the
     * last read, for the caller's assertion to fail on.
     */
    static <T> T seen(Supplier<T> read, Predicate<T> changed) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        T value = read.get();
        while (!changed.test(value) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
            value = read.get();
        }
        return value;
    }
}
