package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.store.jdbc.CacheSizes;
import org.kydp.quiz.store.jdbc.JdbcConfig;

class StorageConfigTest {

    @Test
    void by_default_the_data_is_an_h2_database_under_data() {
        StorageConfig config = StorageConfig.from(Map.of(), new Properties());

        assertThat(config.dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(config.dbUrl()).isNull();
        assertThat(config.jdbc().url()).startsWith("jdbc:h2:file:").endsWith("/data/quiz");
        assertThat(config.jdbc().effectiveUrl()).contains(";WRITE_DELAY=0");
    }

    @Test
    void the_data_directory_and_a_postgresql_database_come_from_the_environment() {
        StorageConfig h2 = StorageConfig.from(Map.of("QUIZ_DATA_DIR", "/var/lib/quiz"), new Properties());
        assertThat(h2.jdbc().url()).isEqualTo("jdbc:h2:file:/var/lib/quiz/quiz");
        assertThat(h2.describe()).isEqualTo("H2 file /var/lib/quiz/quiz.mv.db");

        StorageConfig postgres = StorageConfig.from(Map.of("QUIZ_DB_URL", "jdbc:postgresql://db:5432/quiz",
                "QUIZ_DB_USER", "quiz", "QUIZ_DB_PASSWORD", "s3cret"), new Properties());
        assertThat(postgres.jdbc().url()).isEqualTo("jdbc:postgresql://db:5432/quiz");
        assertThat(postgres.jdbc().user()).isEqualTo("quiz");
        assertThat(postgres.jdbc().password()).isEqualTo("s3cret");
        assertThat(postgres.jdbc().isPostgres()).isTrue();
        assertThat(postgres.toString() + postgres.describe()).doesNotContain("s3cret");
    }

    @Test
    void a_password_in_the_database_url_is_never_described() {
        StorageConfig postgres = StorageConfig.from(Map.of("QUIZ_DB_URL",
                "jdbc:postgresql://db:5432/quiz?user=quiz&password=s3cret&sslmode=require"), new Properties());

        assertThat(postgres.describe()).isEqualTo("jdbc:postgresql://db:5432/quiz?user=quiz&password=***&sslmode=require");
        assertThat(postgres.toString()).doesNotContain("s3cret");
        assertThat(postgres.jdbc().url()).contains("password=s3cret");
        assertThat(StorageConfig.from(Map.of("QUIZ_DB_URL", "jdbc:postgresql://db/quiz?PASSWORD=s3cret"),
                new Properties()).describe()).isEqualTo("jdbc:postgresql://db/quiz?PASSWORD=***");
    }

    @Test
    void system_properties_win_over_the_environment() {
        Properties properties = new Properties();
        properties.setProperty("quiz.db.url", "jdbc:postgresql://other/quiz");
        properties.setProperty("quiz.data.dir", "/srv/quiz");

        StorageConfig config = StorageConfig.from(Map.of("QUIZ_DB_URL", "jdbc:postgresql://db/quiz",
                "QUIZ_DATA_DIR", "/var/lib/quiz"), properties);

        assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://other/quiz");
        assertThat(config.dataDirectory()).isEqualTo(Path.of("/srv/quiz"));
    }

    @Test
    void embedders_set_the_same_in_code() {
        StorageConfig config = StorageConfig.defaults().withDataDirectory(Path.of("/tmp/quiz"))
                .withDatabase("jdbc:postgresql://db/quiz", "quiz", "pw");

        assertThat(config.jdbc().url()).isEqualTo("jdbc:postgresql://db/quiz");
        assertThat(config.dataDirectory()).isEqualTo(Path.of("/tmp/quiz"));
    }

    @Test
    void the_statement_timeout_and_the_cache_sizes_have_defaults_and_come_from_the_environment() {
        StorageConfig defaults = StorageConfig.from(Map.of(), new Properties());
        assertThat(defaults.jdbc().statementTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.jdbc().caches()).isEqualTo(new CacheSizes(20_000, 10_000, 256));

        StorageConfig set = StorageConfig.from(Map.of("QUIZ_DB_STATEMENT_TIMEOUT_MS", "5000",
                "QUIZ_CACHED_ATTEMPTS", "50000", "QUIZ_CACHED_PLAYERS", "20000", "QUIZ_CACHED_QUIZ_VERSIONS", "64",
                "QUIZ_DB_URL", "jdbc:postgresql://db/quiz"), new Properties());
        assertThat(set.jdbc().statementTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(set.jdbc().caches()).isEqualTo(new CacheSizes(50_000, 20_000, 64));
        assertThat(StorageConfig.defaults().withStatementTimeout(Duration.ofSeconds(2))
                .withCacheSizes(CacheSizes.DEFAULTS.withPlayers(7)).jdbc())
                .extracting(JdbcConfig::statementTimeout, config -> config.caches().players())
                .containsExactly(Duration.ofSeconds(2), 7);
    }

    @Test
    void a_statement_timeout_or_cache_size_that_is_not_a_positive_whole_number_is_refused_at_once() {
        assertThatThrownBy(() -> StorageConfig.from(Map.of("QUIZ_DB_STATEMENT_TIMEOUT_MS", "0"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QUIZ_DB_STATEMENT_TIMEOUT_MS");
        assertThatThrownBy(() -> StorageConfig.from(Map.of("QUIZ_CACHED_PLAYERS", "many"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QUIZ_CACHED_PLAYERS");
        assertThatThrownBy(() -> StorageConfig.from(Map.of("QUIZ_CACHED_ATTEMPTS", "0"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_database_that_is_neither_postgresql_nor_h2_is_refused_at_once() {
        assertThatThrownBy(() -> StorageConfig.from(Map.of("QUIZ_DB_URL", "jdbc:mysql://db/quiz"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
