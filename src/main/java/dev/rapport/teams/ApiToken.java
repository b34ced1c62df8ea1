package dev.rapport.teams;

import java.time.Instant;

/** A personal API token as listed: never the secret, only its metadata. */
public record ApiToken(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
}
