package dev.rapport.deals;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;

/** Published in the saving transaction when a deal was started, progressed or lost: listings may have changed. */
public record DealChanged(TeamId teamId, ClientId clientId) {
}
