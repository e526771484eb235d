package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which address a request comes from, read from {@code X-Forwarded-For} only as far as trusted proxies wrote it. */
class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "2001:db8:ffff::/48", "::1"));

    private String client(String peer, String... forwardedFor) {
        return proxies.clientAddress(peer, List.of(forwardedFor));
    }

    @Test
    void without_a_forwarded_for_header_the_peer_is_the_client() {
        assertThat(client("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(client("10.0.0.2")).isEqualTo("10.0.0.2");
    }

    @Test
    void a_peer_that_is_not_a_trusted_proxy_is_the_client_whatever_it_forwards() {
        assertThat(client("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
        assertThat(client("203.0.113.9", "10.0.0.2, 198.51.100.1")).isEqualTo("203.0.113.9");
        assertThat(TrustedProxies.none().clientAddress("10.0.0.2", List.of("198.51.100.1"))).isEqualTo("10.0.0.2");
    }

    @Test
    void behind_a_trusted_proxy_the_client_is_the_address_it_forwards_for() {
        assertThat(client("10.0.0.2", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(client("[::1]", "2001:db8:1::7")).isEqualTo("2001:db8:1:0:0:0:0:7");
    }

    @Test
    void the_header_is_read_from_the_right_past_every_trusted_proxy() {
        assertThat(client("10.0.0.2", "198.51.100.1, 10.1.1.1, 10.2.2.2")).isEqualTo("198.51.100.1");
        assertThat(client("10.0.0.2", "198.51.100.1, 2001:db8:ffff::5")).isEqualTo("198.51.100.1");
    }

    @Test
    void what_a_client_wrote_left_of_its_own_address_is_ignored() {
        assertThat(client("10.0.0.2", "1.1.1.1, 10.9.9.9, 198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(client("10.0.0.2", "1.1.1.1", "198.51.100.1")).as("over two header lines, in order")
                .isEqualTo("198.51.100.1");
    }

    @Test
    void a_malformed_entry_ends_the_walk_at_the_last_trusted_hop() {
        assertThat(client("10.0.0.2", "garbage")).isEqualTo("10.0.0.2");
        assertThat(client("10.0.0.2", "198.51.100.1, unknown, 10.3.3.3")).isEqualTo("10.3.3.3");
        assertThat(client("10.0.0.2", "<script>")).isEqualTo("10.0.0.2");
        assertThat(client("10.0.0.2", "999.1.1.1")).isEqualTo("10.0.0.2");
        assertThat(client("10.0.0.2", "proxy.example")).isEqualTo("10.0.0.2");
    }

    @Test
    void empty_entries_and_headers_are_skipped() {
        assertThat(client("10.0.0.2", "")).isEqualTo("10.0.0.2");
        assertThat(client("10.0.0.2", " , 198.51.100.1 ,, ")).isEqualTo("198.51.100.1");
    }

    @Test
    void proxies_may_write_ports_brackets_and_mapped_addresses() {
        assertThat(client("10.0.0.2", "198.51.100.1:52100")).isEqualTo("198.51.100.1");
        assertThat(client("10.0.0.2", "[2001:db8:1::7]:4711")).isEqualTo("2001:db8:1:0:0:0:0:7");
        assertThat(client("::ffff:10.0.0.2", "::ffff:198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void when_every_hop_is_a_trusted_proxy_the_first_of_them_is_the_client() {
        assertThat(client("10.0.0.2", "10.5.5.5, 10.6.6.6")).isEqualTo("10.5.5.5");
    }

    @Test
    void one_address_has_one_key_however_it_was_written() {
        assertThat(client("10.0.0.2", "2001:DB8:1::7")).isEqualTo(client("10.0.0.2", "2001:db8:1:0:0:0:0:7"));
        assertThat(client("0:0:0:0:0:0:0:1")).isEqualTo(client("[::1]"));
    }

    @Test
    void a_peer_that_is_not_an_ip_address_is_kept_as_it_is() {
        assertThat(client("unix-socket", "198.51.100.1")).isEqualTo("unix-socket");
    }
}
