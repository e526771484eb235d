package org.kydp.quiz.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void a_token_is_256_random_bits_in_url_safe_base64() {
        Tokens tokens = new Tokens(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String token = tokens.newToken();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            seen.add(token);
        }
        assertThat(seen).hasSize(1_000);
    }

    @Test
    void every_bit_of_a_token_comes_from_the_random_source() {
        byte[] drawn = new byte[32];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = (byte) (i * 37 + 11);
        }
        SecureRandom fixed = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(drawn, 0, bytes, 0, bytes.length);
            }
        };

        String token = new Tokens(fixed).newToken();

        assertThat(java.util.Base64.getUrlDecoder().decode(token)).containsExactly(drawn);
    }

    @Test
    void a_token_is_stored_as_its_sha_256_in_lower_case_hex() {
        assertThat(Tokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Tokens.hash("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void hashing_on_many_threads_at_once_gives_each_token_its_own_hash() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        if (!Tokens.hash("abc").equals(
                                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")) {
                            return false;
                        }
                        Tokens.hash("token-" + i);
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
