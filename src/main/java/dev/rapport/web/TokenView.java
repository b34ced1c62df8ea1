package dev.rapport.web;

import java.time.ZoneId;

import dev.rapport.teams.ApiToken;

/** A personal API token as listed: never the secret. */
record TokenView(long id, String name, String created, String lastUsed, String revoked) {
    static TokenView of(ApiToken t, ZoneId zone) {
        return new TokenView(t.id(), t.name(), Formats.dayTime(t.createdAt(), zone),
                t.lastUsedAt() == null ? "Never" : Formats.dayTime(t.lastUsedAt(), zone),
                t.revokedAt() == null ? null : Formats.dayTime(t.revokedAt(), zone));
    }
}
