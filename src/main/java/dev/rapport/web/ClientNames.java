package dev.rapport.web;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import dev.rapport.clients.ClientService;
import dev.rapport.shared.ClientId;
import dev.rapport.teams.CurrentUser;

/** Client names for lists that hold client ids (journal entries, promises, deals), each looked up once. */
final class ClientNames {
    private ClientNames() {
    }

    static Function<ClientId, String> of(ClientService clients, CurrentUser user) {
        Map<ClientId, String> cache = new HashMap<>();
        return id -> cache.computeIfAbsent(id, k -> clients.exists(user, k) ? clients.get(user, k).details().name()
                : "a removed client");
    }

    /** The same for a long list (a whole team's deals): the names are read in a few queries up front. */
    static Function<ClientId, String> of(ClientService clients, CurrentUser user, java.util.Collection<ClientId> ids) {
        Map<ClientId, String> names = new HashMap<>();
        clients.getAll(user, ids).forEach((id, c) -> names.put(id, c.details().name()));
        return id -> names.getOrDefault(id, "a removed client");
    }
}
