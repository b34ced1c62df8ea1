package dev.rapport.teams;

import java.time.Instant;

/** A personal API token as listed: never the secret, only its metadata. */
public record ApiToken(long id, String name, TokenScope scope, Instant createdAt, Instant expiresAt,
                       Instant lastUsedAt, Instant revokedAt) {
}
