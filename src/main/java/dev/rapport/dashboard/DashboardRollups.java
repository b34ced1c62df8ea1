package dev.rapport.dashboard;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.rapport.attention.AttentionEngine;
import dev.rapport.attention.AttentionPolicy;
import dev.rapport.attention.AttentionService;
import dev.rapport.attention.CadenceWindow;
import dev.rapport.attention.CadencesChanged;
import dev.rapport.clients.CadenceFacts;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientDetails;
import dev.rapport.clients.ClientSaved;
import dev.rapport.clients.ClientsCreated;
import dev.rapport.clients.ClientsSaved;
import dev.rapport.clients.ClientsTransferred;
import dev.rapport.clients.Touch;
import dev.rapport.clients.TouchesStored;
import dev.rapport.dashboard.DashboardRepository.CadenceInput;
import dev.rapport.dashboard.DashboardRepository.CadenceRow;
import dev.rapport.dashboard.DashboardRepository.RealTouch;
import dev.rapport.dashboard.DashboardRepository.DayKey;
import dev.rapport.dashboard.DashboardRepository.DayTotals;
import dev.rapport.dashboard.DashboardRepository.LockedInput;
import dev.rapport.dashboard.DashboardRepository.MonthKey;
import dev.rapport.dashboard.DashboardRepository.MonthTotals;
import dev.rapport.dashboard.DashboardRepository.TouchProbe;
import dev.rapport.deals.DealChanged;
import dev.rapport.deals.DealService;
import dev.rapport.journal.JournalDayTallied;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.RollupGate;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/**
 * Keeps the dashboard's rollups on write, in the writing transaction (the events are published
 * inside it): per user and day the logged time, touches and late signals, per user and month the
 * clients served and late signals (the late rate), and every client's cadence dates. The
 * same rules also recompute everything from the raw tables (rebuild, and the tests' reference).
 */
@Component
class DashboardRollups {
    private final DashboardRepository repo;
    private final AttentionService attention;
    private final DealService deals;
    private final RollupGate gate;
    /** Each team's zone as the last touch found it: the next touch's guess (checked, never trusted). */
    private final Map<TeamId, ZoneId> lastZones = new java.util.concurrent.ConcurrentHashMap<>();

    DashboardRollups(DashboardRepository repo, AttentionService attention, DealService deals, RollupGate gate) {
        this.repo = repo;
        this.attention = attention;
        this.deals = deals;
        this.gate = gate;
    }

    @EventListener
    void touchesStored(TouchesStored event) {
        TeamId team = event.teamId();
        ClientId client = event.clientId();
        // the month the client may be served in is known before the lock only in a guessed zone (the
        // team's last): then the lock's statement answers it, and a wrong guess costs a query of its own
        ZoneId guess = lastZones.get(team);
        Map<MonthKey, Integer> guessed = guess == null ? Map.of() : realByMonth(event, guess);
        MonthKey probed = guessed.keySet().stream().findFirst().orElse(null);
        TouchProbe probe = probed == null ? null : probe(probed, guessed.get(probed), guess);
        Optional<LockedInput> locked = refresh(team, client, probe);
        if (locked.isEmpty()) {
            return;
        }
        ZoneId zone = locked.get().teamZone();
        lastZones.put(team, zone);
        ClientKind kind = locked.get().input().kind();
        Map<DayKey, int[]> deltas = new HashMap<>();
        Map<MonthKey, int[]> months = new HashMap<>();
        for (Touch t : event.touches()) {
            if (!t.automated()) {
                RealTouch real = new RealTouch(client, t.userId(), t.at(), t.lateSignal(), kind);
                add(deltas, real, zone, 1);
                addLate(months, real, zone, 1);
            }
        }
        repo.addTouches(team, deltas);
        // the client is served in a month when these are the user's only real touches with it there; the
        // client's row lock, held since before the touches were written, keeps a concurrent first touch
        // from counting it twice
        realByMonth(event, zone).forEach((k, n) -> {
            TouchProbe p = probe(k, n, zone);
            int count = zone.equals(guess) && k.equals(probed) ? locked.get().probed()
                    : repo.realTouchCount(team, client, k.user(), p.from(), p.to(), p.atMost());
            if (count == n) {
                months.computeIfAbsent(k, x -> new int[4])[kind == ClientKind.INTERNAL ? 1 : 0]++;
            }
        });
        repo.addMonths(team, months);
    }

