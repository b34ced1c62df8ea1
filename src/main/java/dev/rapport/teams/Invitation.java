package dev.rapport.teams;

import java.time.Instant;

import dev.rapport.shared.TeamId;

/** An invitation to join a team with a role; usable once, until it expires. */
public record Invitation(long id, TeamId teamId, String teamName, String email, Role role, Instant createdAt,
                         Instant expiresAt, Instant acceptedAt, Instant revokedAt) {

    public enum State { PENDING, ACCEPTED, EXPIRED, REVOKED }

    public State state(Instant now) {
        if (acceptedAt != null) {
            return State.ACCEPTED;
        }
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return now.isBefore(expiresAt) ? State.PENDING : State.EXPIRED;
    }
}
