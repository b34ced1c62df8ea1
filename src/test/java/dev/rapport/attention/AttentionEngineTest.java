package dev.rapport.attention;

import static dev.rapport.attention.Facts.TODAY;
import static dev.rapport.attention.Facts.ZONE;
import static dev.rapport.attention.Facts.client;
import static dev.rapport.attention.Facts.day;
import static dev.rapport.attention.Facts.policy;
import static dev.rapport.attention.Facts.state;
import static dev.rapport.attention.Facts.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.rapport.clients.CadenceFacts;
import dev.rapport.clients.CadenceOverride;

class AttentionEngineTest {

    private static Optional<QueueEntry> evaluate(CadenceFacts f) {
        return AttentionEngine.evaluate(state(f), policy(), TODAY, ZONE);
    }

    private static List<ReasonCode> codes(CadenceFacts f) {
        return evaluate(f).map(e -> e.reasons().stream().map(Reason::code).toList()).orElse(List.of());
    }

    @Test
    void neverTouchedClientIsDueOnItsCreationDate() {
        QueueEntry entry = evaluate(client(1, "A", 0, null)).orElseThrow();
        assertThat(entry.reasons()).extracting(Reason::code).containsExactly(ReasonCode.DUE);
        assertThat(entry.reasons().get(0).text()).isEqualTo("never touched since added on 2026-11-23, tier A allows 7");
        assertThat(entry.dueOn()).isEqualTo(TODAY);
        assertThat(entry.lastTouchOn()).isNull();
    }

    @Test
    void dueOnLastTouchPlusIdealGapAndNotBefore() {
        assertThat(evaluate(client(1, "A", 100, 6))).isEmpty();
        QueueEntry entry = evaluate(client(1, "A", 100, 7)).orElseThrow();
        assertThat(entry.reasons()).extracting(Reason::code).containsExactly(ReasonCode.DUE);
        assertThat(entry.reasons().get(0).text()).isEqualTo("7 days since last touch, tier A allows 7");
        assertThat(entry.overdueDays()).isZero();
    }

    @Test
    void onTheMaximumDayOnlyDueThenOverdue() {
        assertThat(codes(client(1, "A", 100, 14))).containsExactly(ReasonCode.DUE);
        QueueEntry entry = evaluate(client(1, "A", 100, 15)).orElseThrow();
        assertThat(entry.reasons()).extracting(Reason::code).containsExactly(ReasonCode.OVERDUE);
        assertThat(entry.overdueDays()).isEqualTo(1);
        assertThat(entry.reasons().get(0).text())
                .isEqualTo("15 days since last touch, tier A allows at most 14 days — 1 day overdue");
    }

    @Test
    void richContactRuleHasItsOwnReason() {
        CadenceFacts f = with(client(1, "A", 200, 2), day(2), day(30), day(2), null);
        QueueEntry entry = evaluate(f).orElseThrow();
        assertThat(entry.reasons()).extracting(Reason::code).containsExactly(ReasonCode.RICH_CONTACT_DUE);
        assertThat(entry.reasons().get(0).text())
                .isEqualTo("no rich contact (phone, video, face to face) for 30 days, tier A wants one every 30 days");
        assertThat(codes(with(client(1, "A", 200, 2), day(2), day(29), day(2), null))).isEmpty();
        assertThat(codes(with(client(1, "C", 400, 2), day(2), null, day(2), null))).isEmpty();
    }

    @Test
    void neverRichContactCountsFromCreation() {
        CadenceFacts f = with(client(1, "B", 90, 3), day(3), null, day(3), null);
        assertThat(codes(f)).containsExactly(ReasonCode.RICH_CONTACT_DUE);
        assertThat(codes(with(client(1, "B", 89, 3), day(3), null, day(3), null))).isEmpty();
    }

    @Test
    void lateSignalUntilAnOutboundTouchStrictlyLater() {
        CadenceFacts asked = with(client(1, "C", 100, 3), day(3), null, day(10), day(3));
        QueueEntry entry = evaluate(asked).orElseThrow();
        assertThat(entry.reasons()).extracting(Reason::code).containsExactly(ReasonCode.LATE_SIGNAL);
        assertThat(entry.reasons().get(0).text()).isEqualTo("asked for an update on 2026-11-20 — you were late");

        CadenceFacts sameInstant = with(asked, day(3), null, day(3), day(3));
        assertThat(codes(sameInstant)).containsExactly(ReasonCode.LATE_SIGNAL);

        CadenceFacts answered = with(asked, day(3).plusSeconds(60), null, day(3).plusSeconds(60), day(3));
        assertThat(codes(answered)).isEmpty();
    }

