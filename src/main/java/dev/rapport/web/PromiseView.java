package dev.rapport.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseStatus;
import dev.rapport.shared.ClientId;

/**
 * One promise as a list shows it: what, to whom, by when, and where it stands; {@code by} names the
 * colleague who made it (null for the viewer's own, the only ones the viewer can keep, break or move).
 */
record PromiseView(long id, long clientId, String client, String text, String status, String statusLabel,
                   boolean pending, boolean overdue, String due, String when, String originalDue, String reason,
                   String closed, String renegotiateDefault, String by) {

    static PromiseView of(Promise p, LocalDate today, ZoneId zone, Function<ClientId, String> clientName) {
        return of(p, today, zone, clientName, null);
    }

    static PromiseView of(Promise p, LocalDate today, ZoneId zone, Function<ClientId, String> clientName,
                          String by) {
        boolean overdue = p.overdue(today);
        String when = p.status().pending() ? (overdue ? "overdue since " + Formats.day(p.dueOn().plusDays(1))
                : "due " + Formats.relative(p.dueOn(), today)) : null;
        LocalDate suggestion = (p.dueOn().isBefore(today) ? today : p.dueOn()).plusDays(7);
        return new PromiseView(p.id(), p.clientId().value(), clientName.apply(p.clientId()), p.text(),
                p.status().code(), label(p.status()), p.status().pending(), overdue, Formats.day(p.dueOn()), when,
                p.originalDueOn().equals(p.dueOn()) ? null : Formats.day(p.originalDueOn()), p.reason(),
                p.closedAt() == null ? null : Formats.day(p.closedAt().atZone(zone).toLocalDate()),
                suggestion.toString(), by);
    }

    static String label(PromiseStatus status) {
        return switch (status) {
            case OPEN -> "Open";
            case KEPT -> "Kept";
            case BROKEN -> "Broken";
            case RENEGOTIATED -> "Renegotiated";
        };
    }

    /** Pending ones first, soonest due first; then the closed ones, latest due first. */
    static List<Promise> ordered(List<Promise> promises) {
        Comparator<Promise> pendingFirst = Comparator.comparing(p -> !p.status().pending());
        return promises.stream().sorted(pendingFirst.thenComparing((a, b) -> a.status().pending()
                ? a.dueOn().compareTo(b.dueOn()) : b.dueOn().compareTo(a.dueOn()))
                .thenComparing(Promise::id)).toList();
    }
}
