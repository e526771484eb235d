package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class JdbcConfigTest {

    @Test
    void an_h2_database_is_a_file_in_the_data_directory_in_postgresql_mode_made_durable_on_every_commit_and_compacted() {
        JdbcConfig config = JdbcConfig.h2(Path.of("/var/lib/quiz/./data"));

        assertThat(config.url()).isEqualTo("jdbc:h2:file:/var/lib/quiz/data/quiz");
        assertThat(config.effectiveUrl()).isEqualTo("jdbc:h2:file:/var/lib/quiz/data/quiz"
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128;WRITE_DELAY=0"
                + ";TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE;COMPRESS=TRUE;RETENTION_TIME=0");
        assertThat(config.isPostgres()).isFalse();
        assertThat(config.groupCommit()).isTrue();
        assertThat(config.h2Compaction()).isTrue();
    }

    @Test
    void an_h2_url_given_by_hand_gets_the_settings_it_does_not_set_itself() {
        JdbcConfig config = JdbcConfig.of("jdbc:h2:file:/tmp/x;write_delay=100;MODE=PostgreSQL;retention_time=45000",
                "sa", "");

        assertThat(config.effectiveUrl()).isEqualTo(
                "jdbc:h2:file:/tmp/x;write_delay=100;MODE=PostgreSQL;retention_time=45000"
                + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128;TRACE_LEVEL_FILE=0"
                + ";DB_CLOSE_ON_EXIT=FALSE;COMPRESS=TRUE");
    }

    @Test
    void an_h2_file_left_to_h2_gets_no_compaction_settings() {
        JdbcConfig config = JdbcConfig.h2(Path.of("/data")).withH2Compaction(false);

        assertThat(config.effectiveUrl()).isEqualTo("jdbc:h2:file:/data/quiz"
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128;WRITE_DELAY=0"
                + ";TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void every_statement_has_30_s_by_default_counted_in_whole_seconds_and_an_h2_lock_is_waited_for_as_long() {
        JdbcConfig config = JdbcConfig.h2(Path.of("/data"));
        assertThat(config.statementTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.statementTimeoutSeconds()).isEqualTo(30);
        assertThat(config.h2LockTimeoutStatement()).contains("SET LOCK_TIMEOUT 30000");

        JdbcConfig shorter = config.withStatementTimeout(Duration.ofMillis(1_500));
        assertThat(shorter.statementTimeoutSeconds()).isEqualTo(2);
        assertThat(shorter.h2LockTimeoutStatement()).contains("SET LOCK_TIMEOUT 2000");
        assertThat(JdbcConfig.of("jdbc:h2:mem:x;LOCK_TIMEOUT=100", "sa", "").h2LockTimeoutStatement())
                .as("a lock timeout of the URL's own").isEmpty();
        assertThat(JdbcConfig.of("jdbc:postgresql://db/quiz", "quiz", "pw").h2LockTimeoutStatement()).isEmpty();
        assertThatThrownBy(() -> config.withStatementTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_caches_keep_20000_attempts_10000_players_and_256_quiz_versions_unless_told_otherwise() {
        JdbcConfig config = JdbcConfig.h2(Path.of("/data"));
        assertThat(config.caches()).isEqualTo(new CacheSizes(20_000, 10_000, 256));
        assertThat(config.withCacheSizes(config.caches().withAttempts(5)).caches().attempts()).isEqualTo(5);
        assertThatThrownBy(() -> config.caches().withPlayers(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_postgresql_url_is_used_as_given_and_the_password_is_never_shown() {
        JdbcConfig config = JdbcConfig.of("jdbc:postgresql://db:5432/quiz", "quiz", "s3cret").withPoolSize(4)
                .withGroupCommit(false);

        assertThat(config.effectiveUrl()).isEqualTo("jdbc:postgresql://db:5432/quiz");
        assertThat(config.isPostgres()).isTrue();
        assertThat(config.maxPoolSize()).isEqualTo(4);
        assertThat(config.groupCommit()).isFalse();
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void other_databases_are_refused() {
        assertThatThrownBy(() -> JdbcConfig.of("jdbc:mysql://db/quiz", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
    }
}
