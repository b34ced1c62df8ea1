package dev.rapport.attention;

import java.time.Instant;
import java.time.LocalDate;

import dev.rapport.shared.ClientId;

/** Hides a queue entry until a date (visible again on that date). */
public record Snooze(ClientId clientId, LocalDate until, String reason, Instant createdAt) {
}
