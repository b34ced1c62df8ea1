package dev.rapport.teams;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

interface InvitationRepository {
    long insert(TeamId team, String email, Role role, String tokenHash, UserId invitedBy, Instant now,
                Instant expiresAt);

    Optional<Invitation> find(TeamId team, long id);

    Optional<Invitation> findByTokenHash(String tokenHash);

    List<Invitation> list(TeamId team);

    /** Marks it accepted only if still pending at {@code now}: single use even under races. */
    boolean accept(TeamId team, long id, UserId user, Instant now);

    boolean revoke(TeamId team, long id, Instant now);
}
