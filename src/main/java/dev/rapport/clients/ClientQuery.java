package dev.rapport.clients;

import dev.rapport.shared.UserId;

/** Filters for the client list; all optional. Text matches name, organisation or email. */
public record ClientQuery(String text, String tag, String tier, ClientStatus status, ClientKind kind,
                          UserId ownerId, boolean includeArchived, String cursor, int limit) {
}
