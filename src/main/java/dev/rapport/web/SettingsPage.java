package dev.rapport.web;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import dev.rapport.clients.Channel;
import dev.rapport.clients.ChannelWeights;
import dev.rapport.clients.ClientService;
import dev.rapport.journal.JournalService;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.Problems;
import dev.rapport.teams.OwnAccount;
import dev.rapport.teams.AccountSecurityService;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.IssuedToken;
import dev.rapport.web.AccountForms.TokenForm;
import dev.rapport.web.AccountForms.TotpSetup;
import jakarta.servlet.http.HttpSession;

/** Team settings (tier cadences, channel weights), the read-only profile, account security and API tokens. */
@Controller
class SettingsPage {
    private final AttentionService attention;
    private final ClientService clients;
    private final AccountService accounts;
    private final JournalService journal;
    private final AccountSecurityService security;
    private final Clock clock;

    SettingsPage(AttentionService attention, ClientService clients, AccountService accounts, JournalService journal,
                 AccountSecurityService security, Clock clock) {
        this.attention = attention;
        this.clients = clients;
        this.accounts = accounts;
        this.journal = journal;
        this.security = security;
        this.clock = clock;
    }

    /** A journal category as the add form submits it. */
    record CategoryForm(String code, String label, String categoryClass) {
        static final CategoryForm EMPTY = new CategoryForm("", "", "internal");
    }

