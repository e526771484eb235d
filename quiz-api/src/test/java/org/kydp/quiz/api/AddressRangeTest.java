package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses read without a lookup, and the CIDR ranges of {@code QUIZ_TRUSTED_PROXIES}. */
class AddressRangeTest {

    private static IpAddress address(String text) {
        return IpAddress.parseLenient(text).orElseThrow();
    }

    private static boolean contains(String range, String address) {
        return AddressRange.parse(range).contains(address(address));
    }

    @ParameterizedTest
    @CsvSource({
            "192.0.2.7, 192.0.2.7",
            "0.0.0.0, 0.0.0.0",
            "255.255.255.255, 255.255.255.255",
            "::1, 0:0:0:0:0:0:0:1",
            "::, 0:0:0:0:0:0:0:0",
            "2001:DB8::1, 2001:db8:0:0:0:0:0:1",
            "2001:db8:0:0:0:0:0:1, 2001:db8:0:0:0:0:0:1",
            "fe80::, fe80:0:0:0:0:0:0:0",
            "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
            "::2:3:4:5:6:7:8, 0:2:3:4:5:6:7:8",
            "64:ff9b::192.0.2.33, 64:ff9b:0:0:0:0:c000:221",
            "::ffff:192.0.2.7, 192.0.2.7",
            "::FFFF:c000:207, 192.0.2.7"})
    void an_address_has_one_text_however_it_was_written(String written, String canonical) {
        assertThat(IpAddress.parse(written)).hasValueSatisfying(a -> assertThat(a).hasToString(canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "proxy.example", "unknown", "_hidden", "1.2.3", "1.2.3.4.5",
            "256.0.0.1", "01.2.3.4", "1.2.3.-4", "+1.2.3.4", "1.2.3.4 ", "١٢.0.0.1", "::1::", "1:::2",
            ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1::2:3:4:5:6:7:8", "12345::", "g::1", "::1.2.3", "::1.2.3.4:5",
            "[::1]", "192.0.2.7:80", "fe80::1%eth0", "0x7f.0.0.1", "2130706433"})
    void anything_else_is_not_an_address(String text) {
        assertThat(IpAddress.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "[2001:db8::1], 2001:db8:0:0:0:0:0:1",
            "[2001:db8::1]:4711, 2001:db8:0:0:0:0:0:1",
            "192.0.2.7:443, 192.0.2.7",
            "' 192.0.2.7 ', 192.0.2.7",
            "fe80::1%eth0, fe80:0:0:0:0:0:0:1",
            "[0:0:0:0:0:0:0:1], 0:0:0:0:0:0:0:1"})
    void peers_and_proxies_may_write_brackets_ports_and_zones(String written, String canonical) {
        assertThat(IpAddress.parseLenient(written)).hasValueSatisfying(a -> assertThat(a).hasToString(canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[2001:db8::1", "[2001:db8::1]x", "[2001:db8::1]:", "192.0.2.7:http", "192.0.2.7:1234567",
            "[192.0.2.7", "a:1"})
    void a_bracket_or_port_out_of_place_is_not_an_address(String text) {
        assertThat(IpAddress.parseLenient(text)).isEmpty();
    }

    @Test
    void an_ipv4_range_holds_the_addresses_that_share_its_prefix() {
        assertThat(contains("10.0.0.0/8", "10.255.3.4")).isTrue();
        assertThat(contains("10.0.0.0/8", "11.0.0.0")).isFalse();
        assertThat(contains("192.168.1.0/24", "192.168.1.255")).isTrue();
        assertThat(contains("192.168.1.0/24", "192.168.2.0")).isFalse();
        assertThat(contains("172.16.0.0/12", "172.31.255.255")).isTrue();
        assertThat(contains("172.16.0.0/12", "172.32.0.0")).isFalse();
        assertThat(contains("192.0.2.7", "192.0.2.7")).isTrue();
        assertThat(contains("192.0.2.7", "192.0.2.8")).isFalse();
        assertThat(contains("192.0.2.7/32", "192.0.2.7")).isTrue();
        assertThat(contains("0.0.0.0/0", "203.0.113.9")).isTrue();
    }

    @Test
    void an_ipv6_range_holds_the_addresses_that_share_its_prefix() {
        assertThat(contains("2001:db8::/32", "2001:db8:ffff::1")).isTrue();
        assertThat(contains("2001:db8::/32", "2001:db9::1")).isFalse();
        assertThat(contains("fd00::/8", "fdab:cdef::17")).isTrue();
        assertThat(contains("fd00::/8", "fe00::1")).isFalse();
        assertThat(contains("2001:db8:0:2::/63", "2001:db8:0:3:ffff::")).isTrue();
        assertThat(contains("2001:db8:0:2::/63", "2001:db8:0:4::")).isFalse();
        assertThat(contains("2001:db8::/127", "2001:db8::1")).isTrue();
        assertThat(contains("::1", "[::1]")).isTrue();
        assertThat(contains("::1", "::2")).isFalse();
        assertThat(contains("::/0", "2001:db8::1")).isTrue();
    }

    @Test
    void a_range_holds_only_addresses_of_its_own_family() {
        assertThat(contains("0.0.0.0/0", "::1")).isFalse();
        assertThat(contains("::/0", "127.0.0.1")).isFalse();
        assertThat(contains("192.0.2.0/24", "::ffff:192.0.2.7")).as("IPv4-mapped addresses are IPv4 addresses")
                .isTrue();
        assertThat(contains("::ffff:10.0.0.0/104", "10.1.2.3")).isTrue();
        assertThat(contains("::ffff:10.0.0.0/104", "11.1.2.3")).isFalse();
        assertThat(contains("::ffff:0:0/96", "192.0.2.7")).isTrue();
        assertThat(contains("::ffff:0:0/96", "2001:db8::1")).isFalse();
    }

    @Test
    void a_range_that_is_not_one_is_refused_with_what_is_wrong() {
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.300")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'10.0.0.300' is not an IP address or a CIDR range");
        assertThatThrownBy(() -> AddressRange.parse("proxy.internal")).hasMessageContaining("'proxy.internal'");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/")).hasMessageContaining("no prefix length");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/x")).hasMessageContaining("no prefix length");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/-1")).hasMessageContaining("no prefix length");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).hasMessageContaining("at most 32 bits");
        assertThatThrownBy(() -> AddressRange.parse("2001:db8::/129")).hasMessageContaining("at most 128 bits");
        assertThatThrownBy(() -> AddressRange.parse("192.168.1.10/2"))
                .hasMessageContaining("bits set past its prefix").hasMessageContaining("192.0.0.0/2");
        assertThatThrownBy(() -> AddressRange.parse("2001:db8::1/32")).hasMessageContaining("2001:db8:0:0:0:0:0:0/32");
        assertThatThrownBy(() -> AddressRange.parse("::ffff:0:0/95")).hasMessageContaining("96 bits or more");
    }
}
