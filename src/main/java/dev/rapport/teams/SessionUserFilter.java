package dev.rapport.teams;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.rapport.shared.TeamId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Turns the email kept in a web session into this request's {@link CurrentUser}, read from the
 * database in the team chosen in the session (or the first one). A removed member, or one whose
 * chosen team is gone, is signed out on the spot. The stored session is never rewritten here.
 */
class SessionUserFilter extends OncePerRequestFilter {
    static final String TEAM_ATTRIBUTE = "rapport.team";

    private final AccountService accounts;

    SessionUserFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof UsernamePasswordAuthenticationToken && auth.getPrincipal() instanceof String email) {
            Optional<CurrentUser> user = resolve(request.getSession(false), email);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            if (user.isPresent()) {
                CurrentUser u = user.get();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(u, null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + u.role().name()))));
            } else {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private Optional<CurrentUser> resolve(HttpSession session, String email) {
        Object team = session == null ? null : session.getAttribute(TEAM_ATTRIBUTE);
        if (team instanceof Long id) {
            Optional<CurrentUser> inTeam = accounts.inTeam(email, new TeamId(id));
            if (inTeam.isPresent()) {
                return inTeam;
            }
        }
        return accounts.inFirstTeam(email);
    }
}
