package dev.rapport.web;

import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs in someone who just proved who they are on a page of ours (a new account created from an
 * invitation), leaving the session exactly as the sign-in form does: the email as the principal
 * (the user, team and role are read afresh on every request), a new session id and a new CSRF token.
 */
final class WebSignIn {
    private static final SecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();
    private static final CsrfTokenRepository CSRF = new HttpSessionCsrfTokenRepository();

    private WebSignIn() {
    }

    static void signIn(String email, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId(); // a session id known before sign-in must not carry the signed-in session
        } else {
            request.getSession(true);
        }
        CSRF.saveToken(null, request, response); // the next page gets a fresh token
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(email, null, List.of()));
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
    }
}
