package dev.rapport.clients;

import java.time.Instant;
import java.util.List;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;

/**
 * Published in the creating transaction when many clients were created at once (an import), with
 * what they were created from: read models fill their rows without reading the new clients back.
 * {@code ids} and {@code details} are parallel lists.
 */
public record ClientsCreated(TeamId teamId, List<ClientId> ids, List<ClientDetails> details, Instant createdAt) {
    public ClientsCreated {
        ids = List.copyOf(ids);
        details = List.copyOf(details);
        if (ids.size() != details.size()) {
            throw new IllegalArgumentException("ids and details differ in size");
        }
    }
}