    /** The event's real touches per user and month of this zone, in the order they come. */
    private static Map<MonthKey, Integer> realByMonth(TouchesStored event, ZoneId zone) {
        Map<MonthKey, Integer> byMonth = new java.util.LinkedHashMap<>();
        for (Touch t : event.touches()) {
            if (!t.automated()) {
                byMonth.merge(monthKey(t.userId(), t.at(), zone), 1, Integer::sum);
            }
        }
        return byMonth;
    }

    /** Counts the user's real touches in the month up to one more than the event's n: enough to tell n from more. */
    private static TouchProbe probe(MonthKey k, int n, ZoneId zone) {
        return new TouchProbe(k.user(), k.month().atStartOfDay(zone).toInstant(),
                k.month().plusMonths(1).atStartOfDay(zone).toInstant(), n + 1);
    }

    @EventListener
    void journalDayTallied(JournalDayTallied e) {
        repo.setTime(e.teamId(), new DayKey(e.userId(), e.day()), e.loggedSeconds(), e.externalSeconds(),
                e.contributesSeconds());
    }

    @EventListener
    void clientSaved(ClientSaved event) {
        refreshAll(event.teamId(), List.of(event.clientId()));
    }

    /** New clients (an import): their rows from what they were created with, no touches, no deals yet. */
    @EventListener
    void clientsCreated(ClientsCreated event) {
        gate.share(event.teamId());
        AttentionPolicy policy = policy(event.teamId());
        ZoneId zone = repo.teamZone(event.teamId());
        List<CadenceRow> rows = new ArrayList<>();
        for (int i = 0; i < event.ids().size(); i++) {
            ClientDetails d = event.details().get(i);
            rows.add(row(new CadenceInput(event.ids().get(i), d.ownerId(), d.kind(), false, d.tier(), d.cadence(),
                    event.createdAt(), null), policy, false, zone));
        }
        repo.insertCadences(event.teamId(), rows);
    }

    @EventListener
    void clientsSaved(ClientsSaved event) {
        refreshAll(event.teamId(), event.clientIds());
    }

    @EventListener
    void clientsTransferred(ClientsTransferred event) {
        refreshAll(event.teamId(), event.clients());
    }

    /**
     * Recomputes these clients' cadence rows in a few batched statements, and moves their counted
     * touches when a client's kind changed. The caller's transaction has written these clients' rows,
     * so it holds their locks: no second writer can interleave.
     */
    private void refreshAll(TeamId team, List<ClientId> clients) {
        if (clients.isEmpty()) {
            return;
        }
        gate.share(team);
        Map<ClientId, ClientKind> before = new HashMap<>();
        repo.cadences(team, clients).forEach(r -> before.put(r.id(), r.kind()));
        AttentionPolicy policy = policy(team);
        ZoneId zone = repo.teamZone(team);
        Set<ClientId> listings = deals.activeListings(team, clients.size() == 1 ? clients : null);
        List<CadenceRow> rows = new ArrayList<>();
        for (CadenceInput in : repo.cadenceInputs(team, clients)) {
            rows.add(row(in, policy, listings.contains(in.id()), zone));
        }
        repo.saveCadences(team, rows);
        for (CadenceRow r : rows) {
            ClientKind old = before.get(r.id());
            if (old != null && old != r.kind()) {
                moveKind(team, r.id(), old);
            }
        }
    }

    @EventListener
    void dealChanged(DealChanged event) {
        refresh(event.teamId(), event.clientId(), null);
    }

