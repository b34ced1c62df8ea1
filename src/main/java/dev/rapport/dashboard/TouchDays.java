package dev.rapport.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.rapport.clients.ClientKind;
import dev.rapport.clients.Touch;
import dev.rapport.dashboard.DashboardRepository.DayKey;
import dev.rapport.dashboard.DashboardRepository.MonthKey;
import dev.rapport.dashboard.DashboardRepository.RealTouch;
import dev.rapport.shared.ClientId;
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
 *
 * <p>The clients each user served per month (the late rate's denominator, user_month) are counted as
 * well: each client remembers the (user, month) pairs it has been touched in, a few longs per client.
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
    /** Per client, the (user, month) pairs seen: {@link #served}'s keys, packed. */
    private final Map<ClientId, ClientMonths> clients = new HashMap<>();
    private ClientId lastClient;
    private ClientMonths lastMonths;
    /** Users numbered densely, so that a (user, month) pair packs into one long. */
    private final Map<UserId, Integer> userNumbers = new HashMap<>();
    private final List<UserId> usersByNumber = new ArrayList<>();
    /** Clients served by (user number, month) packed: {external, internal}. */
    private final Map<Long, int[]> served = new HashMap<>();

    /** Counts into the days of this zone: the team's. */
    public TouchDays(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    /** Counts a touch on a client of this kind; an automated touch does not count. */
    public void add(Touch touch, ClientKind kind) {
        add(touch.clientId(), touch, kind);
    }

    /** {@link #add(Touch, ClientKind)} for a touch of this client (a bulk writer's touches need not carry it). */
    public void add(ClientId client, Touch touch, ClientKind kind) {
        if (!touch.automated()) {
            count(java.util.Objects.requireNonNull(client, "client"), touch.userId(), touch.at(), touch.lateSignal(),
                    kind);
        }
    }

    void add(RealTouch touch) {
        count(touch.client(), touch.user(), touch.at(), touch.lateSignal(), touch.kind());
    }

    private void count(ClientId client, UserId user, Instant at, boolean late, ClientKind kind) {
        if (!user.equals(lastUser)) {
            lastUser = user;
            lastDays = users.computeIfAbsent(user, u -> new Days());
        }
        // the local day, as LocalDate.ofInstant finds it, without building the date
        long day = Math.floorDiv(at.getEpochSecond() + rules.getOffset(at).getTotalSeconds(), 86_400L);
        countServed(client, user, day, kind);
        int slot = lastDays.slot(day);
        if (slot < 0) {
            DashboardRollups.add(outliers, new RealTouch(client, user, at, late, kind), zone, 1);
            return;
        }
        slot += kind == ClientKind.INTERNAL ? 1 : 0;
        lastDays.counts[slot]++;
        if (late) {
            lastDays.counts[slot + 2]++;
        }
    }

    /** The first touch of a (client, user, month) serves the client once in that month. */
    private void countServed(ClientId client, UserId user, long day, ClientKind kind) {
        if (!client.equals(lastClient)) {
            lastClient = client;
            lastMonths = clients.computeIfAbsent(client, c -> new ClientMonths());
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        long month = date.getYear() * 12L + date.getMonthValue() - 1;
        long key = (long) userNumber(user) << 32 | (month & 0xFFFF_FFFFL);
        if (lastMonths.add(key)) {
            served.computeIfAbsent(key, k -> new int[2])[kind == ClientKind.INTERNAL ? 1 : 0]++;
        }
    }

    private int userNumber(UserId user) {
        Integer n = userNumbers.get(user);
        if (n == null) {
            n = usersByNumber.size();
            userNumbers.put(user, n);
            usersByNumber.add(user);
        }
        return n;
    }

    /**
     * {servedExternal, servedInternal, lateExternal, lateInternal} by user and month, the late signals
     * summed from {@code days} (this instance's {@link #counts()}), so both halves count the same touches.
     */
    Map<MonthKey, int[]> months(Map<DayKey, int[]> days) {
        Map<MonthKey, int[]> months = new HashMap<>();
        served.forEach((key, c) -> {
            long month = key.intValue(); // the low half, with its sign
            LocalDate first = LocalDate.of((int) Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1, 1);
            int[] m = months.computeIfAbsent(new MonthKey(usersByNumber.get((int) (key >>> 32)), first),
                    k -> new int[4]);
            m[0] += c[0];
            m[1] += c[1];
        });
        days.forEach((k, c) -> {
            if (c[2] != 0 || c[3] != 0) {
                int[] m = months.computeIfAbsent(new MonthKey(k.user(), k.day().withDayOfMonth(1)), x -> new int[4]);
                m[2] += c[2];
                m[3] += c[3];
            }
        });
        return months;
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

    /** The (user, month) keys one client was touched in: a handful, so a short array, searched in order. */
    private static final class ClientMonths {
        private long[] keys = new long[4];
        private int size;

        /** False when the key was there already. */
        boolean add(long key) {
            for (int i = size - 1; i >= 0; i--) {
                if (keys[i] == key) {
                    return false;
                }
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = key;
            return true;
        }
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
