package dev.rapport.journal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seconds of one local day by category, as the 24-hour challenge counts them (PRODUCT.md,
 * "Journal time"): entries are half-open and split at local midnight; a journal entry covers the
 * touch time it overlaps; uncovered touch time counts as client interaction that contributes to
 * customer needs; overlapping touches are merged; duration-only entries cover nothing.
 */
public record DayTally(LocalDate day, long dayLengthSeconds, Map<String, Long> seconds,
                       Map<String, Long> contributes) {

    public DayTally {
        seconds = Map.copyOf(seconds);
        contributes = Map.copyOf(contributes);
    }

    public long contributesSeconds() {
        return contributes.values().stream().mapToLong(Long::longValue).sum();
    }

    public long loggedSeconds() {
        return seconds.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The local day [midnight, next midnight) in the zone: 23, 24 or 25 hours long. */
    public static TimeSpan window(LocalDate day, ZoneId zone) {
        return new TimeSpan(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public static DayTally of(LocalDate day, ZoneId zone, List<JournalEntry> entries, List<TimeSpan> touches) {
        TimeSpan window = window(day, zone);
        Map<String, Long> seconds = new TreeMap<>();
        Map<String, Long> contributes = new TreeMap<>();
        List<TimeSpan> counted = new ArrayList<>();
        List<JournalEntry> timed = entries.stream().filter(JournalEntry::timed)
                .sorted(Comparator.comparing((JournalEntry e) -> e.span().start())).toList();
        for (JournalEntry e : timed) {
            TimeSpan inDay = e.span().clip(window);
            if (inDay == null) {
                continue;
            }
            // entries never overlap once stored; counting only the new part keeps that true for any input
            long s = TimeSpan.minus(inDay, TimeSpan.union(counted)).stream().mapToLong(TimeSpan::seconds).sum();
            counted.add(inDay);
            add(seconds, contributes, e.category(), s, e.contributes());
        }
        for (JournalEntry e : entries) {
            if (!e.timed() && e.day().equals(day)) {
                add(seconds, contributes, e.category(), e.minutes() * 60L, e.contributes());
            }
        }
        List<TimeSpan> covered = TimeSpan.union(counted);
        long touchSeconds = 0;
        for (TimeSpan t : TimeSpan.union(touches)) {
            TimeSpan inDay = t.clip(window);
            if (inDay != null) {
                touchSeconds += TimeSpan.minus(inDay, covered).stream().mapToLong(TimeSpan::seconds).sum();
            }
        }
        add(seconds, contributes, Category.CLIENT_INTERACTION, touchSeconds, true);
        seconds.values().removeIf(v -> v == 0);
        contributes.values().removeIf(v -> v == 0);
        return new DayTally(day, window.seconds(), seconds, contributes);
    }

    private static void add(Map<String, Long> seconds, Map<String, Long> contributes, String category, long s,
                            boolean contributing) {
        seconds.merge(category, s, Long::sum);
        if (contributing) {
            contributes.merge(category, s, Long::sum);
        }
    }
}
