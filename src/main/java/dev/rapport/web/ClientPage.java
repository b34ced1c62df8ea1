package dev.rapport.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.rapport.attention.AttentionService;
import dev.rapport.attention.TierCadence;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientService;
import dev.rapport.clients.Touch;
import dev.rapport.deals.Deal;
import dev.rapport.deals.DealService;
import dev.rapport.deals.DealStatus;
import dev.rapport.deals.DealTemplate;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseService;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.Page;
import dev.rapport.shared.Problems;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;

/** One client: header, timeline, quick touch, your promises and deals, edit form, archive. */
@Controller
class ClientPage {
    static final int TIMELINE_PAGE = 20;

    private final ClientService clients;
    private final AttentionService attention;
    private final AccountService accounts;
    private final PromiseService promises;
    private final DealService deals;
    private final Clock clock;

    ClientPage(ClientService clients, AttentionService attention, AccountService accounts, PromiseService promises,
               DealService deals, Clock clock) {
        this.clients = clients;
        this.attention = attention;
        this.accounts = accounts;
        this.promises = promises;
        this.deals = deals;
        this.clock = clock;
    }

    @GetMapping("/clients/{id}")
    String show(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String cursor, Model model) {
        Client client = clients.get(user, new ClientId(id));
        Map<UserId, String> names = memberNames(user);
        var status = attention.cadenceStatus(user, List.of(client)).get(client.id());
        model.addAttribute("client", ClientView.of(client, names, status, user.today(clock), user.zone()));
        addGiveTo(user, client, model);
        model.addAttribute("honeymoon", attention.honeymoonDrop(user, client.id())
                .map(r -> String.format(java.util.Locale.ROOT, "Honeymoon drop: %.1f weighted touches a month "
                        + "before signing, %.1f after", r.before(), r.after())).orElse(null));
        model.addAttribute("snooze", attention.activeSnooze(user, client)
                .map(z -> new SnoozeView(Formats.day(z.until()), z.reason())).orElse(null));
        Page<Touch> timeline = clients.timeline(user, client.id(), Forms.blankToNull(cursor), TIMELINE_PAGE);
        model.addAttribute("touches", timeline.items().stream().map(t -> TouchView.of(t, names, user.zone()))
                .toList());
        model.addAttribute("olderCursor", timeline.nextCursor());
        model.addAttribute("laterPage", !Forms.blank(cursor));
        model.addAttribute("channels", Choices.CHANNELS);
        model.addAttribute("whoChoices", Choices.WHO);
        model.addAttribute("depthChoices", Choices.DEPTHS);
        model.addAttribute("depthHistory", depthHistory(user, client, names));
        if (!model.containsAttribute("depthForm")) {
            model.addAttribute("depthForm", new DepthForm(text(client.details().depthCurrent()),
                    text(client.details().depthTarget()), ""));
            model.addAttribute("depthErrors", FieldErrors.NONE);
        }
        if (!model.containsAttribute("touchForm")) {
            model.addAttribute("touchForm", TouchForm.blank());
            model.addAttribute("errors", FieldErrors.NONE);
        }
        addPromisesAndDeals(user, client, names, model);
        return "client";
    }

    /** The "Give to" form: for the client's owner, managers and owners; any other member who can own clients. */
    private void addGiveTo(CurrentUser user, Client client, Model model) {
        boolean canGive = user.role().canWrite() && mayManage(user, client);
        model.addAttribute("canGive", canGive);
        model.addAttribute("giveTo", !canGive ? List.of() : accounts.members(user.teamId()).stream()
                .filter(m -> m.role().canWrite() && !m.userId().equals(client.details().ownerId()))
                .map(m -> new Choices(m.userId().toString(), m.displayName())).toList());
        if (!model.containsAttribute("giveErrors")) {
            model.addAttribute("giveErrors", FieldErrors.NONE);
        }
    }

    /** Sharing and giving away belong to the client's owner, and to managers and owners of the team. */
    private static boolean mayManage(CurrentUser user, Client client) {
        return user.role().seesTeam() || client.details().ownerId().equals(user.userId());
    }

