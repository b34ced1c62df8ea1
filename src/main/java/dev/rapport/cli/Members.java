package dev.rapport.cli;

import tools.jackson.databind.JsonNode;

/** Finds a team member's user id from their email, through the API's member list. */
final class Members {
    private Members() {
    }

    static long idOf(ApiClient api, String email, String option) {
        for (JsonNode m : api.get("/api/v1/team/members", java.util.Map.of())) {
            if (email.strip().equalsIgnoreCase(Output.text(m, "email"))) {
                return m.get("userId").asLong();
            }
        }
        throw new CliException(option + ": no member of this team has the email " + email);
    }

    /** Every member's email by user id, to say who made a record. */
    static java.util.Map<Long, String> emails(ApiClient api) {
        java.util.Map<Long, String> emails = new java.util.HashMap<>();
        api.get("/api/v1/team/members", java.util.Map.of()).forEach(m -> emails.put(m.get("userId").asLong(),
                Output.text(m, "email")));
        return emails;
    }
}
