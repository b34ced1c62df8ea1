package dev.rapport.web;

import java.time.Instant;
import java.time.ZoneId;

import dev.rapport.teams.Invitation;

/** An invitation as the owner's list shows it: who, which role, and what became of it. */
record InvitationView(long id, String email, String role, String state, String stateLabel, boolean pending) {

    static InvitationView of(Invitation i, Instant now, ZoneId zone) {
        Invitation.State state = i.state(now);
        String label = switch (state) {
            case PENDING -> "Pending until " + Formats.dayTime(i.expiresAt(), zone);
            case ACCEPTED -> "Accepted " + Formats.dayTime(i.acceptedAt(), zone);
            case REVOKED -> "Withdrawn " + Formats.dayTime(i.revokedAt(), zone);
            case EXPIRED -> "Expired " + Formats.dayTime(i.expiresAt(), zone);
        };
        return new InvitationView(i.id(), i.email(), Formats.label(i.role().code()),
                state.name().toLowerCase(java.util.Locale.ROOT), label, state == Invitation.State.PENDING);
    }
}
