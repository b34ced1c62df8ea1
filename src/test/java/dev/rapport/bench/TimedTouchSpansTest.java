package dev.rapport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rapport.clients.Channel;
import dev.rapport.clients.Direction;
import dev.rapport.clients.Touch;
import dev.rapport.journal.DayTally;
import dev.rapport.journal.TimeSpan;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.UserId;

class TimedTouchSpansTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final UserId ANN = new UserId(1);
    private static final UserId BOB = new UserId(2);

    private static Touch touch(UserId user, String at, Integer minutes, boolean automated) {
        Instant t = Instant.parse(at);
        return new Touch(0, new ClientId(1), user, t, Channel.PHONE, Direction.OUTBOUND, minutes, null, null, false,
                automated, t);
    }

    private static TimeSpan span(String start, String end) {
        return new TimeSpan(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void keepsOnlyTimedTouchesThatAreNotAutomated() {
        TimedTouchSpans spans = new TimedTouchSpans();
        spans.add(touch(ANN, "2026-11-10T10:00:00Z", 30, false));
        spans.add(touch(ANN, "2026-11-10T11:00:00Z", null, false));
        spans.add(touch(ANN, "2026-11-10T12:00:00Z", 0, false));
        spans.add(touch(ANN, "2026-11-10T13:00:00Z", 20, true));
        spans.add(touch(BOB, "2026-11-10T14:00:00Z", 15, false));

        assertThat(spans.overlapping(ANN, DayTally.window(LocalDate.of(2026, 11, 10), ZONE)))
                .containsExactly(span("2026-11-10T10:00:00Z", "2026-11-10T10:30:00Z"));
        assertThat(spans.overlapping(BOB, DayTally.window(LocalDate.of(2026, 11, 10), ZONE)))
                .containsExactly(span("2026-11-10T14:00:00Z", "2026-11-10T14:15:00Z"));
        assertThat(spans.overlapping(new UserId(3), DayTally.window(LocalDate.of(2026, 11, 10), ZONE))).isEmpty();
    }

    @Test
    void aTouchOverLocalMidnightBelongsToBothDaysInStartOrder() {
        TimedTouchSpans spans = new TimedTouchSpans();
        // 23:40-00:20 in Amsterdam (UTC+1 in November), added out of order
        spans.add(touch(ANN, "2026-11-11T09:00:00Z", 10, false));
        spans.add(touch(ANN, "2026-11-10T22:40:00Z", 40, false));
        spans.add(touch(ANN, "2026-11-10T08:00:00Z", 5, false));

        assertThat(spans.days(ANN, ZONE)).containsExactly(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 11));
        assertThat(spans.overlapping(ANN, DayTally.window(LocalDate.of(2026, 11, 10), ZONE))).containsExactly(
                span("2026-11-10T08:00:00Z", "2026-11-10T08:05:00Z"),
                span("2026-11-10T22:40:00Z", "2026-11-10T23:20:00Z"));
        assertThat(spans.overlapping(ANN, DayTally.window(LocalDate.of(2026, 11, 11), ZONE))).containsExactly(
                span("2026-11-10T22:40:00Z", "2026-11-10T23:20:00Z"),
                span("2026-11-11T09:00:00Z", "2026-11-11T09:10:00Z"));
    }

    @Test
    void aTouchEndingAtTheWindowStartIsNotInIt() {
        TimedTouchSpans spans = new TimedTouchSpans();
        spans.add(touch(ANN, "2026-11-10T22:30:00Z", 30, false)); // ends at local midnight

        assertThat(spans.days(ANN, ZONE)).containsExactly(LocalDate.of(2026, 11, 10));
        assertThat(spans.overlapping(ANN, DayTally.window(LocalDate.of(2026, 11, 11), ZONE))).isEmpty();
    }

    @Test
    void refusesMinutesItCannotPack() {
        assertThatThrownBy(() -> new TimedTouchSpans().add(touch(ANN, "2026-11-10T10:00:00Z", 1 << 16, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536 minutes");
    }

    @Test
    void spansAddedAfterAReadAreSortedIn() {
        TimedTouchSpans spans = new TimedTouchSpans();
        spans.add(touch(ANN, "2026-11-10T12:00:00Z", 10, false));
        assertThat(spans.overlapping(ANN, DayTally.window(LocalDate.of(2026, 11, 10), ZONE))).hasSize(1);
        spans.add(touch(ANN, "2026-11-10T09:00:00Z", 10, false));

        assertThat(spans.overlapping(ANN, DayTally.window(LocalDate.of(2026, 11, 10), ZONE)))
                .extracting(TimeSpan::start).isSorted().hasSize(2);
        assertThat(List.copyOf(spans.days(ANN, ZONE))).containsExactly(LocalDate.of(2026, 11, 10));
    }
}
