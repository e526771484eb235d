package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The settings of who a client is and how much it may do: trusted proxies, failed authentications. */
class ClientSettingsTest {

    private static ApiConfig read(Map<String, String> env) {
        return ApiConfig.from(env, new Properties());
    }

    @Test
    void trusted_proxies_are_a_comma_separated_list_of_addresses_and_ranges() {
        ApiConfig config = read(Map.of("QUIZ_TRUSTED_PROXIES", " 10.0.0.0/8, 192.0.2.7 ,,2001:db8::/32,::1"));
        assertThat(config.trustedProxies()).containsExactly("10.0.0.0/8", "192.0.2.7", "2001:db8::/32", "::1");
    }

    @Test
    void no_proxy_is_trusted_unless_one_is_set() {
        assertThat(read(Map.of()).trustedProxies()).isEmpty();
        assertThat(read(Map.of("QUIZ_TRUSTED_PROXIES", "  ")).trustedProxies()).isEmpty();
    }

    @Test
    void the_property_wins_over_the_variable() {
        Properties properties = new Properties();
        properties.setProperty("quiz.trusted.proxies", "172.16.0.0/12");
        ApiConfig config = ApiConfig.from(Map.of("QUIZ_TRUSTED_PROXIES", "10.0.0.0/8"), properties);
        assertThat(config.trustedProxies()).containsExactly("172.16.0.0/12");
    }

    @Test
    void a_bad_entry_stops_the_start_naming_the_variable_and_the_entry() {
        assertThatThrownBy(() -> read(Map.of("QUIZ_TRUSTED_PROXIES", "10.0.0.0/8, 10.0.0.300")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("QUIZ_TRUSTED_PROXIES: '10.0.0.300' is not an IP address or a CIDR range");
        assertThatThrownBy(() -> read(Map.of("QUIZ_TRUSTED_PROXIES", "proxy.internal")))
                .hasMessageContaining("QUIZ_TRUSTED_PROXIES").hasMessageContaining("'proxy.internal'");
        assertThatThrownBy(() -> read(Map.of("QUIZ_TRUSTED_PROXIES", "10.0.0.0/33")))
                .hasMessageContaining("QUIZ_TRUSTED_PROXIES").hasMessageContaining("'10.0.0.0/33'");
        assertThatThrownBy(() -> read(Map.of("QUIZ_TRUSTED_PROXIES", "10.0.0.1 10.0.0.2")))
                .hasMessageContaining("'10.0.0.1 10.0.0.2'");
        assertThatThrownBy(() -> read(Map.of("QUIZ_TRUSTED_PROXIES", "192.168.1.10/2")))
                .hasMessageContaining("QUIZ_TRUSTED_PROXIES").hasMessageContaining("192.0.0.0/2");
    }

    @Test
    void failed_authentications_are_limited_to_30_a_minute_unless_set() {
        assertThat(read(Map.of()).authFailuresPerMinute()).isEqualTo(30);
        assertThat(ApiConfig.defaults().authFailuresPerMinute()).isEqualTo(30);
        assertThat(read(Map.of("QUIZ_AUTH_FAILURES_PER_MINUTE", "5")).authFailuresPerMinute()).isEqualTo(5);
        assertThat(read(Map.of("QUIZ_AUTH_FAILURES_PER_MINUTE", "0")).authFailuresPerMinute()).isZero();
        Properties properties = new Properties();
        properties.setProperty("quiz.auth.failures.per.minute", "12");
        assertThat(ApiConfig.from(Map.of("QUIZ_AUTH_FAILURES_PER_MINUTE", "5"), properties).authFailuresPerMinute())
                .isEqualTo(12);
    }

    @Test
    void a_limit_of_failed_authentications_that_is_not_a_count_stops_the_start() {
        assertThatThrownBy(() -> read(Map.of("QUIZ_AUTH_FAILURES_PER_MINUTE", "ten")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QUIZ_AUTH_FAILURES_PER_MINUTE").hasMessageContaining("'ten'");
        assertThatThrownBy(() -> read(Map.of("QUIZ_AUTH_FAILURES_PER_MINUTE", "-1")))
                .hasMessageContaining("QUIZ_AUTH_FAILURES_PER_MINUTE").hasMessageContaining("0 (off) or more");
        assertThatThrownBy(() -> ApiConfig.defaults().withAuthFailuresPerMinute(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_embedder_is_refused_the_same_entries() {
        assertThatThrownBy(() -> ApiConfig.defaults().withTrustedProxies(List.of("::1", "fe80::/129")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'fe80::/129'");
    }
}
