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
import dev.rapport.shared.ClientId;
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
        return new Touch(0, new ClientId(1), ANNA, when, Channel.PHONE, direction, null, null, null, updateRequest,
                automated, when);
    }

    private static <K> Map<K, List<Integer>> boxed(Map<K, int[]> counts) {
        Map<K, List<Integer>> out = new java.util.HashMap<>();
        counts.forEach((k, c) -> out.put(k, java.util.Arrays.stream(c).boxed().toList()));
        return out;
    }

    @Test
    void aClientIsServedOnceAMonthByEachUserWhateverTheOrderOfItsTouches() {
        TouchDays days = new TouchDays(ZONE);
        UserId ben = new UserId(8);
        ClientId acme = new ClientId(1);
        ClientId globex = new ClientId(2);
        days.add(touch(acme, ANNA, "2026-11-03T08:00:00Z", Direction.INBOUND, true), ClientKind.EXTERNAL);
        days.add(touch(globex, ANNA, "2026-11-04T08:00:00Z", Direction.OUTBOUND, false), ClientKind.INTERNAL);
        days.add(touch(acme, ANNA, "2026-11-20T08:00:00Z", Direction.INBOUND, true), ClientKind.EXTERNAL);
        days.add(touch(acme, ben, "2026-11-21T08:00:00Z", Direction.OUTBOUND, false), ClientKind.EXTERNAL);
        // 23:30 UTC on 30 November is already December in Amsterdam; then back to acme in November
        days.add(touch(acme, ANNA, "2026-11-30T23:30:00Z", Direction.OUTBOUND, false), ClientKind.EXTERNAL);
        days.add(touch(acme, ANNA, "2026-11-10T08:00:00Z", Direction.OUTBOUND, false), ClientKind.EXTERNAL);

        Map<String, String> months = new TreeMap<>();
        days.months(days.counts()).forEach((k, c) -> months.put(k.user().value() + " " + k.month(),
                "served " + c[0] + " ext, " + c[1] + " int, late " + c[2] + " ext, " + c[3] + " int"));
        assertThat(months).containsExactly(
                Map.entry("7 2026-11-01", "served 1 ext, 1 int, late 2 ext, 0 int"),
                Map.entry("7 2026-12-01", "served 1 ext, 0 int, late 0 ext, 0 int"),
                Map.entry("8 2026-11-01", "served 1 ext, 0 int, late 0 ext, 0 int"));
    }

    private static Touch touch(ClientId client, UserId user, String at, Direction direction, boolean updateRequest) {
        Instant when = Instant.parse(at);
        return new Touch(0, client, user, when, Channel.PHONE, direction, null, null, null, updateRequest, false, when);
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
                    Map<DashboardRepository.MonthKey, int[]> expectedMonths = new java.util.HashMap<>();
                    java.util.Set<List<Object>> served = new java.util.HashSet<>();
                    for (long seed : seeds) {
                        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
                        // mostly the last four years; one in ten anywhere in two centuries
                        long span = r.nextInt(10) == 0 ? 200L * 365 * 86_400 : 4L * 365 * 86_400;
                        Instant at = Instant.ofEpochSecond(now - r.nextLong(span) + (span > 1e9 ? span / 2 : 0));
                        // a client keeps its kind; its touches come in any order, from any of three users
                        long client = 1 + r.nextInt(8);
                        var touch = new DashboardRepository.RealTouch(new ClientId(client), new UserId(1 + r.nextInt(3)),
                                at, r.nextBoolean(), client % 2 == 0 ? ClientKind.INTERNAL : ClientKind.EXTERNAL);
                        days.add(touch);
                        DashboardRollups.add(expected, touch, ZONE, 1);
                        var month = DashboardRollups.monthKey(touch, ZONE);
                        int[] m = expectedMonths.computeIfAbsent(month, k -> new int[4]);
                        int kind = touch.kind() == ClientKind.INTERNAL ? 1 : 0;
                        m[kind] += served.add(List.of(client, month)) ? 1 : 0;
                        m[2 + kind] += touch.lateSignal() ? 1 : 0;
                    }
                    Map<DashboardRepository.DayKey, int[]> counts = days.counts();
                    assertThat(boxed(counts)).isEqualTo(boxed(expected));
                    assertThat(boxed(days.months(counts))).as("clients served and late signals by month")
                            .isEqualTo(boxed(expectedMonths));
                });
    }
}
