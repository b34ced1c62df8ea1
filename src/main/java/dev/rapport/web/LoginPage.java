package dev.rapport.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the POST, this only renders the form and its outcome. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                 @RequestParam(required = false) String everywhere, Model model) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        // one message for unknown email and wrong password alike: no user enumeration
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", logout != null);
        model.addAttribute("signedOutEverywhere", everywhere != null);
        return "login";
    }

    /** Reached by forward from the failure handler, which already set 429 and Retry-After. */
    @RequestMapping("/login-throttled")
    String throttled(Model model) {
        model.addAttribute("throttled", true);
        return "login";
    }
}
