package dev.rapport.teams;

import dev.rapport.shared.UserId;

/**
 * A user's display name changed: whatever shows it to colleagues and keeps it (a queue naming the maker
 * of a promise) must be shown again. Published inside the change's transaction.
 */
public record NameChanged(UserId userId) {
}
