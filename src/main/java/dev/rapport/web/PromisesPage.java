package dev.rapport.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.rapport.clients.ClientService;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseService;
import dev.rapport.promises.PromiseStatus;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Whose;

/**
 * Your pending promises, soonest due first, and your kept rate; keep, break and renegotiate, from
 * here or from a client's page ("back" says which page to return to).
 */
@Controller
class PromisesPage {
    /** The kept rate looks at promises due in the last 90 days, today included. */
    static final int RATE_DAYS = 90;
    static final int RECENTLY_CLOSED = 10;

    private final PromiseService promises;
    private final ClientService clients;
    private final ClientPage clientPage;
    private final AccountService accounts;
    private final Clock clock;

    PromisesPage(PromiseService promises, ClientService clients, ClientPage clientPage, AccountService accounts,
                 Clock clock) {
        this.promises = promises;
        this.clients = clients;
        this.accounts = accounts;
        this.clientPage = clientPage;
        this.clock = clock;
    }

    /** Kept rate as the page shows it; percent is null when nothing due in the period was kept or broken. */
    record RateView(String percent, long kept, long broken, String period) {
    }

    /** Your promises; owners and managers pick a member's ({@code member} = user id), read only. */
    @GetMapping("/promises")
    String list(CurrentUser user, @RequestParam(required = false) String member, Model model) {
        LocalDate today = user.today(clock);
        Whose whose = WhoseView.parse(member, false);
        List<Promise> pending = promises.list(user, whose, null, List.of(PromiseStatus.OPEN,
                PromiseStatus.RENEGOTIATED));
        model.addAttribute("whose", WhoseView.of(user, whose, accounts.members(user.teamId()), false));
        List<Promise> closed = promises.recentlyClosed(user, whose, RECENTLY_CLOSED);
        Function<ClientId, String> names = ClientNames.of(clients, user, java.util.stream.Stream.concat(
                pending.stream(), closed.stream()).map(Promise::clientId).toList());
        model.addAttribute("pending", PromiseView.ordered(pending).stream()
                .map(p -> PromiseView.of(p, today, user.zone(), names)).toList());
        model.addAttribute("closed", closed.stream().map(p -> PromiseView.of(p, today, user.zone(), names)).toList());
        LocalDate from = today.minusDays(RATE_DAYS - 1);
        PromiseService.KeptRate rate = promises.keptRate(user, whose, from, today);
        model.addAttribute("rate", new RateView(rate.rate() == null ? null : Math.round(rate.rate()) + "%",
                rate.kept(), rate.broken(), Formats.range(from, today)));
        model.addAttribute("overdue", pending.stream().filter(p -> p.overdue(today)).count());
        return "promises";
    }

    @PostMapping("/promises/{id}/keep")
    String keep(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "list") String back,
                RedirectAttributes redirect) {
        Promise promise = promises.get(user, id);
        try {
            promises.keep(user, id);
            redirect.addFlashAttribute("notice", "Kept: “" + promise.text() + "”.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", sentence(e.getMessage()));
        }
        return back(promise, back);
    }

    @PostMapping("/promises/{id}/break")
    String breakPromise(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "list") String back,
                        @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Promise promise = promises.get(user, id);
        try {
            promises.breakPromise(user, id, Forms.blankToNull(reason));
            redirect.addFlashAttribute("notice", "Marked as broken: “" + promise.text() + "”. Tell the client "
                    + "what happened, and agree on what comes next.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", sentence(e.getMessage()));
        }
        return back(promise, back);
    }

    @PostMapping("/promises/{id}/renegotiate")
    String renegotiate(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "list") String back,
                       @ModelAttribute("submitted") RenegotiateForm form, Model model, RedirectAttributes redirect) {
        Promise promise = promises.get(user, id);
        Promise moved;
        try {
            moved = promises.renegotiate(user, id, form.due(), Forms.blankToNull(form.reason()));
        } catch (InvalidInputException e) {
            model.addAttribute("actionFor", id);
            model.addAttribute("actionForm", form);
            model.addAttribute("actionErrors", FieldErrors.of(e.problems(), RenegotiateForm::toFormField));
            return "client".equals(back) ? clientPage.show(user, promise.clientId().value(), null, model)
                    : list(user, null, model);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", sentence(e.getMessage()));
            return back(promise, back);
        }
        redirect.addFlashAttribute("notice", "Renegotiated: “" + moved.text() + "” is now due "
                + Formats.day(moved.dueOn()) + ".");
        return back(promise, back);
    }

    private static String back(Promise promise, String back) {
        return "client".equals(back) ? "redirect:/clients/" + promise.clientId().value() + "#promises"
                : "redirect:/promises";
    }

    private static String sentence(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }
}
