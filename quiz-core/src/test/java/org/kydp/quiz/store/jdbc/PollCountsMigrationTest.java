package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A database of the first schema, with its votes a row each, opened by today's store: every vote is counted. */
class PollCountsMigrationTest {

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
}
