package dev.rapport.web;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.rapport.shared.ConflictException;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.Page;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.teams.OwnAccount;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.AuditEvent;
import dev.rapport.teams.AuditLog;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.IssuedInvitation;
import dev.rapport.teams.MembershipService;
import dev.rapport.teams.Role;
import dev.rapport.teams.TeamSwitch;
import dev.rapport.web.MemberForms.InviteForm;
import dev.rapport.web.MemberForms.NewInvitation;
import dev.rapport.web.MemberForms.RemoveForm;
import dev.rapport.web.MemberForms.RoleForm;
import jakarta.servlet.http.HttpSession;

/** The team: members and roles for everyone to see; invitations, role changes, removals and the audit log for owners. */
@Controller
class MembersPage {
    static final int AUDIT_PAGE = 50;

    private final MembershipService memberships;
    private final AccountService accounts;
    private final AuditLog audit;
    private final TeamSwitch teamSwitch;
    private final Clock clock;

    MembersPage(MembershipService memberships, AccountService accounts, AuditLog audit, TeamSwitch teamSwitch,
             Clock clock) {
        this.memberships = memberships;
        this.accounts = accounts;
        this.audit = audit;
        this.teamSwitch = teamSwitch;
        this.clock = clock;
    }

    @GetMapping("/team/members")
    String members(CurrentUser user, Model model) {
        model.addAttribute("team", accounts.teamName(user.teamId()));
        model.addAttribute("members", MemberView.of(memberships.members(user), user.userId().value()));
        model.addAttribute("roles", MemberForms.ROLES);
        boolean owner = user.role() == Role.OWNER;
        if (owner) {
            Instant now = clock.instant();
            model.addAttribute("invitations", memberships.invitations(user).stream()
                    .map(i -> InvitationView.of(i, now, user.zone())).toList());
        }
        if (!model.containsAttribute("inviteForm")) {
            model.addAttribute("inviteForm", InviteForm.EMPTY);
            model.addAttribute("inviteErrors", FieldErrors.NONE);
        }
        for (String errors : new String[] {"roleErrors", "removeErrors"}) {
            if (!model.containsAttribute(errors)) {
                model.addAttribute(errors, FieldErrors.NONE);
            }
        }
        if (!model.containsAttribute("rowFor")) {
            model.addAttribute("rowFor", 0L);
        }
        return "members";
    }

    @PostMapping("/team/members/{id}/role")
    String changeRole(CurrentUser user, @PathVariable long id, @ModelAttribute("submitted") RoleForm form,
                      Model model, RedirectAttributes redirect) {
        user.requireOwner();
        try {
            memberships.changeRole(user, new UserId(id), form.role());
        } catch (InvalidInputException | ConflictException e) {
            return rowAgain(user, model, id, "roleErrors", MemberForms.roleErrors(e));
        }
        redirect.addFlashAttribute("notice", "Role changed: it applies from their next page or request.");
        return "redirect:/team/members#member-" + id;
    }

    @PostMapping("/team/members/{id}/remove")
    String remove(CurrentUser user, @PathVariable long id, @ModelAttribute("submitted") RemoveForm form,
                  Model model, RedirectAttributes redirect) {
        user.requireOwner();
        try {
            memberships.remove(user, new UserId(id), form.successor());
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("removeSuccessor", form.successorId());
            return rowAgain(user, model, id, "removeErrors", MemberForms.removeErrors(e));
        }
        redirect.addFlashAttribute("notice", Forms.blank(form.successorId()) ? "Member removed."
                : "Member removed; their clients and open work went to their successor.");
        return "redirect:/team/members";
    }

    @PostMapping("/team/invitations")
    String invite(CurrentUser user, @ModelAttribute("submittedInvite") InviteForm form, Model model,
                  RedirectAttributes redirect) {
        user.requireOwner();
        IssuedInvitation issued;
        try {
            issued = memberships.invite(user, form.email(), form.role());
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("inviteForm", form);
            model.addAttribute("inviteErrors", MemberForms.inviteErrors(e));
            return members(user, model);
        }
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/invite/{token}")
                .buildAndExpand(issued.token()).toUriString();
        // shown once: the flash attribute lives for exactly the next request
        redirect.addFlashAttribute("newInvitation", new NewInvitation(issued.invitation().email(),
                Formats.label(issued.invitation().role().code()), url));
        return "redirect:/team/members#invitations";
    }

    @PostMapping("/team/invitations/{id}/withdraw")
    String withdraw(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            memberships.revokeInvitation(user, id);
            redirect.addFlashAttribute("notice", "Invitation withdrawn: the link no longer works.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", MemberForms.sentence(e.getMessage()));
        }
        return "redirect:/team/members#invitations";
    }

    @OwnAccount("choosing which of one's own teams to work in")
    @PostMapping("/team/switch")
    String switchTeam(CurrentUser user, @RequestParam long teamId, HttpSession session,
                      RedirectAttributes redirect) {
        CurrentUser switched = teamSwitch.switchTo(user, new TeamId(teamId), session);
        redirect.addFlashAttribute("notice", "You are now working in " + accounts.teamName(switched.teamId())
                + " as " + switched.role().code() + ".");
        return "redirect:/";
    }

    @GetMapping("/team/audit")
    String audit(CurrentUser user, @RequestParam(required = false) String cursor, Model model) {
        if (user.role() != Role.OWNER) {
            throw new NotAllowed("Owners only", "The audit log is for the team's owners. Ask one of them if you "
                    + "need to know who did what.");
        }
        Page<AuditEvent> page = audit.page(user, Forms.blankToNull(cursor), AUDIT_PAGE);
        model.addAttribute("team", accounts.teamName(user.teamId()));
        model.addAttribute("events", page.items().stream().map(e -> AuditView.of(e, user.zone())).toList());
        model.addAttribute("olderCursor", page.nextCursor());
        model.addAttribute("laterPage", !Forms.blank(cursor));
        model.addAttribute("zone", user.zone().getId());
        return "audit";
    }

    /** The page again with one member's form showing what went wrong. */
    private String rowAgain(CurrentUser user, Model model, long memberId, String errorsName, FieldErrors errors) {
        model.addAttribute("rowFor", memberId);
        model.addAttribute(errorsName, errors);
        return members(user, model);
    }
}
