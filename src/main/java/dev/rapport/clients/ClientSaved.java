package dev.rapport.clients;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;

/**
 * Published in the saving transaction when a client was created, replaced, archived or brought
 * back: its owner, kind, tier, cadence or archive state may have changed. The paths that change
 * many clients at once publish one event for all of them instead, so read models stay right:
 * {@link ClientsCreated} and {@link ClientsSaved} (imports), {@link ClientsTransferred} (owners).
 */
public record ClientSaved(TeamId teamId, ClientId clientId) {
}
