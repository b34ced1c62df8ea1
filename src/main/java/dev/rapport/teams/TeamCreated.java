package dev.rapport.teams;

import dev.rapport.shared.TeamId;

/** Published inside the creating transaction so features can seed their team defaults. */
public record TeamCreated(TeamId teamId) {
}
