package dev.rapport.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.rapport.clients.ClientKind;
import dev.rapport.dashboard.DashboardService;
import dev.rapport.dashboard.OverdueClient;
import dev.rapport.shared.Page;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Member;

/**
 * The Team page (the manager dashboard): every member's figures for a week or a month, the team's
 * totals and weekly trend, and a member's overdue clients. Members and viewers see their own row.
 */
@Controller
class TeamPage {
    private static final List<String> PERIODS = List.of("week", "month");

    private final DashboardService dashboard;
    private final AccountService accounts;

    TeamPage(DashboardService dashboard, AccountService accounts) {
        this.dashboard = dashboard;
        this.accounts = accounts;
    }

    @GetMapping("/team")
    String team(CurrentUser user, @RequestParam(required = false) String period,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                Model model) {
        LocalDate today = dashboard.today(user.teamId());
        ReportPeriod p = ReportPeriod.of(period != null && PERIODS.contains(period) ? period : "month", date != null ? date : today);
        model.addAttribute("period", p);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("team", TeamView.of(dashboard.dashboard(user, p.from(), p.to())));
        return "team";
    }

    /** One overdue client as the page lists it. */
    record OverdueRow(long id, String name, String tier, String kind, String lastTouch,
                      List<QueueView.ReasonView> reasons) {
        static OverdueRow of(OverdueClient c) {
            return new OverdueRow(c.clientId().value(), c.name(), c.tier(), c.kind().code(),
                    c.lastTouchOn() == null ? "Never touched" : "Last touch " + Formats.day(c.lastTouchOn()),
                    c.reasons().stream().map(QueueView.ReasonView::of).toList());
        }
    }

    @GetMapping("/team/members/{userId}/overdue")
    String overdue(CurrentUser user, @PathVariable long userId, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String cursor, Model model) {
        ClientKind k = kind == null ? null : ClientKind.fromCode(kind).orElse(null);
        Page<OverdueClient> page = dashboard.overdue(user, new UserId(userId), k, cursor, 25);
        Member member = accounts.members(user.teamId()).stream().filter(m -> m.userId().value() == userId)
                .findFirst().orElseThrow();
        model.addAttribute("member", member);
        model.addAttribute("memberRole", Formats.label(member.role().code()));
        model.addAttribute("kind", k == null ? "" : k.code());
        model.addAttribute("clients", page.items().stream().map(OverdueRow::of).toList());
        model.addAttribute("baseUrl", "/team/members/" + userId + "/overdue");
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("first", cursor == null);
        model.addAttribute("today", Formats.longDay(dashboard.today(user.teamId())));
        return "team-overdue";
    }
}
