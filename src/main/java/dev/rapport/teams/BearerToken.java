package dev.rapport.teams;

import java.time.Instant;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.rapport.shared.Problems;

/**
 * The API token a request authenticated with, kept as its authentication's details: sessions and
 * password sign-ins have none.
 *
 * @param user      who the token acts as, in the token's team
 * @param expiresAt when the token stops working; null: never
 */
public record BearerToken(CurrentUser user, Instant expiresAt) {

    /** The token of this request, if it authenticated with one. */
    public static Optional<BearerToken> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getDetails() instanceof BearerToken token ? Optional.of(token) : Optional.empty();
    }

    /**
     * A token minted with this one stays within it: no later expiry and no other team, so a leaked
     * short-lived token cannot become a lasting one or reach the user's other teams.
     */
    public void checkMints(Long teamId, Instant newExpiresAt) {
        new Problems()
                .check(teamId == null || teamId == user.teamId().value(), "teamId",
                        "must be this token's own team; sign in with your password for a token in another team")
                .check(expiresAt == null || newExpiresAt != null && !newExpiresAt.isAfter(expiresAt), "expiresAt",
                        "must be given and no later than this token's own expiry, " + expiresAt)
                .throwIfAny();
    }
}
