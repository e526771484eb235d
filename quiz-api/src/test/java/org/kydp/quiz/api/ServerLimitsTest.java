package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ServerLimitsTest {

    @Test
    void each_limit_is_read_from_its_variable_and_the_property_wins() {
        Properties properties = new Properties();
        properties.setProperty("quiz.max.queue.wait.ms", "750");
        ApiConfig config = ApiConfig.from(Map.of("QUIZ_IDLE_TIMEOUT_MS", "600000", "QUIZ_HEADER_CACHE_SIZE", "64",
                "QUIZ_MAX_CONCURRENT_REQUESTS", "16", "QUIZ_MAX_QUEUED_REQUESTS", "100",
                "QUIZ_MAX_QUEUE_WAIT_MS", "2000"), properties);

        assertThat(config.limits()).isEqualTo(new ServerLimits(Duration.ofMinutes(10), 64, 16, 100,
                Duration.ofMillis(750)));
    }

    @Test
    void unset_limits_keep_their_defaults() {
        assertThat(ApiConfig.from(Map.of(), new Properties()).limits()).isEqualTo(ServerLimits.defaults());
        assertThat(ServerLimits.defaults().headerCacheSize()).isZero();
        assertThat(ServerLimits.defaults().idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_limit_out_of_range_is_refused_with_its_name() {
        assertThatThrownBy(() -> ApiConfig.from(Map.of("QUIZ_MAX_CONCURRENT_REQUESTS", "0"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one request");
        assertThatThrownBy(() -> ApiConfig.from(Map.of("QUIZ_IDLE_TIMEOUT_MS", "soon"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QUIZ_IDLE_TIMEOUT_MS");
        assertThatThrownBy(() -> ApiConfig.defaults().withHeaderCacheSize(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
