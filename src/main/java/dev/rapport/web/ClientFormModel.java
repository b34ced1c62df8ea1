package dev.rapport.web;

import java.util.List;

import org.springframework.ui.Model;

import dev.rapport.teams.Member;

/** What the client form template needs besides the form itself: the choices of its selects. */
final class ClientFormModel {
    private ClientFormModel() {
    }

    static void add(Model model, ClientForm form, FieldErrors errors, List<String> tiers, List<Member> members) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("tiers", tiers);
        model.addAttribute("owners", members.stream()
                .map(m -> new Choices(m.userId().toString(), m.displayName())).toList());
        model.addAttribute("statuses", Choices.STATUSES);
        model.addAttribute("kinds", Choices.KINDS);
        model.addAttribute("depths", Choices.DEPTHS);
    }
}
