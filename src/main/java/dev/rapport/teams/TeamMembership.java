package dev.rapport.teams;

import dev.rapport.shared.TeamId;

/** One of the teams a user belongs to, with their role there. */
public record TeamMembership(TeamId teamId, String name, Role role) {
}
