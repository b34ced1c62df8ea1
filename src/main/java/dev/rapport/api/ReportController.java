package dev.rapport.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.rapport.api.JournalDtos.ReportDto;
import dev.rapport.attention.AttentionService;
import dev.rapport.api.JournalDtos.TeamReportDto;
import dev.rapport.journal.JournalReports;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.teams.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "The 24-hour challenge report")
class ReportController {
    private final JournalReports reports;
    private final dev.rapport.attention.AttentionService attention;
    private final dev.rapport.clients.ClientService clients;
    private final java.time.Clock clock;

    ReportController(JournalReports reports, dev.rapport.attention.AttentionService attention,
                     dev.rapport.clients.ClientService clients, java.time.Clock clock) {
        this.reports = reports;
        this.attention = attention;
        this.clients = clients;
        this.clock = clock;
    }

    record HoneymoonDto(long clientId, String name, double beforePerMonth, double afterPerMonth) {
    }

    @GetMapping("/honeymoon")
    @Operation(summary = "Clients whose attention dropped after signing (stored by the nightly job)",
            description = "team=true lists the whole team (managers and owners). Rates are weighted touches per "
                    + "30 days before signing and from day 30 after.")
    java.util.List<HoneymoonDto> honeymoon(CurrentUser user, @RequestParam(defaultValue = "false") boolean team) {
        var flags = attention.honeymoonReport(user, team);
        var byId = clients.getAll(user, flags.stream().map(AttentionService.HoneymoonFlag::clientId).toList());
        return flags.stream().filter(f -> byId.containsKey(f.clientId())).map(f -> new HoneymoonDto(
                f.clientId().value(), byId.get(f.clientId()).details().name(), JournalDtos.round(f.before()),
                JournalDtos.round(f.after()))).toList();
    }

    /** A period of local days: from/to, or the day or ISO week (Monday to Sunday) of a date (default today). */
    record Period(LocalDate from, LocalDate to) {
    }

    Period period(CurrentUser user, LocalDate from, LocalDate to, String period, LocalDate date) {
        if (from != null || to != null) {
            if (from == null || to == null) {
                throw new InvalidInputException(from == null ? "from" : "to", "give both from and to");
            }
            return new Period(from, to);
        }
        LocalDate day = date != null ? date : user.today(clock);
        return switch (period == null ? "week" : period) {
            case "day" -> new Period(day, day);
            case "week" -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(monday, monday.plusDays(6));
            }
            case "month" -> new Period(day.withDayOfMonth(1), day.withDayOfMonth(day.lengthOfMonth()));
            default -> throw new InvalidInputException("period", "must be day, week or month");
        };
    }

    @GetMapping("/challenge")
    @Operation(summary = "Your 24-hour challenge report",
            description = "Shares per category next to the study's benchmark, the three classes, customer-facing "
                    + "share, untracked time, the weekly trend and observations. Period: from+to, or period=day|week|"
                    + "month around date (default: this week).")
    ReportDto challenge(CurrentUser user,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(required = false) String period,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Period p = period(user, from, to, period, date);
        return ReportDto.of(reports.report(user, p.from(), p.to()));
    }

    @GetMapping(value = "/challenge.svg", produces = "image/svg+xml")
    @Operation(summary = "The same report as an SVG chart (your share next to the benchmark)")
    ResponseEntity<String> chart(CurrentUser user,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate to,
                                 @RequestParam(required = false) String period,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate date) {
        Period p = period(user, from, to, period, date);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml"))
                .body(ChallengeChart.svg(reports.report(user, p.from(), p.to())));
    }

    @GetMapping("/challenge/team")
    @Operation(summary = "Customer-facing time per team member (managers and owners)")
    TeamReportDto team(CurrentUser user,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(required = false) String period,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Period p = period(user, from, to, period, date);
        return TeamReportDto.of(reports.team(user, p.from(), p.to()));
    }
}
