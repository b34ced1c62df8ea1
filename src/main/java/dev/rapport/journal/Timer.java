package dev.rapport.journal;

import java.time.Instant;

import dev.rapport.shared.ClientId;

/** A running timer: becomes an entry from startedAt to the moment it is stopped. */
public record Timer(String category, ClientId clientId, String note, Instant startedAt) {
}
