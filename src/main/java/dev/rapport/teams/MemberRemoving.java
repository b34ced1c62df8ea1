package dev.rapport.teams;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/**
 * A member is about to leave a team. Published inside the removal's transaction: features that
 * hold the member's work hand it to the successor, or refuse (and so roll the removal back) when
 * there is work and no successor.
 */
public record MemberRemoving(TeamId teamId, UserId memberId, UserId successorId) {
}