    @GetMapping("/settings")
    String settings(CurrentUser user, HttpSession session, Model model) {
        if (!model.containsAttribute("cadences")) {
            model.addAttribute("cadences", CadencesForm.of(attention.cadences(user.teamId())));
        }
        if (!model.containsAttribute("weights")) {
            model.addAttribute("weights", weights(clients.channelWeights(user.teamId())));
        }
        if (!model.containsAttribute("categoryForm")) {
            model.addAttribute("categoryForm", CategoryForm.EMPTY);
        }
        model.addAttribute("categories", journal.categories(user.teamId()));
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", TokenForm.EMPTY);
        }
        for (String errors : new String[] {"cadenceErrors", "weightErrors", "tokenErrors", "categoryErrors",
                "passwordErrors", "totpErrors", "disableErrors", "profileErrors"}) {
            if (!model.containsAttribute(errors)) {
                model.addAttribute(errors, FieldErrors.NONE);
            }
        }
        model.addAttribute("channels", Choices.CHANNELS);
        model.addAttribute("team", accounts.teamName(user.teamId()));
        model.addAttribute("zone", user.zone().getId());
        AccountService.Profile profile = accounts.profile(user);
        model.addAttribute("teamZone", profile.teamTimeZone());
        if (!model.containsAttribute("profileForm")) {
            model.addAttribute("profileForm", ProfilePage.ProfileForm.of(profile));
        }
        model.addAttribute("zones", ProfilePage.zones(profile.timeZone()));
        Instant now = clock.instant();
        model.addAttribute("tokens", accounts.tokens(user).stream().map(t -> TokenView.of(t, user.zone(), now))
                .toList());
        model.addAttribute("scopes", AccountForms.SCOPES);
        boolean totpOn = security.totpEnabled(user);
        model.addAttribute("totpOn", totpOn);
        Object setup = session.getAttribute(TotpSetup.SESSION_ATTRIBUTE);
        model.addAttribute("totpSetup", !totpOn && setup instanceof TotpSetup pending ? pending : null);
        return "settings";
    }

    @PostMapping("/settings/cadences")
    String cadences(CurrentUser user, @ModelAttribute("submitted") CadencesForm form, HttpSession session,
                    Model model, RedirectAttributes redirect) {
        user.requireWriter();
        List<TierCadence> cadences;
        try {
            cadences = form.toCadences();
        } catch (InvalidInputException e) {
            return cadencesAgain(user, session, model, form,
                    FieldErrors.of(e.problems(), CadencesForm::toFormField));
        }
        try {
            attention.replaceCadences(user, cadences);
        } catch (InvalidInputException e) {
            return cadencesAgain(user, session, model, form,
                    FieldErrors.of(form.onFormRows(e).problems(), CadencesForm::toFormField));
        } catch (ConflictException e) {
            return cadencesAgain(user, session, model, form, FieldErrors.global(capitalised(e.getMessage()) + "."));
        }
        redirect.addFlashAttribute("notice", "Tier cadences saved.");
        return "redirect:/settings#cadences";
    }

    @PostMapping("/settings/weights")
    String weights(CurrentUser user, @RequestParam Map<String, String> params, HttpSession session, Model model,
                   RedirectAttributes redirect) {
        user.requireWriter();
        Map<String, String> submitted = new LinkedHashMap<>();
        Map<Channel, Integer> weights = new EnumMap<>(Channel.class);
        Problems problems = new Problems();
        for (Channel c : Channel.values()) {
            String raw = params.get("weights." + c.code());
            submitted.put(c.code(), raw == null ? "" : raw);
            Integer w = Forms.optionalInt(raw, "weights." + c.code(), problems);
            problems.check(!Forms.blank(raw), "weights." + c.code(), "is required");
            weights.put(c, w);
        }
        try {
            problems.throwIfAny();
            clients.setChannelWeights(user, weights);
        } catch (InvalidInputException e) {
            return again(user, session, model, "weights", submitted, "weightErrors", FieldErrors.of(e.problems()));
        }
        redirect.addFlashAttribute("notice", "Channel weights saved.");
        return "redirect:/settings#weights";
    }

    @PostMapping("/settings/categories")
    String addCategory(CurrentUser user, @ModelAttribute("submittedCategory") CategoryForm form,
                       HttpSession session, Model model, RedirectAttributes redirect) {
        user.requireWriter();
        try {
            journal.addCategory(user, form.code() == null ? null : form.code().strip(), form.label(),
                    form.categoryClass());
        } catch (InvalidInputException e) {
            return again(user, session, model, "categoryForm", form, "categoryErrors",
                    FieldErrors.of(e.problems()));
        } catch (ConflictException e) {
            return again(user, session, model, "categoryForm", form, "categoryErrors",
                    FieldErrors.global(capitalised(e.getMessage()) + "."));
        }
        redirect.addFlashAttribute("notice", "Category added: log time to it with its code.");
        return "redirect:/settings#categories";
    }

    @OwnAccount("own API tokens (a read-only session still makes read-only ones)")
    @PostMapping("/settings/tokens")
    String createToken(CurrentUser user, @ModelAttribute("submittedToken") TokenForm form, HttpSession session,
                       Model model, RedirectAttributes redirect) {
        IssuedToken token;
        try {
            TokenForm.Parsed parsed = form.parse(user.zone());
            token = accounts.issueToken(user, parsed.name(), parsed.scope(), parsed.expiresAt());
        } catch (InvalidInputException e) {
            return again(user, session, model, "tokenForm", form, "tokenErrors",
                    FieldErrors.of(e.problems(), TokenForm::toFormField));
        }
        // a flash attribute lives for exactly one request: the secret is shown once, then gone
        redirect.addFlashAttribute("newToken", token);
        return "redirect:/settings#tokens";
    }

    @OwnAccount("own API tokens")
    @PostMapping("/settings/tokens/{id}/revoke")
    String revoke(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        accounts.revokeToken(user, id);
        redirect.addFlashAttribute("notice", "Token revoked: it no longer works.");
        return "redirect:/settings#tokens";
    }

    private String cadencesAgain(CurrentUser user, HttpSession session, Model model, CadencesForm form,
                                 FieldErrors errors) {
        return again(user, session, model, "cadences", form.withSpareRow(), "cadenceErrors", errors);
    }

    /** The page again with one form as typed and its messages (the account forms use it too). */
    String again(CurrentUser user, HttpSession session, Model model, String formName, Object form,
                 String errorsName, FieldErrors errors) {
        if (formName != null) {
            model.addAttribute(formName, form);
        }
        model.addAttribute(errorsName, errors);
        return settings(user, session, model);
    }

    private static Map<String, String> weights(ChannelWeights weights) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Channel c : Channel.values()) {
            out.put(c.code(), Integer.toString(weights.weight(c)));
        }
        return out;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
