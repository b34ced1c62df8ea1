package dev.rapport.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.rapport.clients.ClientQuery;
import dev.rapport.clients.ClientService;
import dev.rapport.relationships.Rating;
import dev.rapport.relationships.TopRelationship;
import dev.rapport.relationships.TopRelationshipService;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.Problems;
import dev.rapport.teams.CurrentUser;

/** Your top relationships: choose up to ten, rate each now and as a target, and see the change. */
@Controller
class TopPage {
    private final TopRelationshipService top;
    private final ClientService clients;

    TopPage(TopRelationshipService top, ClientService clients) {
        this.top = top;
        this.clients = clients;
    }

    /** One row: depth, latest rating, the gap and the change since the previous rating. */
    record TopView(long clientId, String name, String depth, boolean rated, String rating, String gap,
                   String change, String changeKind, String note, String ratedAt, String now, String target) {
        static TopView of(TopRelationship t, java.time.ZoneId zone) {
            Rating r = t.latest();
            Integer change = t.change();
            String kind = change == null ? "none" : change > 0 ? "up" : change < 0 ? "down" : "same";
            String changeText = change == null ? "—" : change > 0 ? "▲ +" + change : change < 0 ? "▼ " + change
                    : "= 0";
            return new TopView(t.clientId().value(), t.name(), depth(t.depthCurrent(), t.depthTarget()), r != null,
                    r == null ? "Not rated" : r.now() + " / " + r.target(), r == null ? "—" : Integer.toString(r.gap()),
                    changeText, kind, r == null ? null : r.note(), r == null ? null : Formats.dayTime(r.ratedAt(), zone),
                    r == null ? "" : Integer.toString(r.now()), r == null ? "" : Integer.toString(r.target()));
        }

        private static String depth(Integer current, Integer target) {
            return (current == null ? "—" : current.toString()) + " → " + (target == null ? "—" : target.toString());
        }
    }

    /** A rating as typed, kept when it comes back with messages. */
    record RatingForm(long clientId, String now, String target, String note) {
    }

    @GetMapping("/top")
    String top(CurrentUser user, Model model) {
        List<TopRelationship> list = top.list(user);
        model.addAttribute("top", list.stream().map(t -> TopView.of(t, user.zone())).toList());
        model.addAttribute("max", TopRelationshipService.MAX);
        if (!model.containsAttribute("slots")) {
            List<String> slots = new ArrayList<>();
            for (int i = 0; i < TopRelationshipService.MAX; i++) {
                slots.add(i < list.size() ? Long.toString(list.get(i).clientId().value()) : "");
            }
            model.addAttribute("slots", slots);
            model.addAttribute("chooseErrors", FieldErrors.NONE);
        }
        if (!model.containsAttribute("ratingForm")) {
            model.addAttribute("ratingForm", null);
            model.addAttribute("ratingErrors", FieldErrors.NONE);
        }
        if (user.role().canWrite()) {
            model.addAttribute("clientChoices", clients.search(user, new ClientQuery(null, null, null, null, null,
                    null, false, null, ClientService.MAX_PAGE)).items().stream()
                    .map(c -> new Choices(Long.toString(c.id().value()), c.details().name())).toList());
        }
        return "top";
    }

    @PostMapping("/top")
    String choose(CurrentUser user, @RequestParam Map<String, String> params, Model model,
                  RedirectAttributes redirect) {
        user.requireWriter();
        List<String> slots = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        List<ClientId> chosen = new ArrayList<>();
        Problems problems = new Problems();
        for (int i = 0; i < TopRelationshipService.MAX; i++) {
            String raw = params.getOrDefault("slot" + i, "");
            slots.add(raw);
            Long id = Forms.optionalLong(raw, "slot" + i, problems);
            if (id != null) {
                kept.add(i);
                chosen.add(new ClientId(id));
            }
        }
        try {
            problems.throwIfAny();
            top.choose(user, chosen);
        } catch (InvalidInputException e) {
            model.addAttribute("slots", slots);
            model.addAttribute("chooseErrors", FieldErrors.of(e.problems(), p -> slotField(p, kept)));
            return top(user, model);
        }
        redirect.addFlashAttribute("notice", "Top relationships saved.");
        return "redirect:/top";
    }

    @PostMapping("/top/{clientId}/rating")
    String rate(CurrentUser user, @PathVariable long clientId, @RequestParam(defaultValue = "") String now,
                @RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String note,
                Model model, RedirectAttributes redirect) {
        user.requireWriter();
        Problems problems = new Problems();
        Integer n = Forms.optionalInt(now, "now", problems);
        Integer t = Forms.optionalInt(target, "target", problems);
        TopRelationship rated;
        try {
            problems.throwIfAny();
            rated = top.rate(user, new ClientId(clientId), n, t, Forms.blankToNull(note));
        } catch (InvalidInputException e) {
            model.addAttribute("ratingForm", new RatingForm(clientId, now, target, note));
            model.addAttribute("ratingErrors", FieldErrors.of(e.problems(), p -> switch (p.field()) {
                case "now", "target", "note" -> p;
                default -> new FieldProblem(null, p.field() + " " + p.reason());
            }));
            return top(user, model);
        }
        redirect.addFlashAttribute("notice", "Rated " + rated.name() + ".");
        return "redirect:/top#top-" + clientId;
    }

    /** The service's clientIds[k] (k among the chosen slots) onto the slot's select. */
    private static FieldProblem slotField(FieldProblem p, List<Integer> kept) {
        String f = p.field();
        if (f != null && f.startsWith("slot")) {
            return p;
        }
        if (f != null && f.matches("clientIds\\[\\d+]")) {
            int k = Integer.parseInt(f.substring(10, f.length() - 1));
            return new FieldProblem("slot" + (k < kept.size() ? kept.get(k) : k), p.reason());
        }
        return new FieldProblem(null, "The list " + p.reason() + ".");
    }
}
