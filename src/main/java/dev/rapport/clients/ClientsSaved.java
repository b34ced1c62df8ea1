package dev.rapport.clients;

import java.util.List;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;

/** {@link ClientSaved} for many clients replaced at once (an import merging into existing clients). */
public record ClientsSaved(TeamId teamId, List<ClientId> clientIds) {
    public ClientsSaved {
        clientIds = List.copyOf(clientIds);
    }
}
