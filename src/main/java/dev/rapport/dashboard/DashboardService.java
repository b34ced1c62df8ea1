package dev.rapport.dashboard;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.attention.AttentionService;
import dev.rapport.attention.CadenceStatus;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientService;
import dev.rapport.dashboard.Dashboard.Activity;
import dev.rapport.dashboard.Dashboard.ClientFigures;
import dev.rapport.dashboard.Dashboard.Figures;
import dev.rapport.dashboard.Dashboard.LateRate;
import dev.rapport.dashboard.Dashboard.MemberRow;
import dev.rapport.dashboard.Dashboard.Week;
import dev.rapport.dashboard.DashboardRepository.CadenceRow;
import dev.rapport.dashboard.DashboardRepository.DayTotals;
import dev.rapport.plans.PlanService;
import dev.rapport.promises.PromiseService;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.Page;
import dev.rapport.shared.Problems;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Member;

/**
 * The manager dashboard (issue #7). Owners and managers see every member; members and viewers see
 * their own row only (and the totals and trend are then theirs). Every figure comes from rollups
 * kept on write and from a fixed number of grouped queries, whatever the team's size: user_day
 * (time, touches, late signals), user_month (the late rate), client_cadence (due and overdue today), the stored
 * honeymoon flags, promises by due date, and the plans' load in one batch.
 */
@Service
public class DashboardService {
    public static final int MAX_DAYS = 366;

    private final DashboardRepository repo;
    private final DashboardRollups rollups;
    private final AccountService accounts;
    private final PromiseService promises;
    private final PlanService plans;
    private final ClientService clients;
    private final AttentionService attention;
    private final Clock clock;

    DashboardService(DashboardRepository repo, DashboardRollups rollups, AccountService accounts,
                     PromiseService promises, PlanService plans, ClientService clients,
                     AttentionService attention, Clock clock) {
        this.repo = repo;
        this.rollups = rollups;
        this.accounts = accounts;
        this.promises = promises;
        this.plans = plans;
        this.clients = clients;
        this.attention = attention;
        this.clock = clock;
    }

    /** Today in the team's time zone: periods, due and overdue are the team's local days. */
    public LocalDate today(TeamId team) {
        return LocalDate.now(clock.withZone(repo.teamZone(team)));
    }

