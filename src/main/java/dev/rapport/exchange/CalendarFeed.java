package dev.rapport.exchange;

import java.time.Instant;

/** A user's calendar feed as listed: never its secret URL, which is shown once when created. */
public record CalendarFeed(Instant createdAt, Instant lastFetchedAt) {
}
