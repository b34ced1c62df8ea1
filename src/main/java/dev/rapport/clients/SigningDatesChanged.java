package dev.rapport.clients;

import java.util.List;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;

/**
 * Published in the saving transaction when clients' signing dates were set, changed or removed (an
 * edit, an import): what was derived from the old date, such as the honeymoon flag, is stale.
 */
public record SigningDatesChanged(TeamId teamId, List<ClientId> clientIds) {
    public SigningDatesChanged {
        clientIds = List.copyOf(clientIds);
    }
}
