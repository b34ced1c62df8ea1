package dev.rapport.teams;

import dev.rapport.shared.UserId;

/**
 * A user's own time zone changed: their calendar days now fall elsewhere, so whatever is tallied by
 * local day (the journal's day totals) must be tallied again. Published inside the change's transaction.
 */
public record TimeZoneChanged(UserId userId) {
}
