package dev.rapport.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Resolves what the user typed (an id, or part of a name or email) to exactly one client id. */
final class ClientRef {
    private ClientRef() {
    }

    static long resolve(ApiClient api, String ref) {
        if (ref.matches("\\d+")) {
            return Long.parseLong(ref);
        }
        JsonNode page = api.get("/api/v1/clients", Map.of("q", ref, "limit", "20"));
        List<JsonNode> matches = new ArrayList<>();
        page.get("items").forEach(matches::add);
        List<JsonNode> exact = matches.stream()
                .filter(c -> Output.text(c, "name").toLowerCase(Locale.ROOT).equals(ref.toLowerCase(Locale.ROOT)))
                .toList();
        if (exact.size() == 1) {
            return exact.get(0).get("id").asLong();
        }
        if (matches.size() == 1) {
            return matches.get(0).get("id").asLong();
        }
        if (matches.isEmpty()) {
            throw new CliException("no client matches '" + ref + "'");
        }
        StringBuilder msg = new StringBuilder("'" + ref + "' matches several clients; use the id:");
        matches.forEach(c -> msg.append("\n  ").append(c.get("id").asLong()).append("  ").append(Output.text(c, "name")));
        throw new CliException(msg.toString());
    }
}
