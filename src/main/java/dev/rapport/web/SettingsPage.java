package dev.rapport.web;

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
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.IssuedToken;

/** Team settings (tier cadences, channel weights), the read-only profile and personal API tokens. */
@Controller
class SettingsPage {
    private final AttentionService attention;
    private final ClientService clients;
    private final AccountService accounts;
    private final JournalService journal;

    SettingsPage(AttentionService attention, ClientService clients, AccountService accounts, JournalService journal) {
        this.attention = attention;
        this.clients = clients;
        this.accounts = accounts;
        this.journal = journal;
    }

    /** A journal category as the add form submits it. */
    record CategoryForm(String code, String label, String categoryClass) {
        static final CategoryForm EMPTY = new CategoryForm("", "", "internal");
    }

    @GetMapping("/settings")
    String settings(CurrentUser user, Model model) {
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
        for (String errors : new String[] {"cadenceErrors", "weightErrors", "tokenErrors", "categoryErrors"}) {
            if (!model.containsAttribute(errors)) {
                model.addAttribute(errors, FieldErrors.NONE);
            }
        }
        model.addAttribute("channels", Choices.CHANNELS);
        model.addAttribute("team", accounts.teamName(user.teamId()));
        model.addAttribute("zone", user.zone().getId());
        model.addAttribute("tokens", accounts.tokens(user).stream().map(t -> TokenView.of(t, user.zone())).toList());
        return "settings";
    }

    @PostMapping("/settings/cadences")
    String cadences(CurrentUser user, @ModelAttribute("submitted") CadencesForm form, Model model,
                    RedirectAttributes redirect) {
        user.requireWriter();
        List<TierCadence> cadences;
        try {
            cadences = form.toCadences();
        } catch (InvalidInputException e) {
            return cadencesAgain(user, model, form, FieldErrors.of(e.problems(), CadencesForm::toFormField));
        }
        try {
            attention.replaceCadences(user, cadences);
        } catch (InvalidInputException e) {
            return cadencesAgain(user, model, form,
                    FieldErrors.of(form.onFormRows(e).problems(), CadencesForm::toFormField));
        } catch (ConflictException e) {
            return cadencesAgain(user, model, form, FieldErrors.global(capitalised(e.getMessage()) + "."));
        }
        redirect.addFlashAttribute("notice", "Tier cadences saved.");
        return "redirect:/settings#cadences";
    }

    @PostMapping("/settings/weights")
    String weights(CurrentUser user, @RequestParam Map<String, String> params, Model model,
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
            return again(user, model, "weights", submitted, "weightErrors", FieldErrors.of(e.problems()));
        }
        redirect.addFlashAttribute("notice", "Channel weights saved.");
        return "redirect:/settings#weights";
    }

    @PostMapping("/settings/categories")
    String addCategory(CurrentUser user, @ModelAttribute("submittedCategory") CategoryForm form, Model model,
                       RedirectAttributes redirect) {
        user.requireWriter();
        try {
            journal.addCategory(user, form.code() == null ? null : form.code().strip(), form.label(),
                    form.categoryClass());
        } catch (InvalidInputException e) {
            return again(user, model, "categoryForm", form, "categoryErrors", FieldErrors.of(e.problems()));
        } catch (ConflictException e) {
            return again(user, model, "categoryForm", form, "categoryErrors",
                    FieldErrors.global(capitalised(e.getMessage()) + "."));
        }
        redirect.addFlashAttribute("notice", "Category added: log time to it with its code.");
        return "redirect:/settings#categories";
    }

    @PostMapping("/settings/tokens")
    String createToken(CurrentUser user, @RequestParam(defaultValue = "") String name, Model model,
                       RedirectAttributes redirect) {
        IssuedToken token;
        try {
            token = accounts.issueToken(user, name);
        } catch (InvalidInputException e) {
            return again(user, model, "tokenName", name, "tokenErrors", FieldErrors.of(e.problems()));
        }
        // a flash attribute lives for exactly one request: the secret is shown once, then gone
        redirect.addFlashAttribute("newToken", token);
        return "redirect:/settings#tokens";
    }

    @PostMapping("/settings/tokens/{id}/revoke")
    String revoke(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        accounts.revokeToken(user, id);
        redirect.addFlashAttribute("notice", "Token revoked: it no longer works.");
        return "redirect:/settings#tokens";
    }

    private String cadencesAgain(CurrentUser user, Model model, CadencesForm form, FieldErrors errors) {
        return again(user, model, "cadences", form.withSpareRow(), "cadenceErrors", errors);
    }

    private String again(CurrentUser user, Model model, String formName, Object form, String errorsName,
                         FieldErrors errors) {
        model.addAttribute(formName, form);
        model.addAttribute(errorsName, errors);
        return settings(user, model);
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
