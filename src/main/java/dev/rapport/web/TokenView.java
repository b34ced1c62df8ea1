package dev.rapport.web;

import java.time.Instant;
import java.time.ZoneId;

import dev.rapport.teams.ApiToken;
import dev.rapport.teams.TokenScope;

/** A personal API token as listed: never the secret; what it may do and until when. */
record TokenView(long id, String name, String scope, String created, String lastUsed, String expires,
                 boolean expired, String revoked) {
    static TokenView of(ApiToken t, ZoneId zone, Instant now) {
        return new TokenView(t.id(), t.name(), t.scope() == TokenScope.READ ? "Read-only" : "Read and write",
                Formats.dayTime(t.createdAt(), zone),
                t.lastUsedAt() == null ? "Never" : Formats.dayTime(t.lastUsedAt(), zone),
                t.expiresAt() == null ? "Never" : Formats.dayTime(t.expiresAt(), zone),
                t.expiresAt() != null && !now.isBefore(t.expiresAt()),
                t.revokedAt() == null ? null : Formats.dayTime(t.revokedAt(), zone));
    }
}
