package dev.rapport.clients;

import dev.rapport.shared.TeamId;

/** Published in the saving transaction when a team's channel weights were replaced. */
public record ChannelWeightsChanged(TeamId teamId) {
}