    @EventListener
    void cadencesChanged(CadencesChanged event) {
        // no client's writer between this read and the replacement: a row written meanwhile would be lost
        gate.lock(event.teamId());
        repo.replaceCadences(event.teamId(), rawCadences(event.teamId()));
    }

    /** Recomputes one client's cadence dates, holding its row lock so concurrent writers queue up. */
    private Optional<LockedInput> refresh(TeamId team, ClientId client, TouchProbe probe) {
        gate.share(team);
        Optional<LockedInput> locked = repo.lockCadenceInput(team, client, probe);
        locked.ifPresent(l -> {
            boolean listed = !deals.activeListings(team, List.of(client)).isEmpty();
            repo.saveCadence(team, row(l.input(), policy(team), listed, l.teamZone()));
        });
        return locked;
    }

    /** The client's touches (and months served) were counted under its old kind: move them to the new one. */
    private void moveKind(TeamId team, ClientId client, ClientKind old) {
        ZoneId zone = repo.teamZone(team);
        Map<DayKey, int[]> deltas = new HashMap<>();
        Map<MonthKey, int[]> months = new HashMap<>();
        Set<MonthKey> served = new java.util.HashSet<>();
        for (RealTouch t : repo.realTouches(team, client)) {
            RealTouch before = new RealTouch(t.client(), t.user(), t.at(), t.lateSignal(), old);
            add(deltas, t, zone, 1);
            add(deltas, before, zone, -1);
            addLate(months, t, zone, 1);
            addLate(months, before, zone, -1);
            MonthKey k = monthKey(t, zone);
            if (served.add(k)) {
                int[] m = months.computeIfAbsent(k, x -> new int[4]);
                m[t.kind() == ClientKind.INTERNAL ? 1 : 0]++;
                m[old == ClientKind.INTERNAL ? 1 : 0]--;
            }
        }
        repo.addTouches(team, deltas);
        repo.addMonths(team, months);
    }

    static MonthKey monthKey(RealTouch t, ZoneId zone) {
        return monthKey(t.user(), t.at(), zone);
    }

    private static MonthKey monthKey(UserId user, java.time.Instant at, ZoneId zone) {
        return new MonthKey(user, at.atZone(zone).toLocalDate().withDayOfMonth(1));
    }

    /** Counts a late signal into {servedExt, servedInt, lateExt, lateInt} of its month. */
    private static void addLate(Map<MonthKey, int[]> months, RealTouch t, ZoneId zone, int sign) {
        if (t.lateSignal()) {
            months.computeIfAbsent(monthKey(t, zone), k -> new int[4])[t.kind() == ClientKind.INTERNAL ? 3 : 2]
                    += sign;
        }
    }

    /** Counts a touch into {touchesExternal, touchesInternal, lateExternal, lateInternal} of its day. */
    static void add(Map<DayKey, int[]> counts, RealTouch t, ZoneId zone, int sign) {
        int[] c = counts.computeIfAbsent(new DayKey(t.user(), t.at().atZone(zone).toLocalDate()), k -> new int[4]);
        int kind = t.kind() == ClientKind.INTERNAL ? 1 : 0;
        c[kind] += sign;
        c[2 + kind] += t.lateSignal() ? sign : 0;
    }

    private AttentionPolicy policy(TeamId team) {
        return AttentionPolicy.of(attention.cadences(team), "");
    }

    /** The queue's rule (AttentionEngine.window) for the client's owner, in the team's zone. */
    static CadenceRow row(CadenceInput in, AttentionPolicy policy, boolean activeListing, ZoneId zone) {
        CadenceFacts facts = new CadenceFacts(in.id(), "", in.tier(), in.override(), null, in.createdAt(),
                in.lastTouchAt(), null, null, null);
        CadenceWindow w = AttentionEngine.window(facts, policy, activeListing, zone);
        return new CadenceRow(in.id(), in.owner(), in.kind(), in.archived(), w.dueOn(), w.overdueAfter());
    }

    // ---- recomputation from the raw tables --------------------------------------------------------

