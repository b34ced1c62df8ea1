package dev.rapport.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HoneymoonTest {
    static final LocalDate SIGNED = LocalDate.of(2026, 6, 1);

    static Honeymoon.WeightedTouch touch(int dayOffset, int weight) {
        return new Honeymoon.WeightedTouch(SIGNED.plusDays(dayOffset), weight);
    }

    @Test
    void flagsADropBelowHalfTheRateBeforeSigning() {
        List<Honeymoon.WeightedTouch> touches = new ArrayList<>();
        for (int d = -90; d < 0; d += 5) {
            touches.add(touch(d, 1)); // 18 weight in 90 days: 6.0 per 30 days
        }
        touches.add(touch(40, 3)); // 3 weight in the 90-day after window: 1.0 per 30 days
        var rates = Honeymoon.evaluate(SIGNED, SIGNED.plusDays(150), touches).orElseThrow();
        assertThat(rates.before()).isEqualTo(6.0);
        assertThat(rates.after()).isEqualTo(1.0);
        assertThat(rates.dropped()).isTrue();
    }

    @Test
    void nothingBeforeDayThirtyAndNeverWithoutTouchesBeforeSigning() {
        assertThat(Honeymoon.evaluate(SIGNED, SIGNED.plusDays(29), List.of(touch(-10, 5)))).isEmpty();
        assertThat(Honeymoon.evaluate(SIGNED, SIGNED.plusDays(30), List.of(touch(-10, 5)))).isPresent();
        assertThat(Honeymoon.evaluate(SIGNED, SIGNED.plusDays(200), List.of(touch(50, 5)))).isEmpty();
        // touches on the signing day and just after count in neither window
        assertThat(Honeymoon.evaluate(SIGNED, SIGNED.plusDays(60), List.of(touch(-1, 3), touch(0, 5), touch(29, 5)))
                .orElseThrow().after()).isZero();
    }

    @Test
    void whileTheWindowIsOpenTheAfterRateUsesTheDaysElapsed() {
        // day S+39: 10 days of the after window have passed; weight 5 in them is 15 per 30 days
        var rates = Honeymoon.evaluate(SIGNED, SIGNED.plusDays(39), List.of(touch(-30, 30), touch(35, 5)))
                .orElseThrow();
        assertThat(rates.after()).isEqualTo(15.0);
        assertThat(rates.before()).isEqualTo(10.0);
        assertThat(rates.dropped()).isFalse();
    }

    @Test
    void moreTouchesAfterSigningNeverCreateADrop() {
        qt().withFixedSeed(11L).withExamples(1000)
                .forAll(lists().of(integers().between(-120, 150)).ofSizeBetween(0, 30),
                        integers().between(-120, 150), integers().between(30, 200))
                .checkAssert((days, extra, todayOffset) -> {
                    List<Honeymoon.WeightedTouch> touches = new ArrayList<>();
                    days.forEach(d -> touches.add(touch(d, 1 + Math.floorMod(d, 5))));
                    LocalDate today = SIGNED.plusDays(todayOffset);
                    var before = Honeymoon.evaluate(SIGNED, today, touches);
                    List<Honeymoon.WeightedTouch> more = new ArrayList<>(touches);
                    more.add(touch(Math.max(0, extra), 3));
                    var after = Honeymoon.evaluate(SIGNED, today, more);
                    assertThat(after.isPresent()).isEqualTo(before.isPresent());
                    if (before.isPresent() && !before.get().dropped()) {
                        assertThat(after.orElseThrow().dropped()).isFalse();
                    }
                    before.ifPresent(r -> assertThat(r.dropped()).isEqualTo(r.after() < 0.5 * r.before()));
                });
    }
}
