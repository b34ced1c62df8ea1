package dev.rapport.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.rapport.clients.ClientKind;
import dev.rapport.dashboard.Dashboard;
import dev.rapport.dashboard.DashboardService;
import dev.rapport.dashboard.OverdueClient;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.UserId;
import dev.rapport.teams.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/team")
@Tag(name = "Team", description = "The manager dashboard: every member's figures, the team's totals and trend")
class DashboardController {
    private final DashboardService dashboard;

    DashboardController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @Schema(description = "Clients of one kind: touches and late signals (inbound update requests) in the period; "
            + "clients overdue, due (not yet overdue) and with a stored honeymoon flag today")
    record ClientFiguresDto(int touches, int lateSignals, int overdue, int due, int honeymoonFlags) {
        static ClientFiguresDto of(Dashboard.ClientFigures c) {
            return new ClientFiguresDto(c.touches(), c.lateSignals(), c.overdue(), c.due(), c.honeymoonFlags());
        }
    }

    @Schema(description = "Shares are percentages of logged time (null when nothing was logged); keptRate is kept / "
            + "(kept + broken) over promises due in the period (null when none); sustainabilityRatio is required plan "
            + "hours / client-facing capacity per month (> 1 is unsustainable; null when plans need time and there "
            + "is no capacity)")
    record FiguresDto(double loggedMinutes, Double customerFacingShare, Double contributesShare,
                      ClientFiguresDto external, ClientFiguresDto internal, long promisesKept, long promisesBroken,
                      Double keptRate, double requiredHours, double capacityHours, Double sustainabilityRatio) {
        static FiguresDto of(Dashboard.Figures f) {
            return new FiguresDto(round(f.loggedSeconds() / 60.0), round(f.customerFacingShare()),
                    round(f.contributesShare()), ClientFiguresDto.of(f.external()), ClientFiguresDto.of(f.internal()),
                    f.promisesKept(), f.promisesBroken(), round(f.keptRate()), round(f.requiredHours()),
                    round(f.capacityHours()), f.sustainabilityRatio() == null ? null
                            : Math.round(f.sustainabilityRatio() * 100) / 100.0);
        }
    }

    record ServedDto(int updateRequests, int clientsServed) {
    }

    @Schema(description = "The late rate of a calendar month (yyyy-MM; every month the period touches, whole): inbound "
            + "update requests / clients served (with a real touch by the member that month), in percent (null when "
            + "none was served; above 100 when clients asked more than once). The team's are the members' sums.")
    record LateRateDto(String month, int updateRequests, int clientsServed, Double rate, ServedDto external,
                       ServedDto internal) {
        static LateRateDto of(Dashboard.LateRate r) {
            return new LateRateDto(r.month().toString(), r.updateRequests(), r.served(), round(r.rate()),
                    new ServedDto(r.lateExternal(), r.servedExternal()),
                    new ServedDto(r.lateInternal(), r.servedInternal()));
        }

        static List<LateRateDto> of(List<Dashboard.LateRate> rates) {
            return rates.stream().map(LateRateDto::of).toList();
        }
    }

    record MemberDto(long userId, String name, String email, String role, FiguresDto figures, String capacitySource,
                     List<LateRateDto> lateRates, String overdueUrl) {
        static MemberDto of(Dashboard.MemberRow m) {
            return new MemberDto(m.userId().value(), m.name(), m.email(), m.role().code(), FiguresDto.of(m.figures()),
                    m.capacitySource(), LateRateDto.of(m.lateRates()),
                    "/api/v1/team/members/" + m.userId().value() + "/overdue");
        }
    }

    record ActivityDto(int touches, int lateSignals) {
        static ActivityDto of(Dashboard.Activity a) {
            return new ActivityDto(a.touches(), a.lateSignals());
        }
    }

    record WeekDto(LocalDate monday, LocalDate from, LocalDate to, double loggedMinutes, Double customerFacingShare,
                   Double contributesShare, ActivityDto external, ActivityDto internal, long promisesKept,
                   long promisesBroken, Double keptRate) {
        static WeekDto of(Dashboard.Week w) {
            return new WeekDto(w.monday(), w.from(), w.to(), round(w.loggedSeconds() / 60.0),
                    round(w.customerFacingShare()), round(w.contributesShare()), ActivityDto.of(w.external()),
                    ActivityDto.of(w.internal()), w.promisesKept(), w.promisesBroken(), round(w.keptRate()));
        }
    }

