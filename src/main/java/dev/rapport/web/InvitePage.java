package dev.rapport.web;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.rapport.shared.ConflictException;
import dev.rapport.shared.GoneException;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.teams.OwnAccount;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Invitation;
import dev.rapport.teams.InvitationGoneException;
import dev.rapport.teams.MembershipService;
import dev.rapport.teams.TeamSwitch;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The page behind an invitation link (no sign-in needed): create the account for the invited
 * address and land signed in, or accept while signed in with that address. A link that cannot be
 * used any more answers 410 (404 when unknown) with what happened and what to do.
 */
@Controller
class InvitePage {
    private final MembershipService memberships;
    private final AccountService accounts;
    private final TeamSwitch teamSwitch;

    InvitePage(MembershipService memberships, AccountService accounts, TeamSwitch teamSwitch) {
        this.memberships = memberships;
        this.accounts = accounts;
        this.teamSwitch = teamSwitch;
    }

    /** The invitation as the page shows it. */
    record InvitationInfo(String team, String email, String role, String validUntil) {
        static InvitationInfo of(Invitation i, ZoneId zone) {
            return new InvitationInfo(i.teamName(), i.email(), Formats.label(i.role().code()),
                    Formats.dayTime(i.expiresAt(), zone) + (zone.equals(ZoneOffset.UTC) ? " UTC" : ""));
        }
    }

    /** Why a link no longer works, in words, and whether signing in is the way on. */
    record Gone(String title, String detail, boolean signIn) {
        static Gone of(GoneException e) {
            Invitation.State state = e instanceof InvitationGoneException g ? g.state() : null;
            if (state == Invitation.State.ACCEPTED) {
                return new Gone("This invitation was already used", "An invitation link works only once. If you "
                        + "accepted it, sign in with the invited email address; otherwise ask the team owner for "
                        + "a new invitation.", true);
            }
            if (state == Invitation.State.REVOKED) {
                return new Gone("This invitation was withdrawn", "The team owner withdrew it. Ask them for a new "
                        + "invitation if you should still join.", false);
            }
            if (state == Invitation.State.EXPIRED) {
                return new Gone("This invitation has expired", "Invitation links work for a limited time. Ask "
                        + "the team owner for a new one.", false);
            }
            String message = e.getMessage() == null ? "" : e.getMessage();
            return new Gone("This invitation can no longer be used", MemberForms.sentence(message), false);
        }

        static final Gone UNKNOWN = new Gone("This invitation link is not valid", "Check that you copied the "
                + "whole link from the message you received, or ask the team owner for a new invitation.", false);
    }

    @GetMapping("/invite/{token}")
    ModelAndView show(@PathVariable String token, Model model) {
        Invitation invitation;
        try {
            invitation = memberships.pending(token);
        } catch (NotFoundException | GoneException e) {
            return gone(e);
        }
        Optional<CurrentUser> user = signedIn();
        model.addAttribute("token", token);
        model.addAttribute("invitation", InvitationInfo.of(invitation, user.map(CurrentUser::zone)
                .orElse(ZoneOffset.UTC)));
        model.addAttribute("mode", user.isEmpty() ? "new"
                : user.get().email().equalsIgnoreCase(invitation.email()) ? "accept" : "other");
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", SignUpForm.EMPTY);
            model.addAttribute("errors", FieldErrors.NONE);
        }
        return new ModelAndView("invite");
    }

    /** Someone without an account: creates it for the invited address, then signs them in. */
    @OwnAccount("creating an account from an invitation")
    @PostMapping("/invite/{token}")
    ModelAndView signUp(@PathVariable String token, @ModelAttribute("submitted") SignUpForm form, Model model,
                        HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (signedIn().isPresent()) {
            return new ModelAndView("redirect:/invite/" + token);
        }
        CurrentUser joined;
        try {
            form.checkRepeat();
            joined = memberships.acceptAsNewUser(token, form.name(), form.password());
        } catch (InvalidInputException e) {
            return again(token, model, form, FieldErrors.of(e.problems()));
        } catch (ConflictException e) {
            return again(token, model, form, FieldErrors.global(MemberForms.sentence(e.getMessage())));
        } catch (NotFoundException | GoneException e) {
            return gone(e);
        }
        WebSignIn.signIn(joined.email(), request, response);
        redirect.addFlashAttribute("notice", "Welcome to " + accounts.teamName(joined.teamId())
                + ". Your account is ready and you are signed in.");
        return new ModelAndView("redirect:/team/members");
    }

    /** Someone signed in with the invited address joins the team and starts working in it. */
    @OwnAccount("joining another team by invitation")
    @PostMapping("/invite/{token}/accept")
    ModelAndView accept(@PathVariable String token, Model model, HttpSession session, RedirectAttributes redirect) {
        Optional<CurrentUser> user = signedIn();
        if (user.isEmpty()) {
            return new ModelAndView("redirect:/invite/" + token);
        }
        CurrentUser joined;
        try {
            joined = memberships.accept(token, user.get());
        } catch (InvalidInputException e) {
            return again(token, model, SignUpForm.EMPTY, FieldErrors.global(MemberForms.sentence(
                    e.problems().get(0).reason())));
        } catch (ConflictException e) {
            return again(token, model, SignUpForm.EMPTY, FieldErrors.global(MemberForms.sentence(e.getMessage())));
        } catch (NotFoundException | GoneException e) {
            return gone(e);
        }
        teamSwitch.switchTo(user.get(), joined.teamId(), session);
        redirect.addFlashAttribute("notice", "You joined " + accounts.teamName(joined.teamId()) + " as "
                + joined.role().code() + ". The team switcher at the top takes you back to your other teams.");
        return new ModelAndView("redirect:/team/members");
    }

    /**
     * "Sign in to accept": this path needs a sign-in, so Spring Security remembers it, shows the
     * sign-in form and comes back here afterwards, which leads back to the invitation.
     */
    @GetMapping("/join/{token}")
    String signInThenOpen(@PathVariable String token) {
        return "redirect:/invite/" + token;
    }

    private ModelAndView again(String token, Model model, SignUpForm form, FieldErrors errors) {
        model.addAttribute("form", form.withoutPasswords());
        model.addAttribute("errors", errors);
        return show(token, model);
    }

    private static ModelAndView gone(RuntimeException e) {
        Gone gone = e instanceof GoneException g ? Gone.of(g) : Gone.UNKNOWN;
        ModelAndView page = new ModelAndView("invite-gone", e instanceof GoneException ? HttpStatus.GONE
                : HttpStatus.NOT_FOUND);
        page.addObject("gone", gone);
        return page;
    }

    private static Optional<CurrentUser> signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user ? Optional.of(user) : Optional.empty();
    }
}
