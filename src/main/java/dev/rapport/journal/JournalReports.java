package dev.rapport.journal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.clients.ClientService;
import dev.rapport.shared.Problems;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Member;
import dev.rapport.teams.Role;

/** The 24-hour challenge report, the day view with its gaps, the team view and challenge mode. */
@Service
public class JournalReports {
    /** Gaps are looked for inside these working hours, and only when at least this long. */
    static final LocalTime WORK_START = LocalTime.of(8, 0);
    static final LocalTime WORK_END = LocalTime.of(18, 0);
    static final long MIN_GAP_SECONDS = 30 * 60;

    private final JournalRepository repo;
    private final JournalService journal;
    private final ClientService clients;
    private final AccountService accounts;

    JournalReports(JournalRepository repo, JournalService journal, ClientService clients, AccountService accounts) {
        this.repo = repo;
        this.journal = journal;
        this.clients = clients;
        this.accounts = accounts;
    }

    public ChallengeReport report(CurrentUser user, LocalDate from, LocalDate to) {
        JournalService.checkRange(from, to, 366);
        return ChallengeReport.build(from, to, user.today(journal.clock()), user.zone(), repo.categories(user.teamId()),
                repo.categoryTotals(user.teamId(), user.userId(), from, to),
                repo.dayTotals(user.teamId(), user.userId(), from, to));
    }

    /**
     * Client-facing hours per month over the 56 days before today, as the challenge report counts
     * them (hours / 8 weeks * 52 / 12); empty when nothing was logged and no touch had a duration.
     */
    public java.util.OptionalDouble capacityHoursPerMonth(CurrentUser user) {
        LocalDate today = user.today(journal.clock());
        long[] r = repo.customerFacing(user.teamId(), user.userId(), today.minusDays(56), today.minusDays(1));
        return r[0] == 0 ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(r[1] / 3600.0 / 8 * 52 / 12);
    }

    /** When the user logged time with a client (timed entries), for plan adherence. */
    public List<Instant> clientEntryStarts(CurrentUser user, dev.rapport.shared.ClientId client, Instant since) {
        return repo.clientEntryStarts(user.teamId(), user.userId(), client, since);
    }

    /** One day as the user lived it: entries, where the time went, and unlogged gaps. */
    public record DayView(LocalDate date, List<JournalEntry> entries, DayTally tally, List<TimeSpan> gaps) {
    }

    public DayView day(CurrentUser user, LocalDate date) {
        LocalDate day = date != null ? Problems.requirePlausible(date, "date") : user.today(journal.clock());
        TimeSpan window = DayTally.window(day, user.zone());
        List<JournalEntry> entries = repo.entries(user.teamId(), user.userId(), window, day, day);
        List<TimeSpan> touches = touches(user, window);
        return new DayView(day, entries, DayTally.of(day, user.zone(), entries, touches),
                gaps(day, user.zone(), entries, touches, journal.clock().instant()));
    }

    private List<TimeSpan> touches(CurrentUser user, TimeSpan window) {
        return clients.timedTouches(user.teamId(), user.userId(), window.start(), window.end()).stream()
                .map(t -> new TimeSpan(t.at(), t.at().plusSeconds(t.minutes() * 60L))).toList();
    }

    /** Unlogged stretches of at least 30 minutes in working hours, up to now. */
    static List<TimeSpan> gaps(LocalDate day, ZoneId zone, List<JournalEntry> entries, List<TimeSpan> touches,
                               Instant now) {
        Instant start = day.atTime(WORK_START).atZone(zone).toInstant();
        Instant end = day.atTime(WORK_END).atZone(zone).toInstant();
        if (now.isBefore(end)) {
            end = now;
        }
        if (!end.isAfter(start)) {
            return List.of();
        }
        List<TimeSpan> busy = new ArrayList<>(touches);
        entries.stream().filter(JournalEntry::timed).forEach(e -> busy.add(e.span()));
        return TimeSpan.minus(new TimeSpan(start, end), TimeSpan.union(busy)).stream()
                .filter(g -> g.seconds() >= MIN_GAP_SECONDS).toList();
    }

    // ---- team ----------------------------------------------------------------------------------

    public record MemberRow(UserId userId, String name, Role role, double loggedMinutes, double customerFacingShare,
                            double contributesShare, double firefightingShare, double internalShare) {
    }

    public record TeamReport(LocalDate from, LocalDate to, List<MemberRow> members, double loggedMinutes,
                             double customerFacingShare, double contributesShare) {
    }

