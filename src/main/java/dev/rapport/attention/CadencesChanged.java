package dev.rapport.attention;

import dev.rapport.shared.TeamId;

/** Published in the saving transaction when a team's tier cadences were replaced. */
public record CadencesChanged(TeamId teamId) {
}
