package dev.rapport.clients;

import java.time.Instant;
import java.time.LocalDate;

import dev.rapport.shared.ClientId;

/** A signed client and one of its real touches (at and channel null when it has none in the period). */
public record SignedTouch(ClientId clientId, LocalDate signedOn, Instant at, Channel channel) {
}
