package dev.rapport.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.rapport.clients.ClientService;
import dev.rapport.deals.Deal;
import dev.rapport.deals.DealService;
import dev.rapport.deals.DealStatus;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Member;
import dev.rapport.teams.Whose;

/** The pipeline of your open deals by stage, the deals themselves, and completing milestones. */
@Controller
class DealsPage {
    private final DealService deals;
    private final ClientService clients;
    private final AccountService accounts;
    private final Clock clock;

    DealsPage(DealService deals, ClientService clients, AccountService accounts, Clock clock) {
        this.deals = deals;
        this.clients = clients;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The team pipeline lists this many deals, those longest without progress. */
    static final int TEAM_LIST = 100;

    record StageRow(String name, int deals, String value, String oldest, int stale) {
    }

    record Totals(int deals, String value, int stale, int listings) {
    }

    /** Your deals; owners and managers pick a member's ({@code member} = user id) or the whole team's. */
    @GetMapping("/deals")
    String list(CurrentUser user, @RequestParam(required = false) String member, Model model) {
        Instant now = clock.instant();
        Whose whose = WhoseView.parse(member, true);
        List<Deal> open = deals.list(user, whose, null, DealStatus.OPEN);
        List<DealService.Stage> stages = deals.pipeline(user, open);
        List<Member> members = accounts.members(user.teamId());
        WhoseView view = WhoseView.of(user, whose, members, true);
        model.addAttribute("whose", view);
        model.addAttribute("stages", stages.stream().map(s -> new StageRow(s.name(), s.deals(),
                Formats.amount(s.value()), Formats.days(s.oldestDays()), s.stale())).toList());
        // a member's deals oldest first; the team's longest without progress first, and only so many
        List<Deal> shown = whose.team() ? open.stream().sorted(Comparator.comparing(Deal::lastProgressAt)
                .thenComparing(Deal::id)).limit(TEAM_LIST).toList()
                : open.stream().sorted(Comparator.comparing(Deal::createdAt).thenComparing(Deal::id)).toList();
        Function<ClientId, String> names = ClientNames.of(clients, user, shown.stream().map(Deal::clientId).toList());
        Map<UserId, String> makers = Member.names(members);
        model.addAttribute("deals", shown.stream().map(d -> DealView.of(d, now, user.zone(), names,
                whose.team() ? makers.getOrDefault(d.userId(), "a former member") : null)).toList());
        model.addAttribute("notShown", open.size() - shown.size());
        model.addAttribute("totals", new Totals(open.size(), Formats.amount(stages.stream().map(DealService.Stage::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add)), stages.stream().mapToInt(DealService.Stage::stale).sum(),
                (int) open.stream().filter(Deal::activeListing).count()));
        return "deals";
    }

    @PostMapping("/deals/{id}/complete")
    String complete(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String milestone,
                    @RequestParam(defaultValue = "list") String back, RedirectAttributes redirect) {
        Deal deal = deals.get(user, id);
        try {
            Deal done = deals.complete(user, id, milestone);
            String name = deal.find(milestone.strip()).map(Deal.Milestone::name).orElse(milestone);
            redirect.addFlashAttribute("notice", done.status() == DealStatus.WON
                    ? "“" + name + "” completed: " + deal.title() + " is won. Tell the client."
                    : "“" + name + "” completed on " + deal.title() + ". Tell the client: they are in Today until "
                    + "you do.");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", sentence(e instanceof InvalidInputException invalid
                    ? invalid.problems().get(0).reason() : e.getMessage()));
        }
        return back(deal, back);
    }

    @PostMapping("/deals/{id}/lose")
    String lose(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "list") String back,
                RedirectAttributes redirect) {
        Deal deal = deals.get(user, id);
        try {
            deals.lose(user, id);
            redirect.addFlashAttribute("notice", deal.title() + " is marked as lost.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", sentence(e.getMessage()));
        }
        return back(deal, back);
    }

    private static String back(Deal deal, String back) {
        return "client".equals(back) ? "redirect:/clients/" + deal.clientId().value() + "#deal-" + deal.id()
                : "redirect:/deals";
    }

    private static String sentence(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }
}
