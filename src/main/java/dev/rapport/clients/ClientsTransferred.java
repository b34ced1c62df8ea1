package dev.rapport.clients;

import java.util.List;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/**
 * Clients changed owner (one transfer, or a leaving member's whole book). Published inside the
 * transaction so the features holding per-person work on those clients (promises, deals, plans)
 * move it to the new owner atomically.
 */
public record ClientsTransferred(TeamId teamId, UserId from, UserId to, List<ClientId> clients) {
}
