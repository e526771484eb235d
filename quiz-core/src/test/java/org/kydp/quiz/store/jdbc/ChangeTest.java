package org.kydp.quiz.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Changes as the words of notifications, and the notifications of one transaction. */
class ChangeTest {

    private static final String STORE = UUID.randomUUID().toString();

    @Test
    void a_change_is_a_word_of_its_kind_letter_and_id_and_reads_back_from_it() {
        for (Change change : List.of(Change.attempt("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
                Change.finished("a-1"), Change.quiz("delhi-police-101"))) {
            assertThat(Change.ofWord(change.word())).contains(change);
        }
        assertThat(Change.finished("a-1").word()).isEqualTo("fa-1");
        assertThat(Change.ofWord("xa-1")).as("a kind a later version may add").isEqualTo(Optional.empty());
        assertThat(Change.ofWord("a")).isEmpty();
    }

    @Test
    void the_changes_of_one_transaction_go_in_as_few_notifications_as_fit_under_8000_bytes() {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            changes.add(i % 10 == 0 ? Change.finished(UUID.randomUUID().toString())
                    : Change.attempt(UUID.randomUUID().toString()));
        }

        List<String> payloads = ChangeNotifications.payloads(STORE, changes);

        assertThat(payloads).hasSize((int) Math.ceil(1_000 * 38.0 / (7_999 - 36)));
        assertThat(payloads).allSatisfy(payload -> {
            assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThan(8_000);
            assertThat(payload).startsWith(STORE + " ");
        });
        List<Change> heard = payloads.stream()
                .flatMap(payload -> Arrays.stream(payload.split(" ")).skip(1))
                .map(word -> Change.ofWord(word).orElseThrow())
                .toList();
        assertThat(heard).isEqualTo(changes);
        assertThat(ChangeNotifications.payloads(STORE, List.of())).isEmpty();
        assertThat(ChangeNotifications.payloads(STORE, List.of(Change.quiz("q")))).containsExactly(STORE + " qq");
    }
}