    /** Gives the client, with its history and open work, to another member. */
    @PostMapping("/clients/{id}/transfer")
    String transfer(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String ownerId,
                    Model model, RedirectAttributes redirect) {
        Client client = clients.get(user, new ClientId(id));
        Client moved;
        try {
            Problems problems = new Problems();
            Long to = Forms.optionalLong(ownerId, "ownerId", problems);
            if (to == null && problems.isEmpty()) {
                problems.add("ownerId", "choose who takes the client over");
            }
            problems.throwIfAny();
            moved = clients.transfer(user, client.id(), new UserId(to));
        } catch (InvalidInputException e) {
            model.addAttribute("giveErrors", FieldErrors.of(e.problems(), p -> "ownerId".equals(p.field()) ? p
                    : new FieldProblem(null, p.field() + " " + p.reason())));
            return show(user, id, null, model);
        }
        String owner = memberNames(user).getOrDefault(moved.details().ownerId(), "them");
        redirect.addFlashAttribute("notice", client.details().name() + " now belongs to " + owner
                + ", with their history and open work.");
        // a member who gave away a private client no longer sees it
        return clients.exists(user, client.id()) ? "redirect:/clients/" + id : "redirect:/clients";
    }

    /**
     * The team's promises to this client and deals with them (a colleague's named from {@code names},
     * the team's members), with the forms that add them.
     */
    private void addPromisesAndDeals(CurrentUser user, Client client, Map<UserId, String> names, Model model) {
        LocalDate today = user.today(clock);
        Function<ClientId, String> name = id -> client.details().name();
        model.addAttribute("promises", PromiseView.ordered(promises.onClient(user, client.id())).stream()
                .map(p -> PromiseView.of(p, today, user.zone(), name, p.userId().equals(user.userId()) ? null
                        : names.getOrDefault(p.userId(), "a former member"))).toList());
        model.addAttribute("deals", deals.onClient(user, client.id()).stream()
                .sorted(Comparator.comparing((Deal d) -> d.status() != DealStatus.OPEN)
                        .thenComparing(Deal::createdAt, Comparator.reverseOrder()))
                .map(d -> DealView.of(d, clock.instant(), user.zone(), name, d.userId().equals(user.userId()) ? null
                        : names.getOrDefault(d.userId(), "a former member"))).toList());
        List<DealTemplate> templates = deals.templates(user.teamId());
        model.addAttribute("templates", templates.stream()
                .map(t -> new Choices(Long.toString(t.id()), Formats.label(t.name()))).toList());
        if (!model.containsAttribute("promiseForm")) {
            model.addAttribute("promiseForm", PromiseForm.blank(today));
            model.addAttribute("promiseErrors", FieldErrors.NONE);
        }
        if (!model.containsAttribute("dealForm")) {
            model.addAttribute("dealForm", DealForm.blank(templates.stream()
                    .filter(t -> t.name().equals(DealTemplate.HOME_SALE)).map(DealTemplate::id).findFirst()
                    .orElse(null)));
            model.addAttribute("dealErrors", FieldErrors.NONE);
        }
    }

    @PostMapping("/clients/{id}/promises")
    String promise(CurrentUser user, @PathVariable long id, @ModelAttribute("submitted") PromiseForm form,
                   Model model, RedirectAttributes redirect) {
        user.requireWriter();
        Client client = clients.get(user, new ClientId(id));
        Promise promise;
        try {
            promise = promises.make(user, client.id(), form.text(), form.due(), null);
        } catch (InvalidInputException e) {
            model.addAttribute("promiseForm", form);
            model.addAttribute("promiseErrors", FieldErrors.of(e.problems(), PromiseForm::toFormField));
            return show(user, id, null, model);
        }
        redirect.addFlashAttribute("notice", "Promise noted: “" + promise.text() + "”, due "
                + Formats.day(promise.dueOn()) + ".");
        return "redirect:/clients/" + id + "#promises";
    }

    @PostMapping("/clients/{id}/deals")
    String deal(CurrentUser user, @PathVariable long id, @ModelAttribute("submitted") DealForm form, Model model,
                RedirectAttributes redirect) {
        user.requireWriter();
        Client client = clients.get(user, new ClientId(id));
        Deal deal;
        try {
            DealForm.Parsed parsed = form.parse();
            deal = deals.create(user, client.id(), form.title(), parsed.templateId(), parsed.value());
        } catch (InvalidInputException e) {
            model.addAttribute("dealForm", form);
            model.addAttribute("dealErrors", FieldErrors.of(e.problems(), DealForm::toFormField));
            return show(user, id, null, model);
        }
        redirect.addFlashAttribute("notice", "Deal “" + deal.title() + "” started: " + deal.milestones().size()
                + " milestones to go.");
        return "redirect:/clients/" + id + "#deal-" + deal.id();
    }

    @PostMapping("/clients/{id}/touches")
    String touch(CurrentUser user, @PathVariable long id, @ModelAttribute("submitted") TouchForm form, Model model,
                 RedirectAttributes redirect) {
        Client client = clients.get(user, new ClientId(id));
        try {
            clients.recordTouch(user, client.id(), form.toNewTouch());
        } catch (InvalidInputException e) {
            model.addAttribute("touchForm", form);
            model.addAttribute("errors", FieldErrors.of(e.problems(), TouchForm::toFormField));
            return show(user, id, null, model);
        }
        redirect.addFlashAttribute("notice", "Touch logged.");
        return "redirect:/clients/" + id;
    }

