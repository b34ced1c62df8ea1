package dev.rapport.web;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.rapport.exchange.DigestService;
import dev.rapport.teams.OwnAccount;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The unsubscribe link of a digest, no sign-in needed (the token in the link is the credential).
 * GET only asks, because mail scanners follow links; POST turns the digest off. The POST also
 * serves RFC 8058 one-click unsubscribe from mail providers, so it takes no CSRF token.
 */
@Controller
class DigestUnsubscribePage {
    private final DigestService digests;
    private final AccountService accounts;

    DigestUnsubscribePage(DigestService digests, AccountService accounts) {
        this.digests = digests;
        this.accounts = accounts;
    }

    @GetMapping("/digest/unsubscribe")
    String confirm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<CurrentUser> user = digests.unsubscribeTarget(token);
        if (user.isEmpty()) {
            return invalid(model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("email", user.get().email());
        model.addAttribute("team", accounts.teamName(user.get().teamId()));
        model.addAttribute("done", false);
        return "digest-unsubscribe";
    }

    @OwnAccount("the unsubscribe link of one's own digest")
    @PostMapping("/digest/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<CurrentUser> user = digests.unsubscribeTarget(token);
        if (user.isEmpty() || !digests.unsubscribe(token)) {
            return invalid(model, response);
        }
        model.addAttribute("email", user.get().email());
        model.addAttribute("team", accounts.teamName(user.get().teamId()));
        model.addAttribute("done", true);
        return "digest-unsubscribe";
    }

    private static String invalid(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("invalid", true);
        return "digest-unsubscribe";
    }
}
