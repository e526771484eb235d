package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.kydp.quiz.store.FinishedResult;

/** Databases of the first schema, opened by today's store: every vote is counted, every finished score kept. */
class MigrationsTest {

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", (Supplier<JdbcConfig>) TestDatabases::newH2),
                Arguments.of("PostgreSQL", (Supplier<JdbcConfig>) TestDatabases::newPostgres));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void votes_kept_a_row_each_become_counts_per_option(String name, Supplier<JdbcConfig> database) {
        JdbcConfig config = database.get();
        Flyway.configure().dataSource(config.effectiveUrl(), config.user(), config.password())
                .locations(JdbcStore.MIGRATIONS).table(JdbcStore.HISTORY_TABLE).target("1").load().migrate();
        Jdbi.create(config.effectiveUrl(), config.user(), java.util.Objects.requireNonNullElse(config.password(), "")).useHandle(handle -> {
            for (String option : new String[] {"cyber", "road", "cyber", "cyber", "road", "traffic"}) {
                handle.execute("INSERT INTO poll_votes (quiz_id, question_id, option_id) VALUES ('q', 'topic', ?)",
                        option);
            }
            handle.execute("INSERT INTO poll_votes (quiz_id, question_id, option_id) VALUES ('q', 'other', 'x')");
        });

        try (JdbcStore store = JdbcStore.open(config)) {
            assertThat(store.polls().votes("q", "topic")).isEqualTo(Map.of("cyber", 3L, "road", 2L, "traffic", 1L));
            assertThat(store.polls().votes("q", "other")).isEqualTo(Map.of("x", 1L));

            store.polls().recordVote("q", "topic", "road");
            store.polls().recordVote("q", "topic", "helpline");
            assertThat(store.polls().votes("q", "topic"))
                    .isEqualTo(Map.of("cyber", 3L, "road", 3L, "traffic", 1L, "helpline", 1L));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void attempts_finished_under_the_first_schema_keep_the_sum_of_their_points_as_their_score(
            String name, Supplier<JdbcConfig> database) {
        JdbcConfig config = database.get();
        migrateToFirstSchema(config);
        Jdbi.create(config.effectiveUrl(), config.user(), java.util.Objects.requireNonNullElse(config.password(), ""))
                .useHandle(handle -> {
                    handle.execute("INSERT INTO quiz_versions VALUES ('q', 1, '{}', 0)");
                    handle.execute("INSERT INTO players VALUES ('p-1', 'Asha', 'hash-1', 0)");
                    handle.execute("INSERT INTO attempts VALUES ('a-1', 'q', 1, 'p-1', 7, 1000, NULL, 9000)");
                    handle.execute("INSERT INTO attempts VALUES ('a-2', 'q', 1, 'p-1', 8, 1000, NULL, 5000)");
                    handle.execute("INSERT INTO attempts VALUES ('a-3', 'q', 1, 'p-1', 9, 1000, NULL, NULL)");
                    handle.execute("INSERT INTO answers VALUES ('a-1', 'x', NULL, TRUE, 10, 0, 2000)");
                    handle.execute("INSERT INTO answers VALUES ('a-1', 'y', NULL, FALSE, -3, 0, 3000)");
                    handle.execute("INSERT INTO answers VALUES ('a-3', 'x', NULL, TRUE, 10, 0, 2000)");
                });

        try (JdbcStore store = JdbcStore.open(config)) {
            List<String> scores = store.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT attempt_id, score FROM attempts ORDER BY attempt_id")
                    .map((rs, ctx) -> rs.getString(1) + "=" + rs.getObject(2)).list());
            assertThat(scores).containsExactly("a-1=7", "a-2=0", "a-3=null");
            List<FinishedResult> results = new ArrayList<>();
            store.attempts().forEachFinishedResult(store.players(), results::add);
            assertThat(results).extracting(FinishedResult::attemptId, FinishedResult::score)
                    .containsExactlyInAnyOrder(tuple("a-1", 7), tuple("a-2", 0));
        }
    }

    private static void migrateToFirstSchema(JdbcConfig config) {
        Flyway.configure().dataSource(config.effectiveUrl(), config.user(), config.password())
                .locations(JdbcStore.MIGRATIONS).table(JdbcStore.HISTORY_TABLE).target("1").load().migrate();
    }
}
