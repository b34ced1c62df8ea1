package dev.rapport.clients;

import java.time.Instant;

/** A real touch with a duration: it spans [at, at + minutes) of its user's time. */
public record TimedTouch(Instant at, int minutes) {
}