    @PostMapping("/clients/{id}/depth")
    String depth(CurrentUser user, @PathVariable long id, @ModelAttribute("submitted") DepthForm form, Model model,
                 RedirectAttributes redirect) {
        Client client = clients.get(user, new ClientId(id));
        Problems problems = new Problems();
        Integer current = Forms.optionalInt(form.current(), "current", problems);
        Integer target = Forms.optionalInt(form.target(), "target", problems);
        try {
            problems.throwIfAny();
            clients.setDepth(user, client.id(), current, target, Forms.blankToNull(form.note()));
        } catch (InvalidInputException e) {
            model.addAttribute("depthForm", form);
            model.addAttribute("depthErrors", FieldErrors.of(e.problems(), p -> switch (p.field()) {
                case "current", "target", "note" -> p;
                default -> new FieldProblem(null, p.field() + " " + p.reason());
            }));
            return show(user, id, null, model);
        }
        redirect.addFlashAttribute("notice", "Depth saved.");
        return "redirect:/clients/" + id + "#depth";
    }

    @GetMapping("/clients/{id}/edit")
    String edit(CurrentUser user, @PathVariable long id, Model model) {
        user.requireWriter();
        Client client = clients.get(user, new ClientId(id));
        return form(user, client, ClientForm.of(client), FieldErrors.NONE, model);
    }

    @PostMapping("/clients/{id}")
    String update(CurrentUser user, @PathVariable long id, @ModelAttribute("submitted") ClientForm form, Model model,
                  RedirectAttributes redirect) {
        Client client = clients.get(user, new ClientId(id));
        try {
            clients.update(user, client.id(), form.toDetails(), mayManage(user, client) ? form.sharing() : null);
        } catch (InvalidInputException e) {
            return form(user, client, form.withSpareRow(), FieldErrors.of(e.problems(), form::toFormField), model);
        }
        redirect.addFlashAttribute("notice", "Saved.");
        return "redirect:/clients/" + id;
    }

    @PostMapping("/clients/{id}/archive")
    String archive(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        Client client = clients.archive(user, new ClientId(id), true);
        redirect.addFlashAttribute("notice", client.details().name()
                + " is archived: off the queue and out of the client list. You can bring them back here.");
        return "redirect:/clients/" + id;
    }

    @PostMapping("/clients/{id}/unarchive")
    String unarchive(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        Client client = clients.archive(user, new ClientId(id), false);
        redirect.addFlashAttribute("notice", client.details().name() + " is back.");
        return "redirect:/clients/" + id;
    }

    @PostMapping("/clients/{id}/unsnooze")
    String unsnooze(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        attention.unsnooze(user, new ClientId(id));
        redirect.addFlashAttribute("notice", "Snooze ended: the client is back in your queue whenever they are due.");
        return "redirect:/clients/" + id;
    }

    /** The depth form as typed: current and target 1-3 (blank: not set) and why. */
    record DepthForm(String current, String target, String note) {
    }

    /** One depth change as the history shows it. */
    record DepthView(String at, String by, String depth, String note) {
    }

    private List<DepthView> depthHistory(CurrentUser user, Client client, Map<UserId, String> names) {
        List<DepthView> out = new ArrayList<>(clients.depthHistory(user, client.id()).stream()
                .map(c -> new DepthView(Formats.dayTime(c.changedAt(), user.zone()),
                        names.getOrDefault(c.userId(), "Former member"),
                        (c.current() == null ? "—" : c.current()) + " → " + (c.target() == null ? "—" : c.target()),
                        c.note())).toList());
        Collections.reverse(out); // newest first
        return out;
    }

    private static String text(Integer i) {
        return i == null ? "" : i.toString();
    }

    /** A snooze as the client page shows it. */
    record SnoozeView(String until, String reason) {
    }

    private String form(CurrentUser user, Client client, ClientForm form, FieldErrors errors, Model model) {
        List<String> tiers = attention.cadences(user.teamId()).stream().map(TierCadence::tier).toList();
        ClientFormModel.add(model, form, errors, tiers, accounts.members(user.teamId()), mayManage(user, client));
        model.addAttribute("title", "Edit " + client.details().name());
        model.addAttribute("action", "/clients/" + client.id());
        model.addAttribute("cancelUrl", "/clients/" + client.id());
        return "client-form";
    }

    private Map<UserId, String> memberNames(CurrentUser user) {
        return accounts.memberNames(user.teamId());
    }
}
