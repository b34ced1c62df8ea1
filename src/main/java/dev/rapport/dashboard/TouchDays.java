package dev.rapport.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import dev.rapport.clients.ClientKind;
import dev.rapport.clients.Touch;
import dev.rapport.dashboard.DashboardRepository.DayKey;
import dev.rapport.dashboard.DashboardRepository.RealTouch;
import dev.rapport.shared.UserId;

/**
 * Touches counted per user and local day exactly as the dashboard's user_day rollup counts them
 * (real touches only, by the client's kind, late signals apart), for a writer that already walks
 * every touch (a bulk load): {@link DashboardService#rebuild(dev.rapport.shared.TeamId, TouchDays)}
 * then need not read them all back.
 *
 * <p>Ten million touches land in random days: each user's days are one array indexed by day, not
 * a map entry per user and day, so a count is an array slot near the last one, not a cache miss.
 * A day that would stretch a user's array beyond {@link #MAX_SPAN_DAYS} (a touch dated decades
 * away) is counted in a map instead, so odd dates cannot make the arrays large.
 */
public final class TouchDays {
    private static final int SLOTS = 4; // touchesExternal, touchesInternal, lateExternal, lateInternal
    /** Twenty years of days: 117 KB per user at most. */
    static final int MAX_SPAN_DAYS = 7_305;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final Map<UserId, Days> users = new HashMap<>();
    private final Map<DayKey, int[]> outliers = new HashMap<>();
    private UserId lastUser;
    private Days lastDays;

    /** Counts into the days of this zone: the team's. */
    public TouchDays(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    /** Counts a touch on a client of this kind; an automated touch does not count. */
    public void add(Touch touch, ClientKind kind) {
        if (!touch.automated()) {
            count(touch.userId(), touch.at(), touch.lateSignal(), kind);
        }
    }

    void add(RealTouch touch) {
        count(touch.user(), touch.at(), touch.lateSignal(), touch.kind());
    }

    private void count(UserId user, Instant at, boolean late, ClientKind kind) {
        if (!user.equals(lastUser)) {
            lastUser = user;
            lastDays = users.computeIfAbsent(user, u -> new Days());
        }
        // the local day, as LocalDate.ofInstant finds it, without building the date
        long day = Math.floorDiv(at.getEpochSecond() + rules.getOffset(at).getTotalSeconds(), 86_400L);
        int slot = lastDays.slot(day);
        if (slot < 0) {
            DashboardRollups.add(outliers, new RealTouch(user, at, late, kind), zone, 1);
            return;
        }
        slot += kind == ClientKind.INTERNAL ? 1 : 0;
        lastDays.counts[slot]++;
        if (late) {
            lastDays.counts[slot + 2]++;
        }
    }

    ZoneId zone() {
        return zone;
    }

    /** {touchesExternal, touchesInternal, lateExternal, lateInternal} by user and day (days with touches only). */
    Map<DayKey, int[]> counts() {
        Map<DayKey, int[]> counts = new HashMap<>(outliers);
        users.forEach((user, days) -> {
            for (int i = 0; i < days.counts.length; i += SLOTS) {
                int[] c = Arrays.copyOfRange(days.counts, i, i + SLOTS);
                if (c[0] != 0 || c[1] != 0) {
                    counts.merge(new DayKey(user, LocalDate.ofEpochDay(days.first + i / SLOTS)), c, TouchDays::sum);
                }
            }
        });
        return counts;
    }

    private static int[] sum(int[] a, int[] b) {
        int[] c = new int[SLOTS];
        Arrays.setAll(c, i -> a[i] + b[i]);
        return c;
    }

    /** One user's counts: SLOTS per day, from day {@code first} on, grown either way as days come. */
    private static final class Days {
        private long first;
        private int[] counts = new int[0];

        /** The index of the day's first slot, after growing the array to hold it; -1 beyond MAX_SPAN_DAYS. */
        int slot(long day) {
            int days = counts.length / SLOTS;
            if (days > 0 && Math.max(day, first + days - 1) - Math.min(day, first) >= MAX_SPAN_DAYS) {
                return -1;
            }
            if (days == 0) {
                first = day;
                counts = new int[16 * SLOTS];
            } else if (day < first) {
                int more = (int) Math.min(Math.max(first - day, days / 2 + 1), MAX_SPAN_DAYS - days);
                int[] grown = new int[(days + more) * SLOTS];
                System.arraycopy(counts, 0, grown, more * SLOTS, counts.length);
                counts = grown;
                first -= more;
            } else if (day - first >= days) {
                int grown = (int) Math.min(Math.max(day - first + 1, days + days / 2 + 1), MAX_SPAN_DAYS);
                counts = Arrays.copyOf(counts, grown * SLOTS);
            }
            return (int) (day - first) * SLOTS;
        }
    }
}
