package dev.rapport.web;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Predicate;

import org.springframework.web.util.UriComponentsBuilder;

import dev.rapport.clients.Client;
import dev.rapport.clients.ClientDetails;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientQuery;
import dev.rapport.clients.ClientStatus;

/** The client list's search, filters and sort, as query parameters (so a filtered list can be bookmarked). */
record ClientFilter(String q, String tier, String status, String kind, String tag, Boolean overdue,
                    Boolean archived, String sort, String cursor) {
    static final int PAGE = 25;

    // public: templates call these (SpEL reaches public methods only)
    public boolean overdueOnly() {
        return Boolean.TRUE.equals(overdue);
    }

    public boolean includeArchived() {
        return Boolean.TRUE.equals(archived);
    }

    ClientStatus statusValue() {
        return ClientStatus.fromCode(Forms.code(status)).orElse(null);
    }

    ClientKind kindValue() {
        return ClientKind.fromCode(Forms.code(kind)).orElse(null);
    }

    ClientQuery.Sort sortValue() {
        return switch (sort == null ? "" : sort) {
            case "stale" -> ClientQuery.Sort.LEAST_RECENT_TOUCH;
            case "recent" -> ClientQuery.Sort.MOST_RECENT_TOUCH;
            default -> ClientQuery.Sort.NAME;
        };
    }

    ClientQuery query() {
        return new ClientQuery(Forms.blankToNull(q), Forms.blankToNull(tag), Forms.blankToNull(tier), statusValue(),
                kindValue(), null, includeArchived(), Forms.blankToNull(cursor), PAGE, sortValue());
    }

    public boolean filtered() {
        return !Forms.blank(q) || !Forms.blank(tier) || statusValue() != null || kindValue() != null
                || !Forms.blank(tag) || overdueOnly() || includeArchived();
    }

    /** The same filters as the database query, for the overdue list that comes from the queue. */
    Predicate<Client> matcher() {
        String text = Forms.blank(q) ? null : q.strip().toLowerCase(Locale.ROOT);
        String wantedTag = Forms.blank(tag) ? null : tag.strip().toLowerCase(Locale.ROOT);
        return c -> {
            ClientDetails d = c.details();
            return (text == null || contains(d.name(), text) || contains(d.organisation(), text)
                    || d.emails().stream().anyMatch(e -> contains(e, text)))
                    && (wantedTag == null || d.tags().contains(wantedTag))
                    && (Forms.blank(tier) || d.tier().equals(tier.strip()))
                    && (statusValue() == null || d.status() == statusValue())
                    && (kindValue() == null || d.kind() == kindValue());
        };
    }

    Comparator<Client> comparator() {
        Comparator<Client> byName = Comparator.comparing((Client c) -> c.details().name().toLowerCase(Locale.ROOT))
                .thenComparingLong(c -> c.id().value());
        Comparator<Client> byTouch = Comparator.comparing(Client::lastTouchAt,
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(c -> c.id().value());
        return switch (sortValue()) {
            case NAME -> byName;
            case LEAST_RECENT_TOUCH -> byTouch;
            case MOST_RECENT_TOUCH -> byTouch.reversed();
        };
    }

    /** This list's URL with another cursor (null = the first page). */
    String url(String withCursor) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/clients");
        add(b, "q", q);
        add(b, "tier", tier);
        add(b, "status", status);
        add(b, "kind", kind);
        add(b, "tag", tag);
        add(b, "overdue", overdueOnly() ? "true" : null);
        add(b, "archived", includeArchived() ? "true" : null);
        add(b, "sort", sort);
        add(b, "cursor", withCursor);
        return b.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, String value) {
        if (!Forms.blank(value)) {
            b.queryParam(name, value.strip());
        }
    }

    private static boolean contains(String value, String text) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(text);
    }
}