    public Dashboard dashboard(CurrentUser viewer, LocalDate from, LocalDate to) {
        new Problems()
                .check(from != null, "from", "must be a date")
                .check(to != null, "to", "must be a date")
                .check(from == null || to == null || !to.isBefore(from), "to", "must not be before from")
                .check(from == null || to == null || to.toEpochDay() - from.toEpochDay() < MAX_DAYS, "to",
                        "the period can be at most " + MAX_DAYS + " days")
                .throwIfAny();
        TeamId team = viewer.teamId();
        boolean wholeTeam = viewer.role().seesTeam();
        UserId only = wholeTeam ? null : viewer.userId();
        LocalDate today = today(team);

        // the plans' capacity window (the 56 days before today) read in the same scan when it meets the period
        LocalDate capacityFrom = today.minusDays(56);
        LocalDate capacityTo = today.minusDays(1);
        boolean together = wholeTeam && !from.isAfter(capacityTo.plusDays(1)) && !to.isBefore(capacityFrom.minusDays(1));
        Map<UserId, DayTotals> period = new HashMap<>();
        Map<UserId, Double> measured = new HashMap<>();
        for (DashboardRepository.UserTotals t : repo.userTotals(team, only, from, to, together ? capacityFrom : null,
                together ? capacityTo : null)) {
            period.put(t.period().user(), t.period());
            if (t.capacityLoggedSeconds() > 0) {
                measured.put(t.period().user(), hoursPerMonth(t.capacityExternalSeconds()));
            }
        }
        if (wholeTeam && !together) {
            measured = measuredCapacity(team, capacityFrom, capacityTo);
        }
        Map<UserId, Map<ClientKind, int[]>> standing = new HashMap<>();
        repo.cadenceCounts(team, only, today).forEach(c -> counts(standing, c.owner(), c.kind(),
                new int[] {c.overdue(), c.dueOrOverdue() - c.overdue(), 0}));
        repo.honeymoonFlags(team, only).forEach(c -> counts(standing, c.owner(), c.kind(),
                new int[] {0, 0, c.count()}));
        Map<UserId, long[]> closed = new HashMap<>();
        promises.closedByUser(team, only, from, to).forEach(c -> closed.put(c.user(),
                new long[] {c.kept(), c.broken()}));
        Map<UserId, PlanService.Load> loads = wholeTeam ? plans.teamLoads(team, measured)
                : Map.of(viewer.userId(), load(plans.sustainability(viewer)));

        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        Map<UserId, Map<YearMonth, LateRate>> late = lateRates(team, only, months);

        List<MemberRow> rows = new ArrayList<>();
        Figures total = Figures.NONE;
        for (Member m : accounts.members(team)) {
            if (only != null && !m.userId().equals(only)) {
                continue;
            }
            DayTotals t = period.getOrDefault(m.userId(), DayTotals.NONE);
            Map<ClientKind, int[]> a = standing.getOrDefault(m.userId(), Map.of());
            long[] p = closed.getOrDefault(m.userId(), new long[2]);
            PlanService.Load load = loads.get(m.userId());
            Figures f = new Figures(t.loggedSeconds(), t.externalSeconds(), t.contributesSeconds(),
                    figures(t.touchesExternal(), t.lateExternal(), a.get(ClientKind.EXTERNAL)),
                    figures(t.touchesInternal(), t.lateInternal(), a.get(ClientKind.INTERNAL)), p[0], p[1],
                    load == null ? 0 : load.requiredHours(), load == null ? 0 : load.capacityHours());
            Map<YearMonth, LateRate> mine = late.getOrDefault(m.userId(), Map.of());
            rows.add(new MemberRow(m.userId(), m.displayName(), m.email(), m.role(), f,
                    load == null ? "none" : load.capacitySource(),
                    months.stream().map(month -> mine.getOrDefault(month, LateRate.none(month))).toList()));
            total = total.plus(f);
        }
        List<LateRate> teamLate = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            LateRate sum = LateRate.none(months.get(i));
            for (MemberRow r : rows) {
                sum = sum.plus(r.lateRates().get(i));
            }
            teamLate.add(sum);
        }
        return new Dashboard(from, to, today, wholeTeam, rows, total, teamLate, weeks(team, only, from, to));
    }

    /** The user_month rows of these whole months, per member. */
    private Map<UserId, Map<YearMonth, LateRate>> lateRates(TeamId team, UserId only, List<YearMonth> months) {
        Map<UserId, Map<YearMonth, LateRate>> late = new HashMap<>();
        for (var m : repo.userMonths(team, only, months.get(0).atDay(1), months.get(months.size() - 1).atDay(1))) {
            YearMonth month = YearMonth.from(m.month());
            late.computeIfAbsent(m.user(), k -> new HashMap<>()).put(month, new LateRate(month, m.servedExternal(),
                    m.servedInternal(), m.lateExternal(), m.lateInternal()));
        }
        return late;
    }

    /**
     * Client-facing hours per month over the capacity window, per member with time logged there: the
     * plans' measured capacity (as JournalReports.capacityHoursPerMonth counts it) from the rollup.
     */
    private Map<UserId, Double> measuredCapacity(TeamId team, LocalDate from, LocalDate to) {
        Map<UserId, Double> out = new HashMap<>();
        repo.userTotals(team, null, from, to, null, null).stream().filter(t -> t.period().loggedSeconds() > 0)
                .forEach(t -> out.put(t.period().user(), hoursPerMonth(t.period().externalSeconds())));
        return out;
    }

    /** Seconds over the 8-week window as hours per month: hours / 8 weeks * 52 / 12. */
    private static double hoursPerMonth(long seconds) {
        return seconds / 3600.0 / 8 * 52 / 12;
    }

    private static PlanService.Load load(dev.rapport.plans.Sustainability s) {
        return new PlanService.Load(s.requiredHours(), s.capacityHours(), s.capacitySource(), s.ratio());
    }

    /** standing per member and kind: {overdue, due, honeymoon flags}. */
    private static void counts(Map<UserId, Map<ClientKind, int[]>> into, UserId user, ClientKind kind, int[] add) {
        int[] c = into.computeIfAbsent(user, k -> new EnumMap<>(ClientKind.class))
                .computeIfAbsent(kind, k -> new int[3]);
        for (int i = 0; i < add.length; i++) {
            c[i] += add[i];
        }
    }

    private static ClientFigures figures(int touches, int late, int[] standing) {
        int[] s = standing == null ? new int[3] : standing;
        return new ClientFigures(touches, late, s[0], s[1], s[2]);
    }

    /** The period cut into ISO weeks (Monday to Sunday); the first and last may be partial. */
    private List<Week> weeks(TeamId team, UserId only, LocalDate from, LocalDate to) {
        Map<LocalDate, DayTotals> days = new HashMap<>();
        repo.dayTotals(team, only, from, to).forEach(t -> days.put(t.day(), t));
        Map<LocalDate, long[]> closed = new HashMap<>();
        promises.closedByDay(team, only, from, to).forEach(c -> closed.put(c.day(),
                new long[] {c.kept(), c.broken()}));
        List<Week> weeks = new ArrayList<>();
        LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (; !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            LocalDate first = monday.isBefore(from) ? from : monday;
            LocalDate last = monday.plusDays(6).isAfter(to) ? to : monday.plusDays(6);
            DayTotals t = DayTotals.NONE;
            long kept = 0;
            long broken = 0;
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                t = t.plus(days.getOrDefault(d, DayTotals.NONE));
                long[] p = closed.getOrDefault(d, new long[2]);
                kept += p[0];
                broken += p[1];
            }
            weeks.add(new Week(monday, first, last, t.loggedSeconds(), t.externalSeconds(), t.contributesSeconds(),
                    new Activity(t.touchesExternal(), t.lateExternal()),
                    new Activity(t.touchesInternal(), t.lateInternal()), kept, broken));
        }
        return weeks;
    }

    /**
     * A member's overdue clients, most overdue first, each with the reasons the member's queue gives;
     * kind null for both kinds. Another team's user is not found; a member or viewer asking about
     * someone else is refused.
     */
    public Page<OverdueClient> overdue(CurrentUser viewer, UserId member, ClientKind kind, String cursor, int limit) {
        accounts.reading(viewer, dev.rapport.teams.Whose.member(member));
        int size = Page.limit(limit);
        Page<CadenceRow> page = repo.overdue(viewer.teamId(), member, kind, today(viewer.teamId()), cursor, size);
        List<ClientId> ids = page.items().stream().map(CadenceRow::id).toList();
        Map<ClientId, Client> byId = clients.getAll(viewer, ids);
        List<Client> found = ids.stream().filter(byId::containsKey).map(byId::get).toList();
        Map<ClientId, CadenceStatus> status = attention.cadenceStatus(viewer, found);
        List<OverdueClient> items = found.stream().map(c -> {
            CadenceStatus s = status.get(c.id());
            LocalDate last = c.lastTouchAt() == null ? null : c.lastTouchAt().atZone(viewer.zone()).toLocalDate();
            return new OverdueClient(c.id(), c.details().name(), c.details().tier(), c.details().kind(), last,
                    s.dueOn(), s.overdueDays(), s.reasons());
        }).toList();
        return new Page<>(items, page.nextCursor());
    }

    /**
     * Recomputes a team's dashboard rollups from the raw tables: for data written around the services
     * (bulk loads, imports, a restore). Writes through the services keep them up to date by themselves.
     */
    @Transactional
    public void rebuild(TeamId team) {
        rollups.rebuild(team);
    }

    /**
     * {@link #rebuild(TeamId)} for a bulk writer that counted every touch it wrote (and wrote all of
     * the team's touches): the touches are not read back. The counts must be in the team's zone.
     */
    @Transactional
    public void rebuild(TeamId team, TouchDays touches) {
        rollups.rebuild(team, touches);
    }
}
