package dev.rapport.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.UserId;

class DealTest {
    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    static Deal homeSale() {
        DealTemplate t = DealTemplate.homeSale();
        List<Deal.Milestone> ms = new ArrayList<>();
        for (int i = 0; i < t.milestones().size(); i++) {
            ms.add(new Deal.Milestone(i, t.milestones().get(i), null));
        }
        return new Deal(1, new ClientId(1), new UserId(1), 1, "Elm St 4", null, DealStatus.OPEN, t.listingFrom(), ms,
                T0, null, T0);
    }

    @Test
    void aMilestoneCannotCompleteTwice() {
        Deal d = homeSale().complete(0, T0.plusSeconds(60));
        assertThatThrownBy(() -> d.complete(0, T0.plusSeconds(120))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already completed");
    }

    @Test
    void aListingIsActiveFromListedUntilClosing() {
        Deal d = homeSale().complete(0, T0).complete(1, T0);
        assertThat(d.activeListing()).isFalse();
        Deal listed = d.complete(d.find("listed").orElseThrow().position(), T0);
        assertThat(listed.activeListing()).isTrue();
        assertThat(listed.stage().orElseThrow().name()).isEqualTo("listed");
        Deal closed = listed.complete(9, T0.plusSeconds(5));
        assertThat(closed.status()).isEqualTo(DealStatus.WON);
        assertThat(closed.activeListing()).isFalse();
        assertThatThrownBy(() -> closed.complete(3, T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void staleAfterFourteenDaysWithoutProgress() {
        Deal d = homeSale();
        ZoneId utc = ZoneOffset.UTC;
        assertThat(d.stale(T0.plus(Duration.ofDays(13)), utc)).isFalse();
        assertThat(d.stale(T0.plus(Duration.ofDays(14)), utc)).isTrue();
        assertThat(d.complete(0, T0.plus(Duration.ofDays(10))).stale(T0.plus(Duration.ofDays(14)), utc)).isFalse();
        assertThat(d.lose(T0).stale(T0.plus(Duration.ofDays(30)), utc)).isFalse();
        // calendar days in the user's zone, not 14 × 24 hours: a milestone at 23:00 is stale 14 dates later at 08:00
        Deal lateEvening = homeSale().complete(0, Instant.parse("2026-11-01T22:00:00Z"));
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        assertThat(lateEvening.stale(Instant.parse("2026-11-15T07:00:00Z"), amsterdam)).isTrue();
        assertThat(lateEvening.stale(Instant.parse("2026-11-14T22:59:00Z"), amsterdam)).isFalse();
    }

    @Test
    void templatesNeedDistinctMilestoneNames() {
        assertThatThrownBy(() -> DealTemplate.validate("Lease", List.of("viewing", "Viewing"), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("milestones[1]");
        assertThatThrownBy(() -> DealTemplate.validate("Lease", List.of("a", "b"), 2))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("listingFrom");
        assertThat(homeSale().find("offer")).isEmpty();
        assertThat(homeSale().find("accepted").orElseThrow().position()).isEqualTo(5);
        assertThat(homeSale().find("9").orElseThrow().name()).isEqualTo("closing");
    }
}