    /** Customer-facing share per member (seed 003: managers drift internal); managers and owners only. */
    public TeamReport team(CurrentUser user, LocalDate from, LocalDate to) {
        if (!user.role().seesTeam()) {
            throw new AccessDeniedException("only managers and owners see the team's time");
        }
        JournalService.checkRange(from, to, 366);
        Map<String, CategoryClass> classes = new HashMap<>();
        repo.categories(user.teamId()).forEach(c -> classes.put(c.code(), c.categoryClass()));
        // per member: logged, contributing, external connection, firefighting seconds
        Map<UserId, long[]> sums = new HashMap<>();
        for (JournalRepository.UserCategoryTotal t : repo.teamTotals(user.teamId(), from, to)) {
            long[] s = sums.computeIfAbsent(t.user(), k -> new long[4]);
            s[0] += t.seconds();
            s[1] += t.contributesSeconds();
            CategoryClass cls = classes.getOrDefault(t.category(), CategoryClass.INTERNAL);
            if (cls == CategoryClass.EXTERNAL_CONNECTION) {
                s[2] += t.seconds();
            } else if (cls == CategoryClass.FIREFIGHTING) {
                s[3] += t.seconds();
            }
        }
        List<MemberRow> rows = new ArrayList<>();
        long[] total = new long[4];
        for (Member m : accounts.members(user.teamId())) {
            long[] s = sums.getOrDefault(m.userId(), new long[4]);
            for (int i = 0; i < 4; i++) {
                total[i] += s[i];
            }
            rows.add(new MemberRow(m.userId(), m.displayName(), m.role(), s[0] / 60.0,
                    ChallengeReport.share(s[2], s[0]), ChallengeReport.share(s[1], s[0]),
                    ChallengeReport.share(s[3], s[0]), ChallengeReport.share(s[0] - s[2] - s[3], s[0])));
        }
        return new TeamReport(from, to, rows, total[0] / 60.0, ChallengeReport.share(total[2], total[0]),
                ChallengeReport.share(total[1], total[0]));
    }

    // ---- challenge mode ------------------------------------------------------------------------

    public record ChallengeStatus(Challenge challenge, boolean active, List<TimeSpan> gapsToday,
                                  ChallengeReport report) {
    }

    /** Starts a one-day ("day") challenge, or a working-week one (Monday to Friday) for the given day's week. */
    @Transactional
    public Challenge startChallenge(CurrentUser user, String kind, LocalDate start) {
        user.requireWriter();
        LocalDate today = user.today(journal.clock());
        LocalDate first = start != null ? start : today;
        new Problems()
                .check("day".equals(kind) || "week".equals(kind), "kind", "must be day or week")
                .check(!first.isBefore(today), "start", "must be today or later")
                .check(!first.isAfter(today.plusDays(JournalService.MAX_FUTURE_DAYS)), "start",
                        "must be within 31 days")
                .throwIfAny();
        LocalDate last = first;
        if ("week".equals(kind)) {
            if (first.getDayOfWeek() == DayOfWeek.SATURDAY || first.getDayOfWeek() == DayOfWeek.SUNDAY) {
                first = first.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            }
            last = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        }
        long id = repo.insertChallenge(user.teamId(), user.userId(), first, last, journal.clock().instant());
        return new Challenge(id, first, last);
    }

    /** The current or most recent challenge (ended up to a week ago), its gaps today and its report so far. */
    public Optional<ChallengeStatus> challenge(CurrentUser user) {
        LocalDate today = user.today(journal.clock());
        return repo.challenge(user.teamId(), user.userId(), today.minusDays(7)).map(c -> {
            boolean active = !today.isBefore(c.firstDay()) && !today.isAfter(c.lastDay());
            List<TimeSpan> gaps = active ? day(user, today).gaps() : List.of();
            LocalDate reportTo = today.isBefore(c.lastDay()) ? today : c.lastDay();
            ChallengeReport report = reportTo.isBefore(c.firstDay()) ? null : report(user, c.firstDay(), reportTo);
            return new ChallengeStatus(c, active, gaps, report);
        });
    }

    /** Reminders for the attention queue and digest: unlogged gaps while a challenge runs. */
    public List<String> reminders(CurrentUser user) {
        return challenge(user).filter(ChallengeStatus::active).filter(s -> !s.gapsToday().isEmpty())
                .map(s -> List.of(String.format(Locale.ROOT, "24-hour challenge: %d unlogged %s today (%s) — log "
                                + "them while you remember", s.gapsToday().size(),
                        s.gapsToday().size() == 1 ? "gap" : "gaps", String.join(", ", s.gapsToday().stream()
                                .map(g -> g.local(user.zone())).toList()))))
                .orElse(List.of());
    }
}
