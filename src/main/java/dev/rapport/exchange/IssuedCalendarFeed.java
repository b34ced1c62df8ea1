package dev.rapport.exchange;

import java.time.Instant;

/** A new (or regenerated) feed: the path holds the secret and is shown once; only its hash is stored. */
public record IssuedCalendarFeed(String path, Instant createdAt) {
}