    @Test
    void perClientOverrideBeatsTierPartly() {
        CadenceFacts f = Facts.withOverride(client(1, "C", 100, 5), new CadenceOverride(5, null, null));
        QueueEntry entry = evaluate(f).orElseThrow();
        assertThat(entry.reasons().get(0).text()).isEqualTo("5 days since last touch, this client's cadence allows 5");
        assertThat(entry.dueOn()).isEqualTo(TODAY);
        CadenceFacts over = Facts.withOverride(client(1, "C", 100, 91), new CadenceOverride(5, null, null));
        assertThat(codes(over)).containsExactly(ReasonCode.OVERDUE);
    }

    @Test
    void activeListingForcesAtLeastWeekly() {
        CadenceFacts f = client(1, "C", 100, 8);
        assertThat(codes(f)).isEmpty();
        QueueEntry entry = AttentionEngine.evaluate(new ClientState(f, true, null), policy(), TODAY, ZONE)
                .orElseThrow();
        assertThat(entry.reasons()).extracting(Reason::code).containsExactly(ReasonCode.OVERDUE);
        assertThat(entry.reasons().get(0).text()).contains("an active listing allows at most 7 days");
    }

    @Test
    void snoozeHidesUntilItsDateUnlessTheClientAsksAgain() {
        CadenceFacts f = client(1, "A", 100, 20);
        Snooze snooze = new Snooze(f.id(), TODAY.plusDays(1), "on holiday", day(1));
        assertThat(AttentionEngine.evaluate(new ClientState(f, false, snooze), policy(), TODAY, ZONE)).isEmpty();
        assertThat(AttentionEngine.evaluate(new ClientState(f, false, snooze), policy(), TODAY.plusDays(1), ZONE))
                .isPresent();

        CadenceFacts askedAfter = with(f, day(0), null, day(20), day(0));
        assertThat(AttentionEngine.evaluate(new ClientState(askedAfter, false, snooze), policy(), TODAY, ZONE))
                .isPresent();
        CadenceFacts askedBefore = with(f, day(2), null, day(20), day(2));
        assertThat(AttentionEngine.evaluate(new ClientState(askedBefore, false, snooze), policy(), TODAY, ZONE))
                .isEmpty();
    }

    @Test
    void datesAreTheUsersLocalDaysNotUtc() {
        // 23:30 UTC on 16 Nov is 00:30 on 17 Nov in Amsterdam: 6 local days before 23 Nov, so not yet due.
        var lateEvening = ZonedDateTime.of(2026, 11, 16, 23, 30, 0, 0, java.time.ZoneOffset.UTC).toInstant();
        CadenceFacts f = with(client(1, "A", 100, 50), lateEvening, lateEvening, lateEvening, null);
        assertThat(codes(f)).isEmpty();
        assertThat(AttentionEngine.evaluate(state(f), policy(), TODAY, java.time.ZoneOffset.UTC)).isPresent();
    }

    @Test
    void rankingPutsMoreOverdueHigherTierAndMoreReasonsFirst() {
        CadenceFacts a = client(1, "C", 300, 95);
        CadenceFacts b = client(2, "A", 100, 7);
        CadenceFacts c = with(client(3, "A", 100, 7), day(7), day(7), day(10), day(7));
        List<QueueEntry> queue = AttentionEngine.queue(List.of(state(b), state(a), state(c)), policy(), TODAY, ZONE);
        assertThat(queue).extracting(e -> e.clientId().value()).containsExactly(3L, 2L, 1L);
        assertThat(queue.get(2).overdueDays()).isEqualTo(5);
    }

    @Test
    void unknownTierFallsBackToTheLeastDemandingCadence() {
        assertThat(codes(client(1, "gone", 100, 31))).containsExactly(ReasonCode.DUE);
        assertThat(evaluate(client(1, "gone", 100, 29))).isEmpty();
    }
}