    /** Every client's cadence row as the raw client and deal tables say it should be. */
    List<CadenceRow> rawCadences(TeamId team) {
        AttentionPolicy policy = policy(team);
        ZoneId zone = repo.teamZone(team);
        Set<ClientId> listings = deals.activeListings(team, null);
        List<CadenceRow> rows = new ArrayList<>();
        repo.forEachCadenceInput(team, in -> rows.add(row(in, policy, listings.contains(in.id()), zone)));
        return rows;
    }

    /** user_day as journal_day and the raw touches say it should be (no empty rows), by user and day. */
    List<DayTotals> rawUserDays(TeamId team) {
        return userDays(team, rawTouchDays(team).counts());
    }

    /** user_month as the raw touches say it should be, by user and month. */
    List<MonthTotals> rawUserMonths(TeamId team) {
        TouchDays touches = rawTouchDays(team);
        return userMonths(touches.months(touches.counts()));
    }

    private static List<MonthTotals> userMonths(Map<MonthKey, int[]> months) {
        return months.entrySet().stream()
                .map(e -> new MonthTotals(e.getKey().user(), e.getKey().month(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2], e.getValue()[3]))
                .sorted(java.util.Comparator.comparingLong((MonthTotals m) -> m.user().value())
                        .thenComparing(MonthTotals::month))
                .toList();
    }

    private TouchDays rawTouchDays(TeamId team) {
        TouchDays touches = new TouchDays(repo.teamZone(team));
        repo.forEachRealTouch(team, touches::add);
        return touches;
    }

    /** user_day from journal_day and touches already counted by day. */
    private List<DayTotals> userDays(TeamId team, Map<DayKey, int[]> touchCounts) {
        Map<DayKey, DayTotals> days = new java.util.TreeMap<>(java.util.Comparator
                .comparingLong((DayKey k) -> k.user().value()).thenComparing(DayKey::day));
        repo.forEachJournalDay(team, d -> days.put(new DayKey(d.user(), d.day()), d));
        touchCounts.forEach((k, c) -> {
            DayTotals time = days.getOrDefault(k, new DayTotals(k.user(), k.day(), 0, 0, 0, 0, 0, 0, 0));
            days.put(k, new DayTotals(k.user(), k.day(), time.loggedSeconds(), time.externalSeconds(),
                    time.contributesSeconds(), c[0], c[1], c[2], c[3]));
        });
        return days.values().stream().filter(d -> d.loggedSeconds() != 0 || d.externalSeconds() != 0
                || d.contributesSeconds() != 0 || d.touchesExternal() != 0 || d.touchesInternal() != 0
                || d.lateExternal() != 0 || d.lateInternal() != 0).toList();
    }

    /** Replaces the rollups of a team with the raw recomputation (existing data, bulk loads, imports). */
    void rebuild(TeamId team) {
        lockForRebuild(team);
        replace(team, rawTouchDays(team));
    }

    /** {@link #rebuild(TeamId)} with the team's touches counted by the writer that wrote them all. */
    void rebuild(TeamId team, TouchDays touches) {
        lockForRebuild(team);
        replace(team, touches);
    }

    /**
     * Before reading, so that nothing written meanwhile is lost: the members (journal writers and timed
     * touches take their member's row first), then the gate every client's rollup writer shares (in
     * the order RollupGate gives).
     */
    private void lockForRebuild(TeamId team) {
        repo.lockMembers(team);
        gate.lock(team);
    }

    private void replace(TeamId team, TouchDays touches) {
        if (!touches.zone().equals(repo.teamZone(team))) {
            throw new IllegalArgumentException("touches counted in " + touches.zone() + ", the team's days are in "
                    + repo.teamZone(team));
        }
        repo.replaceCadences(team, rawCadences(team));
        Map<DayKey, int[]> counts = touches.counts();
        repo.replaceUserDays(team, userDays(team, counts));
        repo.replaceUserMonths(team, userMonths(touches.months(counts)));
    }
}
