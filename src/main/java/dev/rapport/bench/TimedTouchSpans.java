package dev.rapport.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.rapport.clients.Touch;
import dev.rapport.journal.TimeSpan;
import dev.rapport.shared.UserId;

/**
 * The timed touches (calls, video, meetings) a bulk load wrote, per member, so that the load can
 * fold them into the day totals (journal_day) as the 24-hour report counts them, without reading
 * millions of touches back. One packed long per touch: its start in epoch seconds and its minutes.
 */
final class TimedTouchSpans {
    private static final int MINUTE_BITS = 16;
    /** A touch lasts at most a day: how far before a window a touch that reaches into it can start. */
    private static final long MAX_TOUCH_SECONDS = 24 * 3600L;

    private final Map<UserId, Spans> users = new HashMap<>();

    /** Keeps the touch if it counts as time: it has minutes and is not automated. */
    void add(Touch t) {
        if (t.minutes() != null && t.minutes() > 0 && !t.automated()) {
            if (t.minutes() >= 1 << MINUTE_BITS) {
                throw new IllegalArgumentException("a touch of " + t.minutes() + " minutes does not fit");
            }
            users.computeIfAbsent(t.userId(), u -> new Spans()).add(t.at().getEpochSecond() << MINUTE_BITS
                    | t.minutes());
        }
    }

    /** The local days the member's timed touches start or end on. */
    SortedSet<LocalDate> days(UserId user, ZoneId zone) {
        SortedSet<LocalDate> days = new TreeSet<>();
        Spans s = sorted(user);
        for (int i = 0; i < s.size; i++) {
            days.add(LocalDate.ofInstant(Instant.ofEpochSecond(start(s.packed[i])), zone));
            days.add(LocalDate.ofInstant(Instant.ofEpochSecond(end(s.packed[i]) - 1), zone));
        }
        return days;
    }

    /** The member's timed touches that overlap the window, as the report's read of them gives them. */
    List<TimeSpan> overlapping(UserId user, TimeSpan window) {
        Spans s = sorted(user);
        long from = window.start().getEpochSecond();
        long to = window.end().getEpochSecond();
        int i = Arrays.binarySearch(s.packed, 0, s.size, (from - MAX_TOUCH_SECONDS) << MINUTE_BITS);
        List<TimeSpan> spans = new ArrayList<>();
        for (i = i < 0 ? -i - 1 : i; i < s.size && start(s.packed[i]) < to; i++) {
            if (end(s.packed[i]) > from) {
                spans.add(new TimeSpan(Instant.ofEpochSecond(start(s.packed[i])),
                        Instant.ofEpochSecond(end(s.packed[i]))));
            }
        }
        return spans;
    }

    private Spans sorted(UserId user) {
        Spans s = users.getOrDefault(user, new Spans());
        if (!s.sorted) {
            Arrays.sort(s.packed, 0, s.size);
            s.sorted = true;
        }
        return s;
    }

    private static long start(long packed) {
        return packed >>> MINUTE_BITS;
    }

    private static long end(long packed) {
        return start(packed) + (packed & ((1L << MINUTE_BITS) - 1)) * 60;
    }

    /** A growable array of packed touches. */
    private static final class Spans {
        long[] packed = new long[64];
        int size;
        boolean sorted;

        void add(long p) {
            if (size == packed.length) {
                packed = Arrays.copyOf(packed, size * 2);
            }
            packed[size++] = p;
            sorted = false;
        }
    }
}
