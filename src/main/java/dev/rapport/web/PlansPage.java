package dev.rapport.web;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.rapport.clients.Channel;
import dev.rapport.clients.ClientQuery;
import dev.rapport.clients.ClientService;
import dev.rapport.plans.Plan;
import dev.rapport.plans.PlanService;
import dev.rapport.plans.Sustainability;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Whose;

/** Key-account plans: the sustainability check, each plan with its adherence, capacity and a new plan form. */
@Controller
class PlansPage {
    private final PlanService plans;
    private final ClientService clients;
    private final AccountService accounts;

    PlansPage(PlanService plans, ClientService clients, AccountService accounts) {
        this.plans = plans;
        this.clients = clients;
        this.accounts = accounts;
    }

    record LoadView(long planId, String plan, String client, String hours, String runningTotal, boolean overflows) {
    }

    record SustainabilityView(String required, String capacity, String source, String ratio, boolean sustainable,
                              List<LoadView> plans, List<String> suggestions) {
        static SustainabilityView of(Sustainability s) {
            return new SustainabilityView(hours(s.requiredHours()), hours(s.capacityHours()), s.capacitySource(),
                    s.ratio() == null ? "no capacity" : Math.round(s.ratio() * 100) + " %", s.sustainable(),
                    s.plans().stream().map(l -> new LoadView(l.plan().id(), l.plan().name(), l.clientName(),
                            hours(l.hours()), hours(l.runningTotal()), l.overflows())).toList(), s.suggestions());
        }
    }

    record ActivityView(String name, String frequency, int minutes, String channel, String hours, int done,
                        int periods, String percent) {
    }

    record PlanView(long id, String name, String client, long clientId, boolean active, String startsOn,
                    String hours, List<String> objectives, List<ActivityView> activities) {
    }

    /** Your plans and their check; owners and managers pick a member's ({@code member} = user id), read only. */
    @GetMapping("/plans")
    String plans(CurrentUser user, @RequestParam(required = false) String member, Model model) {
        Whose whose = WhoseView.parse(member, false);
        Sustainability s = plans.sustainability(user, whose);
        model.addAttribute("whose", WhoseView.of(user, whose, accounts.members(user.teamId()), false));
        model.addAttribute("check", SustainabilityView.of(s));
        model.addAttribute("plans", plans.list(user, whose).stream().map(p -> view(user, p)).toList());
        model.addAttribute("channels", Choices.CHANNELS);
        if (!model.containsAttribute("planForm")) {
            model.addAttribute("planForm", PlanForm.blank());
            model.addAttribute("planErrors", FieldErrors.NONE);
        }
        if (!model.containsAttribute("capacity")) {
            model.addAttribute("capacity", "");
            model.addAttribute("capacityErrors", FieldErrors.NONE);
        }
        if (user.role().canWrite()) {
            model.addAttribute("clientChoices", clients.search(user, new ClientQuery(null, null, null, null, null,
                    null, false, null, ClientService.MAX_PAGE)).items().stream()
                    .map(c -> new Choices(Long.toString(c.id().value()), c.details().name())).toList());
        }
        return "plans";
    }

    @PostMapping("/plans")
    String create(CurrentUser user, @ModelAttribute("submitted") PlanForm form, Model model,
                  RedirectAttributes redirect) {
        user.requireWriter();
        Plan plan;
        try {
            plan = plans.create(user, new ClientId(form.client()), Forms.blankToNull(form.name()),
                    form.objectiveLines(), form.drafts(), null);
        } catch (InvalidInputException e) {
            model.addAttribute("planForm", form.withSpareRows());
            model.addAttribute("planErrors", FieldErrors.of(form.onFormRows(e).problems(), PlanForm::toFormField));
            return plans(user, null, model);
        }
        redirect.addFlashAttribute("notice", "Plan “" + plan.name() + "” created.");
        return "redirect:/plans#plan-" + plan.id();
    }

    @PostMapping("/plans/capacity")
    String capacity(CurrentUser user, @RequestParam(defaultValue = "") String hoursPerMonth, Model model,
                    RedirectAttributes redirect) {
        user.requireWriter();
        try {
            plans.declareCapacity(user, parseHours(hoursPerMonth));
        } catch (InvalidInputException e) {
            model.addAttribute("capacity", hoursPerMonth);
            model.addAttribute("capacityErrors", FieldErrors.of(e.problems()));
            return plans(user, null, model);
        }
        redirect.addFlashAttribute("notice", "Capacity saved.");
        return "redirect:/plans#check";
    }

    private static Double parseHours(String raw) {
        if (Forms.blank(raw)) {
            throw new InvalidInputException("hoursPerMonth", "is required");
        }
        try {
            return Double.valueOf(raw.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("hoursPerMonth", "must be a number of hours such as 40 or 12.5");
        }
    }

    private PlanView view(CurrentUser user, Plan p) {
        List<PlanService.ActivityAdherence> adherence = plans.adherence(user, p.id());
        List<ActivityView> activities = adherence.stream().map(a -> {
            Plan.Activity act = a.activity();
            return new ActivityView(act.name(), act.frequency().text(), act.minutes(),
                    act.channel() == null ? "Any" : channel(act.channel()), hours(act.hoursPerMonth()), a.done(),
                    a.periods(), a.percent() == null ? "—" : Math.round(a.percent()) + " %");
        }).toList();
        return new PlanView(p.id(), p.name(), clients.get(user, p.clientId()).details().name(), p.clientId().value(),
                p.active(), Formats.day(p.startsOn()), hours(p.hoursPerMonth()), p.objectives(), activities);
    }

    private static String channel(Channel c) {
        return Formats.label(c.code());
    }

    static String hours(double h) {
        return String.format(Locale.ROOT, "%.1f h", h);
    }
}
