package dev.rapport.web;

import java.util.List;

import org.springframework.ui.Model;

import dev.rapport.teams.Member;

/** What the client form template needs besides the form itself: the choices of its selects. */
final class ClientFormModel {
    private ClientFormModel() {
    }

    /** canShare: whether this user may share the client or make it private (its owner, managers, owners). */
    static void add(Model model, ClientForm form, FieldErrors errors, List<String> tiers, List<Member> members,
                    boolean canShare) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("tiers", tiers);
        model.addAttribute("owners", members.stream()
                .map(m -> new Choices(m.userId().toString(), m.displayName())).toList());
        model.addAttribute("statuses", Choices.STATUSES);
        model.addAttribute("kinds", Choices.KINDS);
        model.addAttribute("depths", Choices.DEPTHS);
        model.addAttribute("canShare", canShare);
    }
}
