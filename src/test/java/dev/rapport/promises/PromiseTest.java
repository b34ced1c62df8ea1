package dev.rapport.promises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.UserId;

class PromiseTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    final Promise open = new Promise(7, new ClientId(1), new UserId(1), "send the quote", TODAY, TODAY.plusDays(3),
            TODAY.plusDays(3), PromiseStatus.OPEN, 0, null, null, NOW);

    @Test
    void aBrokenPromiseCannotBeKeptNorAKeptOneBroken() {
        Promise broken = open.breakIt("forgot", NOW);
        assertThat(broken.status()).isEqualTo(PromiseStatus.BROKEN);
        assertThatThrownBy(() -> broken.keep(NOW)).isInstanceOf(ConflictException.class)
                .hasMessage("promise 7 is broken; it cannot be kept any more");
        Promise kept = open.keep(NOW);
        assertThatThrownBy(() -> kept.breakIt(null, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> kept.renegotiate(TODAY.plusDays(9), null, TODAY)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRenegotiatedPromiseStaysPendingUnderItsNewDate() {
        Promise moved = open.renegotiate(TODAY.plusDays(10), "waiting for the bank", TODAY);
        assertThat(moved.status()).isEqualTo(PromiseStatus.RENEGOTIATED);
        assertThat(moved.status().pending()).isTrue();
        assertThat(moved.dueOn()).isEqualTo(TODAY.plusDays(10));
        assertThat(moved.originalDueOn()).isEqualTo(TODAY.plusDays(3));
        assertThat(moved.renegotiations()).isEqualTo(1);
        assertThat(moved.keep(NOW).status()).isEqualTo(PromiseStatus.KEPT);
        assertThatThrownBy(() -> open.renegotiate(TODAY.plusDays(2), null, TODAY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dueOn");
    }

    @Test
    void brokenFromTheDayAfterTheDueDate() {
        assertThat(open.overdue(TODAY.plusDays(3))).isFalse();
        assertThat(open.overdue(TODAY.plusDays(4))).isTrue();
        assertThat(open.keep(NOW).overdue(TODAY.plusDays(4))).isFalse();
    }
}
