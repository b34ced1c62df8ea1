package dev.rapport.attention;

import static dev.rapport.attention.Facts.TODAY;
import static dev.rapport.attention.Facts.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import dev.rapport.clients.CadenceFacts;
import dev.rapport.clients.CadenceOverride;
import dev.rapport.clients.Channel;
import dev.rapport.clients.ChannelWeights;
import dev.rapport.clients.Direction;
import dev.rapport.clients.Rollups;
import dev.rapport.clients.Touch;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.UserId;

/** Properties of the attention engine over random clients and touch histories (fixed seed: reproducible). */
class AttentionEnginePropertiesTest {
    private static final long SEED = 20261123L;
    private static final String[] TIERS = {"A", "B", "C"};

    /** A random touch within the last 400 days (minute resolution). */
    private static Gen<Touch> touches() {
        return integers().between(0, 400 * 24 * 60)
                .zip(integers().between(0, Channel.values().length - 1), integers().between(0, 9),
                        (minutesAgo, channel, kind) -> new Touch(0, new ClientId(1), new UserId(1),
                                Facts.day(0).minusSeconds(minutesAgo * 60L), Channel.values()[channel],
                                kind < 6 ? Direction.OUTBOUND : Direction.INBOUND, null, null, null, kind == 8,
                                kind == 9, Instant.EPOCH));
    }

    private static Gen<CadenceFacts> clients() {
        return lists().of(touches()).ofSizeBetween(0, 12)
                .zip(integers().between(0, 2), integers().between(0, 500), (history, tier, createdAgo) -> facts(
                        history, TIERS[tier], createdAgo));
    }

    private static CadenceFacts facts(List<Touch> history, String tier, int createdAgo) {
        Rollups r = Rollups.of(history, ChannelWeights.defaults());
        return new CadenceFacts(new ClientId(1), "c", tier, CadenceOverride.NONE, null,
                Facts.day(createdAgo + 400), r.lastTouchAt(), r.lastRichAt(), r.lastOutboundAt(),
                r.lastUpdateRequestAt());
    }

    private static Optional<QueueEntry> evaluate(CadenceFacts f, boolean listing) {
        return AttentionEngine.evaluate(new ClientState(f, listing, null), Facts.policy(), TODAY, ZONE);
    }

    private static int overdue(CadenceFacts f, boolean listing) {
        return evaluate(f, listing).map(QueueEntry::overdueDays).orElse(0);
    }

    @Test
    void aTouchNeverMakesAClientMoreOverdue() {
        qt().withFixedSeed(SEED).withExamples(2000)
                .forAll(lists().of(touches()).ofSizeBetween(0, 12), touches(), integers().between(0, 2),
                        booleans().all())
                .checkAssert((history, extra, tier, listing) -> {
                    CadenceFacts before = facts(history, TIERS[tier], 0);
                    List<Touch> more = new ArrayList<>(history);
                    more.add(extra);
                    CadenceFacts after = facts(more, TIERS[tier], 0);
                    assertThat(overdue(after, listing)).isLessThanOrEqualTo(overdue(before, listing));
                });
    }

    @Test
    void theCadenceRestartsFromTheLastRealTouch() {
        qt().withFixedSeed(SEED).withExamples(2000)
                .forAll(clients(), integers().between(0, 100))
                .checkAssert((f, daysAgo) -> {
                    Instant touch = Facts.day(daysAgo);
                    CadenceFacts touched = Facts.with(f, touch, f.lastRichAt(), touch, f.lastUpdateRequestAt());
                    int ideal = Facts.policy().tier(f.tier()).idealDays();
                    boolean due = evaluate(touched, false).map(e -> e.has(ReasonCode.DUE) || e.has(ReasonCode.OVERDUE))
                            .orElse(false);
                    assertThat(due).isEqualTo(daysAgo >= ideal);
                });
    }

    @Test
    void automatedTouchesNeverCount() {
        qt().withFixedSeed(SEED).withExamples(1000)
                .forAll(lists().of(touches()).ofSizeBetween(0, 12), lists().of(touches()).ofSizeBetween(1, 5))
                .checkAssert((history, noise) -> {
                    List<Touch> withBulk = new ArrayList<>(history);
                    noise.forEach(t -> withBulk.add(new Touch(0, t.clientId(), t.userId(), t.at(), t.channel(),
                            t.direction(), t.minutes(), t.note(), t.rating(), t.updateRequest(), true,
                            t.createdAt())));
                    assertThat(Rollups.of(withBulk, ChannelWeights.defaults()))
                            .isEqualTo(Rollups.of(history, ChannelWeights.defaults()));
                });
    }

    @Test
    void anActiveListingIsDueAtLeastWeekly() {
        qt().withFixedSeed(SEED).withExamples(2000)
                .forAll(clients())
                .checkAssert(f -> {
                    Instant base = f.lastTouchAt() != null ? f.lastTouchAt() : f.createdAt();
                    long days = java.time.temporal.ChronoUnit.DAYS.between(base.atZone(ZONE).toLocalDate(), TODAY);
                    Optional<QueueEntry> entry = evaluate(f, true);
                    if (days >= 7) {
                        assertThat(entry).hasValueSatisfying(e ->
                                assertThat(e.has(ReasonCode.DUE) || e.has(ReasonCode.OVERDUE)).isTrue());
                    }
                    if (days > 7) {
                        assertThat(entry).hasValueSatisfying(e -> assertThat(e.has(ReasonCode.OVERDUE)).isTrue());
                    }
                    assertThat(overdue(f, true)).isGreaterThanOrEqualTo(overdue(f, false));
                });
    }

    @Test
    void dueAndOverdueAreNeverBoth() {
        qt().withFixedSeed(SEED).withExamples(2000)
                .forAll(clients(), booleans().all())
                .checkAssert((f, listing) -> evaluate(f, listing).ifPresent(e ->
                        assertThat(e.has(ReasonCode.DUE) && e.has(ReasonCode.OVERDUE)).isFalse()));
    }

    @Test
    void rankingNeverPutsAnEntryBelowOneItEqualsOrBeats() {
        qt().withFixedSeed(SEED).withExamples(300)
                .forAll(lists().of(clients()).ofSizeBetween(2, 25))
                .checkAssert(list -> {
                    List<ClientState> states = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        CadenceFacts f = list.get(i);
                        states.add(new ClientState(new CadenceFacts(new ClientId(i), "c" + (list.size() - i),
                                f.tier(), f.cadence(), null, f.createdAt(), f.lastTouchAt(), f.lastRichAt(),
                                f.lastOutboundAt(), f.lastUpdateRequestAt()), false, null));
                    }
                    List<QueueEntry> queue = AttentionEngine.queue(states, Facts.policy(), TODAY, ZONE);
                    for (int hi = 0; hi < queue.size(); hi++) {
                        for (int lo = hi + 1; lo < queue.size(); lo++) {
                            QueueEntry above = queue.get(hi);
                            QueueEntry below = queue.get(lo);
                            assertThat(beatsOrEquals(below, above) && !beatsOrEquals(above, below))
                                    .as("%s ranked below %s", below, above).isFalse();
                        }
                    }
                    assertThat(queue).isSortedAccordingTo(Comparator.comparingInt(QueueEntry::score).reversed());
                });
    }

    private static boolean beatsOrEquals(QueueEntry a, QueueEntry b) {
        return a.overdueDays() >= b.overdueDays() && a.tierRank() >= b.tierRank()
                && a.reasons().size() >= b.reasons().size();
    }
}
