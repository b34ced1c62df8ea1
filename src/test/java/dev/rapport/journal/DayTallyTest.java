package dev.rapport.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.shared.UserId;

class DayTallyTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    static Instant at(LocalDate day, String hhmm) {
        return day.atTime(LocalTime.parse(hhmm)).atZone(ZONE).toInstant();
    }

    static JournalEntry timed(String category, LocalDate day, String from, String to, boolean contributes) {
        Instant start = at(day, from);
        Instant end = at(to.compareTo(from) > 0 ? day : day.plusDays(1), to);
        return new JournalEntry(1, new UserId(1), category, new TimeSpan(start, end), day,
                (int) ((end.getEpochSecond() - start.getEpochSecond()) / 60), null, null, List.of(), contributes, null);
    }

    static JournalEntry duration(String category, LocalDate day, int minutes) {
        return new JournalEntry(1, new UserId(1), category, null, day, minutes, null, null, List.of(), false, null);
    }

    static TimeSpan touch(LocalDate day, String from, int minutes) {
        Instant start = at(day, from);
        return new TimeSpan(start, start.plusSeconds(minutes * 60L));
    }

    @Test
    void touchTimeCountsAsClientInteractionUnlessAnEntryCoversIt() {
        var entries = List.of(timed("email", DAY, "09:00", "10:00", false));
        var touches = List.of(touch(DAY, "09:30", 60), touch(DAY, "10:15", 15), touch(DAY, "10:20", 20));
        DayTally t = DayTally.of(DAY, ZONE, entries, touches);
        // 09:30-10:00 stays email; 10:00-10:30 uncovered; 10:15-10:40 merged with it: 10:00-10:40
        assertThat(t.seconds()).isEqualTo(Map.of("email", 3600L, "client_interaction", 40 * 60L));
        assertThat(t.contributesSeconds()).isEqualTo(40 * 60L);
        assertThat(t.loggedSeconds()).isEqualTo(100 * 60L);
    }

    @Test
    void durationOnlyEntriesCoverNoTouch() {
        DayTally t = DayTally.of(DAY, ZONE, List.of(duration("email", DAY, 30)), List.of(touch(DAY, "11:00", 15)));
        assertThat(t.seconds()).isEqualTo(Map.of("email", 1800L, "client_interaction", 900L));
    }

    @Test
    void entriesCrossingMidnightAreSplitAtLocalMidnight() {
        JournalEntry late = timed("firefighting", DAY, "23:00", "01:30", false);
        assertThat(DayTally.of(DAY, ZONE, List.of(late), List.of()).seconds()).isEqualTo(Map.of("firefighting", 3600L));
        assertThat(DayTally.of(DAY.plusDays(1), ZONE, List.of(late), List.of()).seconds())
                .isEqualTo(Map.of("firefighting", 5400L));
    }

    @Test
    void daylightSavingDaysAre23And25Hours() {
        assertThat(DayTally.of(LocalDate.of(2026, 3, 29), ZONE, List.of(), List.of()).dayLengthSeconds())
                .isEqualTo(23 * 3600L);
        assertThat(DayTally.of(LocalDate.of(2026, 10, 25), ZONE, List.of(), List.of()).dayLengthSeconds())
                .isEqualTo(25 * 3600L);
        // 01:00-04:00 on the autumn day lasts four real hours (02:00-03:00 happens twice)
        LocalDate autumn = LocalDate.of(2026, 10, 25);
        JournalEntry night = timed("misc", autumn, "01:00", "04:00", false);
        assertThat(DayTally.of(autumn, ZONE, List.of(night), List.of()).seconds()).isEqualTo(Map.of("misc", 4 * 3600L));
    }
}
