package dev.rapport.teams;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import dev.rapport.shared.TooManyRequestsException;

/**
 * The web form's sign-in through {@link SignInService}. The session keeps only the email as the
 * principal: the user, team and role are read afresh on every request ({@link SessionUserFilter}).
 */
class PasswordAuthenticationProvider implements AuthenticationProvider {
    private final SignInService signIn;

    PasswordAuthenticationProvider(SignInService signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        SignInDetails details = authentication.getDetails() instanceof SignInDetails d ? d : new SignInDetails(null, null);
        try {
            CurrentUser user = signIn.signIn(email, password, details.code(), details.remoteAddress(), "web")
                    .orElseThrow(() -> new BadCredentialsException("bad credentials"));
            return UsernamePasswordAuthenticationToken.authenticated(user.email(), null, List.of());
        } catch (TooManyRequestsException e) {
            throw new Throttled(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Carries the wait to the failure handler, which answers 429 with Retry-After. */
    static final class Throttled extends AuthenticationException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        Throttled(TooManyRequestsException cause) {
            super(cause.getMessage(), cause);
            this.retryAfterSeconds = cause.retryAfterSeconds();
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