    @Schema(description = "wholeTeam is false for members and viewers: they see their own row, and the totals and "
            + "trend are theirs")
    record DashboardDto(LocalDate from, LocalDate to, LocalDate today, boolean wholeTeam, List<MemberDto> members,
                        FiguresDto team, List<LateRateDto> teamLateRates, List<WeekDto> weeks) {
        static DashboardDto of(Dashboard d) {
            return new DashboardDto(d.from(), d.to(), d.today(), d.wholeTeam(),
                    d.members().stream().map(MemberDto::of).toList(), FiguresDto.of(d.team()),
                    LateRateDto.of(d.teamLateRates()), d.weeks().stream().map(WeekDto::of).toList());
        }
    }

    record OverdueDto(long clientId, String name, String tier, String kind, LocalDate lastTouchOn, LocalDate dueOn,
                      int overdueDays, List<QueueController.ReasonDto> reasons) {
        static OverdueDto of(OverdueClient c) {
            return new OverdueDto(c.clientId().value(), c.name(), c.tier(), c.kind().code(), c.lastTouchOn(),
                    c.dueOn(), c.overdueDays(), c.reasons().stream()
                    .map(r -> new QueueController.ReasonDto(r.code().code(), r.text())).toList());
        }
    }

    @GetMapping("/dashboard")
    @Operation(summary = "The manager dashboard",
            description = "Per member over a period of local days in the team's time zone: logged time, customer-facing "
                    + "share, share that contributes to customer needs, touches and late signals, promises kept and "
                    + "broken; as of today: clients overdue and due, honeymoon flags and plan sustainability; the late "
                    + "rate of each calendar month the period touches. External "
                    + "and internal customers apart; team totals and the trend by ISO week. Period: from+to (at most "
                    + "366 days), or period=day|week|month around date (default: this month). Owners and managers see "
                    + "every member; members and viewers their own row.")
    DashboardDto dashboard(CurrentUser user,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) String period,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                           LocalDate date) {
        LocalDate[] p = period(from, to, period, date != null ? date : dashboard.today(user.teamId()));
        return DashboardDto.of(dashboard.dashboard(user, p[0], p[1]));
    }

    @GetMapping("/members/{userId}/overdue")
    @Operation(summary = "A member's overdue clients, most overdue first",
            description = "Each with the reasons the member's queue gives (snoozes do not hide them here). "
                    + "kind=external|internal narrows the list. Another team's member is 404; a member or viewer "
                    + "asking about someone else is 403.")
    PageDto<OverdueDto> overdue(CurrentUser user, @PathVariable long userId,
                                @RequestParam(required = false) @Parameter(description = "external or internal")
                                String kind,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(defaultValue = "50") int limit) {
        ClientKind k = null;
        if (kind != null && !kind.isBlank()) {
            k = ClientKind.fromCode(kind).orElseThrow(() -> new InvalidInputException("kind",
                    "must be external or internal"));
        }
        return PageDto.of(dashboard.overdue(user, new UserId(userId), k, cursor, limit), OverdueDto::of);
    }

    /** from+to, or the day, ISO week or month (the default) around a date. */
    static LocalDate[] period(LocalDate from, LocalDate to, String period, LocalDate date) {
        if (from != null || to != null) {
            if (from == null || to == null) {
                throw new InvalidInputException(from == null ? "from" : "to", "give both from and to");
            }
            return new LocalDate[] {from, to};
        }
        return switch (period == null ? "month" : period) {
            case "day" -> new LocalDate[] {date, date};
            case "week" -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new LocalDate[] {monday, monday.plusDays(6)};
            }
            case "month" -> new LocalDate[] {date.withDayOfMonth(1), date.withDayOfMonth(date.lengthOfMonth())};
            default -> throw new InvalidInputException("period", "must be day, week or month");
        };
    }

    private static double round(double v) {
        return JournalDtos.round(v);
    }

    private static Double round(Double v) {
        return v == null ? null : JournalDtos.round(v);
    }
}
