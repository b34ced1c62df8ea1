package dev.rapport.clients;

import java.time.Instant;

import dev.rapport.shared.UserId;

/** One change of a client's relationship depth (1 features, 2 motives, 3 emotional), with why. */
public record DepthChange(UserId userId, Integer current, Integer target, String note, Instant changedAt) {
}
