package dev.rapport.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A half-open interval [start, end) of time. */
public record TimeSpan(Instant start, Instant end) {
    public TimeSpan {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a time span must end after it starts");
        }
    }

    public boolean overlaps(TimeSpan other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public long seconds() {
        return Duration.between(start, end).toSeconds();
    }

    /** The part inside the window, or null when there is none. */
    public TimeSpan clip(TimeSpan window) {
        Instant s = start.isAfter(window.start) ? start : window.start;
        Instant e = end.isBefore(window.end) ? end : window.end;
        return e.isAfter(s) ? new TimeSpan(s, e) : null;
    }

    /** "10:15–11:30" in the zone's local time, for people. */
    public String local(java.time.ZoneId zone) {
        var minutes = java.time.temporal.ChronoUnit.MINUTES;
        return start.atZone(zone).toLocalTime().truncatedTo(minutes) + "–"
                + end.atZone(zone).toLocalTime().truncatedTo(minutes);
    }

    /** Sorts and merges overlapping or touching spans into disjoint ones. */
    public static List<TimeSpan> union(List<TimeSpan> spans) {
        List<TimeSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(TimeSpan::start));
        List<TimeSpan> merged = new ArrayList<>();
        for (TimeSpan s : sorted) {
            if (!merged.isEmpty() && !s.start.isAfter(merged.get(merged.size() - 1).end)) {
                TimeSpan last = merged.remove(merged.size() - 1);
                merged.add(new TimeSpan(last.start, s.end.isAfter(last.end) ? s.end : last.end));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    /** What is left of a after removing every span in the disjoint, sorted list b. */
    public static List<TimeSpan> minus(TimeSpan a, List<TimeSpan> b) {
        List<TimeSpan> rest = new ArrayList<>();
        Instant cursor = a.start;
        for (TimeSpan cut : b) {
            if (!cut.end.isAfter(cursor) || !cut.start.isBefore(a.end)) {
                continue;
            }
            if (cut.start.isAfter(cursor)) {
                rest.add(new TimeSpan(cursor, cut.start));
            }
            if (cut.end.isAfter(cursor)) {
                cursor = cut.end;
            }
        }
        if (a.end.isAfter(cursor)) {
            rest.add(new TimeSpan(cursor, a.end));
        }
        return rest;
    }
}
