package dev.rapport.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import dev.rapport.shared.UserId;

/** Properties of the report engine: no minute counted twice, shares always sum to 100%. */
class JournalPropertiesTest {
    private static final long SEED = 4242L;
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    // a window around the autumn DST change, so some days are 25 hours long
    private static final Instant BASE = LocalDate.of(2026, 10, 24).atStartOfDay(ZONE).toInstant();
    private static final String[] CATEGORIES = {"client_interaction", "email", "errands", "firefighting", "misc"};

    private static Gen<TimeSpan> spans() {
        return integers().between(0, 3 * 24 * 60).zip(integers().between(1, 600),
                (startMin, len) -> new TimeSpan(BASE.plusSeconds(startMin * 60L), BASE.plusSeconds((startMin + len) * 60L)));
    }

    private static Gen<JournalEntry> entries() {
        return spans().zip(integers().between(0, CATEGORIES.length - 1), integers().between(0, 3),
                (span, cat, kind) -> kind == 0
                        ? new JournalEntry(0, new UserId(1), CATEGORIES[cat], null,
                                LocalDate.of(2026, 10, 24).plusDays(cat % 3), 15 + cat * 10, null, null, List.of(),
                                cat % 2 == 0, null)
                        : new JournalEntry(0, new UserId(1), CATEGORIES[cat], span, null, 0, null, null, List.of(),
                                cat % 2 == 0, null));
    }

    @Test
    void noMinuteIsCountedTwice() {
        qt().withFixedSeed(SEED).withExamples(1500)
                .forAll(lists().of(entries()).ofSizeBetween(0, 10), lists().of(spans()).ofSizeBetween(0, 10),
                        integers().between(0, 3))
                .checkAssert((entries, touches, offset) -> {
                    LocalDate day = LocalDate.of(2026, 10, 24).plusDays(offset);
                    DayTally tally = DayTally.of(day, ZONE, entries, touches);
                    TimeSpan window = DayTally.window(day, ZONE);
                    List<TimeSpan> all = new ArrayList<>(touches);
                    entries.stream().filter(JournalEntry::timed).forEach(e -> all.add(e.span()));
                    long union = TimeSpan.union(all).stream().map(s -> s.clip(window)).filter(s -> s != null)
                            .mapToLong(TimeSpan::seconds).sum();
                    long durationOnly = entries.stream().filter(e -> !e.timed() && e.day().equals(day))
                            .mapToLong(e -> e.minutes() * 60L).sum();
                    assertThat(tally.loggedSeconds()).isEqualTo(union + durationOnly);
                    assertThat(tally.contributesSeconds()).isBetween(0L, tally.loggedSeconds());
                });
    }

    @Test
    void sharesSumToOneHundredPercent() {
        qt().withFixedSeed(SEED).withExamples(500)
                .forAll(lists().of(entries()).ofSizeBetween(1, 12), lists().of(spans()).ofSizeBetween(0, 6))
                .checkAssert((entries, touches) -> {
                    LocalDate from = LocalDate.of(2026, 10, 24);
                    LocalDate to = from.plusDays(3);
                    List<ChallengeReport.CategoryTotal> totals = new ArrayList<>();
                    List<ChallengeReport.DayTotal> days = new ArrayList<>();
                    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                        DayTally t = DayTally.of(d, ZONE, entries, touches);
                        t.seconds().forEach((c, s) -> totals.add(new ChallengeReport.CategoryTotal(c, s, 0)));
                        days.add(new ChallengeReport.DayTotal(d, t.loggedSeconds(), 0, 0));
                    }
                    ChallengeReport r = ChallengeReport.build(from, to, to, ZONE, Category.defaults(), totals, days);
                    if (r.loggedMinutes() > 0) {
                        assertThat(r.rows().stream().mapToDouble(ChallengeReport.Row::share).sum())
                                .isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-6));
                        assertThat(r.classes().values().stream().mapToDouble(ChallengeReport.Share::share).sum())
                                .isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-6));
                    }
                    assertThat(r.days()).hasSize(4);
                    assertThat(r.days().stream().mapToDouble(ChallengeReport.Day::loggedMinutes).sum())
                            .isCloseTo(r.loggedMinutes(), org.assertj.core.data.Offset.offset(1e-6));
                });
    }
}
