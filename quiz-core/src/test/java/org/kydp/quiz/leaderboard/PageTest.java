package org.kydp.quiz.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.error.ValidationException;

class PageTest {

    @Test
    void the_first_page_starts_at_the_top_and_the_next_follows_it() {
        assertThat(Page.first(10)).isEqualTo(Page.of(10, 0));
        assertThat(Page.first(10).next()).isEqualTo(Page.of(10, 10));
        assertThat(Page.of(10, Integer.MAX_VALUE - 3).next().offset()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void a_negative_limit_or_offset_is_refused_naming_the_field() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> Page.of(-1, 0)).errors())
                .extracting(FieldError::field).containsExactly("limit");
        assertThat(catchThrowableOfType(ValidationException.class, () -> Page.first(-5)).errors())
                .extracting(FieldError::field).containsExactly("limit");
        assertThat(catchThrowableOfType(ValidationException.class, () -> Page.of(10, -1)).errors())
                .extracting(FieldError::field).containsExactly("offset");
    }

    @Test
    void a_limit_of_zero_reads_only_the_total() {
        assertThat(Page.first(0).limit()).isZero();
    }
}
