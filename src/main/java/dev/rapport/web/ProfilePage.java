package dev.rapport.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.OwnAccount;
import jakarta.servlet.http.HttpSession;

/** Your name and time zone, on the settings page. */
@Controller
class ProfilePage {
    /** Every zone id Java knows, sorted: the form's choices. */
    static final List<String> ZONES = java.util.stream.Stream.concat(java.util.stream.Stream.of("UTC"),
            java.time.ZoneId.getAvailableZoneIds().stream()
                    .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted())
            .toList();

    /** The choices, with the user's own zone among them even when set elsewhere (e.g. "+02:00" by the API). */
    static List<String> zones(String own) {
        if (own == null || own.isEmpty() || ZONES.contains(own)) {
            return ZONES;
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(own), ZONES.stream()).toList();
    }

    private final AccountService accounts;
    private final SettingsPage settings;

    ProfilePage(AccountService accounts, SettingsPage settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    /** The profile form as submitted; an empty time zone follows the team's. */
    record ProfileForm(String name, String timeZone) {
        static ProfileForm of(AccountService.Profile p) {
            return new ProfileForm(p.name(), p.timeZone() == null ? "" : p.timeZone());
        }
    }

    @OwnAccount("own name and time zone")
    @PostMapping("/settings/profile")
    String update(CurrentUser user, @ModelAttribute("profileForm") ProfileForm form, HttpSession session, Model model,
                  RedirectAttributes redirect) {
        try {
            AccountService.Profile p = accounts.updateProfile(user, form.name(), form.timeZone());
            redirect.addFlashAttribute("notice", "Profile saved. Your days are now in " + p.effectiveTimeZone()
                    + (p.timeZone() == null ? " (the team's time zone)." : "."));
        } catch (InvalidInputException e) {
            return settings.again(user, session, model, null, null, "profileErrors", FieldErrors.of(e.problems()));
        }
        return "redirect:/settings#profile";
    }
}
