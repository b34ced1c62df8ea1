package dev.rapport.clients;

import dev.rapport.shared.UserId;

/**
 * Filters for the client list; all optional. Text matches name, organisation or email. Sort
 * defaults to the name; the touch orders put never-touched clients with the least recent ones.
 */
public record ClientQuery(String text, String tag, String tier, ClientStatus status, ClientKind kind,
                          UserId ownerId, boolean includeArchived, String cursor, int limit, Sort sort) {

    public enum Sort {
        /** By name, then id. */
        NAME,
        /** Longest without a real touch first (never touched before all others), then id. */
        LEAST_RECENT_TOUCH,
        /** The exact reverse of LEAST_RECENT_TOUCH. */
        MOST_RECENT_TOUCH
    }

    public ClientQuery {
        sort = sort == null ? Sort.NAME : sort;
    }

    /** Sorted by name. */
    public ClientQuery(String text, String tag, String tier, ClientStatus status, ClientKind kind,
                       UserId ownerId, boolean includeArchived, String cursor, int limit) {
        this(text, tag, tier, status, kind, ownerId, includeArchived, cursor, limit, Sort.NAME);
    }
}
