package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.rapport.clients.Channel;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.Direction;
import dev.rapport.clients.Touch;
import dev.rapport.shared.UserId;

class TouchDaysTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final UserId ANNA = new UserId(7);

    @Test
    void countsRealTouchesByUserLocalDayAndKindWithLateSignalsApart() {
        TouchDays days = new TouchDays(ZONE);
        // 23:30 UTC is already the next day in Amsterdam
        days.add(touch("2026-11-02T23:30:00Z", Direction.OUTBOUND, false, false), ClientKind.EXTERNAL);
        days.add(touch("2026-11-03T08:00:00Z", Direction.INBOUND, true, false), ClientKind.EXTERNAL);
        days.add(touch("2026-11-03T09:00:00Z", Direction.INBOUND, true, false), ClientKind.INTERNAL);
        days.add(touch("2026-11-03T10:00:00Z", Direction.OUTBOUND, true, false), ClientKind.INTERNAL);
        // automated touches never count
        days.add(touch("2026-11-03T11:00:00Z", Direction.OUTBOUND, false, true), ClientKind.EXTERNAL);

        Map<String, String> counted = new TreeMap<>();
        days.counts().forEach((k, c) -> counted.put(k.user().value() + " " + k.day(),
                c[0] + " ext, " + c[1] + " int, late " + c[2] + " ext, " + c[3] + " int"));
        assertThat(counted).containsExactly(Map.entry("7 " + LocalDate.of(2026, 11, 3),
                "2 ext, 2 int, late 1 ext, 1 int"));
    }

    private static Touch touch(String at, Direction direction, boolean updateRequest, boolean automated) {
        Instant when = Instant.parse(at);
        return new Touch(0, null, ANNA, when, Channel.PHONE, direction, null, null, null, updateRequest, automated,
                when);
    }

    @Test
    void aTeamsUserDaysHashApartSoTheCountsStayAFlatMap() {
        java.util.Set<Integer> hashes = new java.util.HashSet<>();
        LocalDate first = LocalDate.of(2022, 1, 1);
        for (long user = 1; user <= 500; user++) {
            for (int day = 0; day < 4 * 365; day++) {
                hashes.add(new DashboardRepository.DayKey(new UserId(user), first.plusDays(day)).hashCode());
            }
        }
        assertThat(hashes).as("distinct hashes of 730,000 keys (the record's own gave 22,345)")
                .hasSizeGreaterThan(729_000);
    }

    @Test
    void countsAsTheRollupsOwnRuleDoesWhateverTheDatesIncludingDecadesApart() {
        long now = Instant.parse("2026-12-04T12:00:00Z").getEpochSecond();
        qt().withFixedSeed(17L).withExamples(300)
                .forAll(lists().of(longs().between(0, Long.MAX_VALUE)).ofSizeBetween(0, 400))
                .checkAssert(seeds -> {
                    TouchDays days = new TouchDays(ZONE);
                    Map<DashboardRepository.DayKey, int[]> expected = new java.util.HashMap<>();
                    for (long seed : seeds) {
                        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
                        // mostly the last four years; one in ten anywhere in two centuries
                        long span = r.nextInt(10) == 0 ? 200L * 365 * 86_400 : 4L * 365 * 86_400;
                        Instant at = Instant.ofEpochSecond(now - r.nextLong(span) + (span > 1e9 ? span / 2 : 0));
                        var touch = new DashboardRepository.RealTouch(new UserId(1 + r.nextInt(3)), at,
                                r.nextBoolean(), r.nextBoolean() ? ClientKind.INTERNAL : ClientKind.EXTERNAL);
                        days.add(touch);
                        DashboardRollups.add(expected, touch, ZONE, 1);
                    }
                    Map<DashboardRepository.DayKey, List<Integer>> actual = new java.util.HashMap<>();
                    days.counts().forEach((k, c) -> actual.put(k, java.util.Arrays.stream(c).boxed().toList()));
                    Map<DashboardRepository.DayKey, List<Integer>> want = new java.util.HashMap<>();
                    expected.forEach((k, c) -> want.put(k, java.util.Arrays.stream(c).boxed().toList()));
                    assertThat(actual).isEqualTo(want);
                });
    }
}
