package dev.rapport.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.rapport.shared.ConflictException;
import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.teams.OwnAccount;
import dev.rapport.teams.AccountSecurityService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.web.AccountForms.DisableTotpForm;
import dev.rapport.web.AccountForms.PasswordForm;
import dev.rapport.web.AccountForms.TotpSetup;
import jakarta.servlet.http.HttpSession;

/** Your own account's security, on the settings page: password, sessions, two-factor sign-in. */
@Controller
class AccountSecurityPage {
    private final AccountSecurityService security;
    private final SettingsPage settings;

    AccountSecurityPage(AccountSecurityService security, SettingsPage settings) {
        this.security = security;
        this.settings = settings;
    }

    /** Every other session of yours ends; this one stays. */
    @OwnAccount("own password")
    @PostMapping("/settings/password")
    String changePassword(CurrentUser user, @ModelAttribute("submittedPassword") PasswordForm form,
                          HttpSession session, Model model, RedirectAttributes redirect) {
        try {
            form.checkRepeat();
            security.changePassword(user, form.currentPassword(), form.newPassword(), session.getId());
        } catch (InvalidInputException e) {
            return settings.again(user, session, model, null, null, "passwordErrors",
                    FieldErrors.of(e.problems(), p -> switch (p.field()) {
                        case "currentPassword", "newPassword", "repeatPassword" -> p;
                        default -> new FieldProblem(null, p.field() + " " + p.reason());
                    }));
        }
        redirect.addFlashAttribute("notice", "Password changed. You are still signed in here; your other "
                + "sessions have ended.");
        return "redirect:/settings#security";
    }

    /** Ends every session (this one too) and revokes every API token, then back to the sign-in page. */
    @OwnAccount("own sessions")
    @PostMapping("/settings/sign-out-everywhere")
    String signOutEverywhere(CurrentUser user, HttpSession session) {
        security.signOutEverywhere(user);
        session.invalidate();
        SecurityContextHolder.clearContext();
        return "redirect:/login?everywhere";
    }

    @OwnAccount("own second factor")
    @PostMapping("/settings/totp/start")
    String startTotp(CurrentUser user, HttpSession session, RedirectAttributes redirect) {
        try {
            var enrolment = security.startTotp(user);
            session.setAttribute(TotpSetup.SESSION_ATTRIBUTE, new TotpSetup(enrolment.secret(), enrolment.uri()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", MemberForms.sentence(e.getMessage()));
        }
        return "redirect:/settings#two-factor";
    }

    @OwnAccount("own second factor")
    @PostMapping("/settings/totp/confirm")
    String confirmTotp(CurrentUser user, @RequestParam(defaultValue = "") String code, HttpSession session,
                       Model model, RedirectAttributes redirect) {
        try {
            security.confirmTotp(user, code);
        } catch (InvalidInputException e) {
            return settings.again(user, session, model, null, null, "totpErrors", FieldErrors.of(e.problems()));
        } catch (ConflictException e) {
            session.removeAttribute(TotpSetup.SESSION_ATTRIBUTE);
            redirect.addFlashAttribute("problem", MemberForms.sentence(e.getMessage()));
            return "redirect:/settings#two-factor";
        }
        session.removeAttribute(TotpSetup.SESSION_ATTRIBUTE);
        redirect.addFlashAttribute("notice", "Two-factor sign-in is on: from now on, signing in asks for a code "
                + "from your app.");
        return "redirect:/settings#two-factor";
    }

    @OwnAccount("own second factor")
    @PostMapping("/settings/totp/cancel")
    String cancelTotp(HttpSession session, RedirectAttributes redirect) {
        session.removeAttribute(TotpSetup.SESSION_ATTRIBUTE);
        redirect.addFlashAttribute("notice", "Two-factor set-up cancelled: sign-in stays as it was.");
        return "redirect:/settings#two-factor";
    }

    @OwnAccount("own second factor")
    @PostMapping("/settings/totp/disable")
    String disableTotp(CurrentUser user, @ModelAttribute("submittedDisable") DisableTotpForm form,
                       HttpSession session, Model model, RedirectAttributes redirect) {
        try {
            security.disableTotp(user, form.password(), form.code());
        } catch (InvalidInputException e) {
            return settings.again(user, session, model, null, null, "disableErrors", FieldErrors.of(e.problems()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", MemberForms.sentence(e.getMessage()));
            return "redirect:/settings#two-factor";
        }
        redirect.addFlashAttribute("notice", "Two-factor sign-in is off: your password alone signs you in.");
        return "redirect:/settings#two-factor";
    }
}
