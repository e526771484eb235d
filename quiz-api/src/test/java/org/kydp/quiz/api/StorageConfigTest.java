package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

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
        assertThat(h2.describe()).isEqualTo("H2 database in /var/lib/quiz");

        StorageConfig postgres = StorageConfig.from(Map.of("QUIZ_DB_URL", "jdbc:postgresql://db:5432/quiz",
                "QUIZ_DB_USER", "quiz", "QUIZ_DB_PASSWORD", "s3cret"), new Properties());
        assertThat(postgres.jdbc().url()).isEqualTo("jdbc:postgresql://db:5432/quiz");
        assertThat(postgres.jdbc().user()).isEqualTo("quiz");
        assertThat(postgres.jdbc().password()).isEqualTo("s3cret");
        assertThat(postgres.jdbc().isPostgres()).isTrue();
        assertThat(postgres.toString() + postgres.describe()).doesNotContain("s3cret");
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
    void a_database_that_is_neither_postgresql_nor_h2_is_refused_at_once() {
        assertThatThrownBy(() -> StorageConfig.from(Map.of("QUIZ_DB_URL", "jdbc:mysql://db/quiz"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
