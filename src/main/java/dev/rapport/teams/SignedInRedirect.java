package dev.rapport.teams;

import java.io.IOException;
import java.net.URI;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * After sign-in, back to the page that asked for it, on this site only. Spring's saved request is a
 * full URL built from the request's Host (or a proxy's X-Forwarded-Host), which an attacker can
 * choose; only its path and query are kept, so the redirect never leaves the site (ASVS 5.0 V3.7.2).
 */
final class SignedInRedirect extends SimpleUrlAuthenticationSuccessHandler {
    private final RequestCache requests = new HttpSessionRequestCache();

    SignedInRedirect() {
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        SavedRequest saved = requests.getRequest(request, response);
        String target = saved == null ? "/" : localPart(saved.getRedirectUrl());
        requests.removeRequest(request, response);
        clearAuthenticationAttributes(request);
        getRedirectStrategy().sendRedirect(request, response, target);
    }

    /** The path and query of a URL when they are a path on this site; "/" for anything else. */
    static String localPart(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "/";
        }
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
            return "/";
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
