package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;

class AddressBucketsTest {

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");

    @Test
    void an_address_gets_its_tokens_back_evenly_over_a_minute() {
        AddressBuckets buckets = new AddressBuckets(3, 100, clock);
        assertThat(buckets.take("192.0.2.1")).isZero();
        assertThat(buckets.take("192.0.2.1")).isZero();
        assertThat(buckets.take("192.0.2.1")).isZero();
        assertThat(buckets.take("192.0.2.1")).isEqualTo(20_000);
        assertThat(buckets.take("192.0.2.2")).as("another address has its own bucket").isZero();

        clock.advance(Duration.ofSeconds(15));
        assertThat(buckets.waitFor("192.0.2.1")).isEqualTo(5_000);
        clock.advance(Duration.ofSeconds(5));
        assertThat(buckets.waitFor("192.0.2.1")).isZero();
        assertThat(buckets.take("192.0.2.1")).isZero();
    }

    @Test
    void the_wait_is_exact_to_the_millisecond() {
        AddressBuckets buckets = new AddressBuckets(3, 100, clock);
        for (int i = 0; i < 3; i++) {
            buckets.take("192.0.2.1");
        }
        clock.advance(Duration.ofSeconds(19));
        assertThat(buckets.waitFor("192.0.2.1")).isEqualTo(1_000);
        clock.advance(Duration.ofMillis(999));
        assertThat(buckets.waitFor("192.0.2.1")).isEqualTo(1);
        AddressBuckets seven = new AddressBuckets(7, 100, clock);
        for (int i = 0; i < 7; i++) {
            seven.take("192.0.2.1");
        }
        assertThat(seven.waitFor("192.0.2.1")).as("60000 / 7, rounded up").isEqualTo(8_572);
    }

    @Test
    void asking_how_long_to_wait_takes_nothing_and_remembers_no_address() {
        AddressBuckets buckets = new AddressBuckets(1, 100, clock);
        for (int i = 0; i < 10; i++) {
            assertThat(buckets.waitFor("198.51.100." + i)).isZero();
        }
        assertThat(buckets.size()).isZero();
    }

    @Test
    void a_crowd_of_thousands_of_addresses_never_holds_more_buckets_than_the_bound() {
        AddressBuckets buckets = new AddressBuckets(60, 1_000, clock);
        for (int i = 0; i < 50_000; i++) {
            buckets.take("2001:db8::" + Integer.toHexString(i));
            assertThat(buckets.size()).isLessThanOrEqualTo(1_000);
            if (i % 500 == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
    }

    @Test
    void addresses_idle_for_a_minute_are_forgotten_first_and_that_changes_nothing() {
        AddressBuckets buckets = new AddressBuckets(2, 4, clock);
        buckets.take("192.0.2.1");
        buckets.take("192.0.2.2");
        buckets.take("192.0.2.3");
        clock.advance(Duration.ofMinutes(1));
        buckets.take("192.0.2.4");
        buckets.take("192.0.2.4");

        buckets.take("192.0.2.5"); // no room: the three idle ones go

        assertThat(buckets.size()).isEqualTo(2);
        assertThat(buckets.waitFor("192.0.2.4")).as("the busy address keeps its count").isPositive();
    }

    @Test
    void when_every_address_is_busy_the_fullest_are_forgotten_and_an_exhausted_one_is_kept() {
        AddressBuckets buckets = new AddressBuckets(10, 8, clock);
        for (int i = 0; i < 10; i++) {
            buckets.take("192.0.2.66");
        }
        for (int i = 1; i <= 100; i++) {
            buckets.take("198.51.100." + i);
        }
        assertThat(buckets.size()).isLessThanOrEqualTo(8);
        assertThat(buckets.waitFor("192.0.2.66")).as("the address that used up its tokens is still refused")
                .isPositive();
    }

    @Test
    void a_refund_gives_a_token_back_but_never_more_than_a_full_bucket() {
        AddressBuckets buckets = new AddressBuckets(1, 100, clock);
        buckets.take("192.0.2.1");
        assertThat(buckets.waitFor("192.0.2.1")).isPositive();
        buckets.refund("192.0.2.1");
        buckets.refund("192.0.2.1");
        assertThat(buckets.take("192.0.2.1")).isZero();
        assertThat(buckets.take("192.0.2.1")).isPositive();
    }
}
