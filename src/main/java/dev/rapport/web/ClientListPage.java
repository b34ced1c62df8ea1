package dev.rapport.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.rapport.attention.AttentionService;
import dev.rapport.attention.CadenceStatus;
import dev.rapport.attention.QueueEntry;
import dev.rapport.attention.ReasonCode;
import dev.rapport.attention.TierCadence;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientService;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.Page;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;

/** The searchable client list and the new-client form. */
@Controller
class ClientListPage {
    private final ClientService clients;
    private final AttentionService attention;
    private final AccountService accounts;
    private final Clock clock;

    ClientListPage(ClientService clients, AttentionService attention, AccountService accounts, Clock clock) {
        this.clients = clients;
        this.attention = attention;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/clients")
    String list(CurrentUser user, @ModelAttribute("filter") ClientFilter filter, Model model) {
        List<Client> found;
        String next = null;
        if (filter.overdueOnly()) {
            // "overdue" is computed, not stored: it comes from the queue, which holds the user's own clients
            found = attention.queue(user, null).entries().stream().filter(e -> e.has(ReasonCode.OVERDUE))
                    .map(QueueEntry::clientId).map(id -> clients.get(user, id)).filter(filter.matcher())
                    .sorted(filter.comparator()).toList();
        } else {
            Page<Client> page = clients.search(user, filter.query());
            found = page.items();
            next = page.nextCursor();
        }
        LocalDate today = user.today(clock);
        Map<ClientId, CadenceStatus> status = attention.cadenceStatus(user, found);
        Map<UserId, String> names = memberNames(user);
        model.addAttribute("rows", found.stream()
                .map(c -> ClientRow.of(c, names, status.get(c.id()), today, user.zone())).toList());
        model.addAttribute("nextUrl", next == null ? null : filter.url(next));
        model.addAttribute("firstUrl", Forms.blank(filter.cursor()) ? null : filter.url(null));
        String filters = filter.url(null).substring("/clients".length());
        model.addAttribute("exportCsvUrl", "/clients/export.csv" + filters);
        model.addAttribute("exportVcfUrl", "/clients/export.vcf" + filters);
        model.addAttribute("tiers", tierNames(user));
        model.addAttribute("statuses", Choices.STATUSES);
        model.addAttribute("kinds", Choices.KINDS);
        return "clients";
    }

    @GetMapping("/clients/new")
    String newClient(CurrentUser user, Model model) {
        user.requireWriter();
        List<String> tiers = tierNames(user);
        return form(user, ClientForm.blank(user.userId(), tiers.isEmpty() ? "" : tiers.get(tiers.size() - 1)),
                FieldErrors.NONE, model);
    }

    @PostMapping("/clients")
    String create(CurrentUser user, @ModelAttribute("submitted") ClientForm form, Model model,
                  RedirectAttributes redirect) {
        try {
            Client client = clients.create(user, form.toDetails(), form.sharing());
            redirect.addFlashAttribute("notice", "Added " + client.details().name() + ".");
            return "redirect:/clients/" + client.id();
        } catch (InvalidInputException e) {
            return form(user, form.withSpareRow(), FieldErrors.of(e.problems(), form::toFormField), model);
        }
    }

    String form(CurrentUser user, ClientForm form, FieldErrors errors, Model model) {
        ClientFormModel.add(model, form, errors, tierNames(user), accounts.members(user.teamId()), true);
        model.addAttribute("title", "New client");
        model.addAttribute("action", "/clients");
        model.addAttribute("cancelUrl", "/clients");
        return "client-form";
    }

    private List<String> tierNames(CurrentUser user) {
        return attention.cadences(user.teamId()).stream().map(TierCadence::tier).toList();
    }

    private Map<UserId, String> memberNames(CurrentUser user) {
        return accounts.memberNames(user.teamId());
    }
}
