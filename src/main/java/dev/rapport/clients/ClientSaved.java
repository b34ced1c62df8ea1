package dev.rapport.clients;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;

/**
 * Published in the saving transaction when a client was created, replaced, archived or brought
 * back: its owner, kind, tier, cadence or archive state may have changed. Any other path that
 * changes those (an ownership transfer, an import) publishes it too, so read models stay right.
 */
public record ClientSaved(TeamId teamId, ClientId clientId) {
}
