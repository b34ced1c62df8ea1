package dev.rapport.teams;

import java.io.IOException;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.rapport.limits.ApiRateLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Authenticates "Authorization: Bearer rp_..." against the stored SHA-256 of the token. */
class TokenAuthenticationFilter extends OncePerRequestFilter {
    private final AccountService accounts;

    TokenAuthenticationFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            accounts.resolveToken(token).ifPresent(bearer -> {
                request.setAttribute(ApiRateLimit.TOKEN_KEY, Secrets.sha256(token));
                CurrentUser user = bearer.user();
                var auth = new UsernamePasswordAuthenticationToken(user, null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
                // what the token may mint depends on the token itself (BearerToken.checkMints)
                auth.setDetails(bearer);
                SecurityContextHolder.getContext().setAuthentication(auth);
            });
        }
        chain.doFilter(request, response);
    }
}
