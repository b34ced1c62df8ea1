package dev.rapport.exchange;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.rapport.attention.AttentionService.FollowUp;
import dev.rapport.attention.Reason;
import dev.rapport.attention.ReasonCode;
import dev.rapport.clients.Client;
import dev.rapport.deals.Deal;
import dev.rapport.promises.Promise;
import dev.rapport.shared.ClientId;

/**
 * What a user's calendar feed holds (pure: the caller passes today, the zone and the data).
 *
 * <p>UIDs name the item, not the fetch, so calendar apps keep each event across refreshes:
 * {@code followup-<client>-<due date>@rapport} (a new touch moves the due date and so makes a new
 * event), {@code promise-<id>@rapport} (a renegotiated promise moves), and
 * {@code milestone-<deal>-<position>@rapport}.
 */
final class CalendarEntries {
    static final int PAST_DAYS = 7;
    static final int FUTURE_DAYS = 60;
    static final String FOLLOW_UP = "Follow-up";
    static final String PROMISE = "Promise";
    static final String MILESTONE = "Deal milestone";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final LocalDate today;
    private final ZoneId zone;
    private final String baseUrl;

    CalendarEntries(LocalDate today, ZoneId zone, String baseUrl) {
        this.today = today;
        this.zone = zone;
        this.baseUrl = baseUrl;
    }

    LocalDate from() {
        return today.minusDays(PAST_DAYS);
    }

    LocalDate to() {
        return today.plusDays(FUTURE_DAYS);
    }

    /** Every entry in the horizon, by date then UID (a stable order, so the ETag is too). */
    List<CalendarEntry> build(List<FollowUp> followUps, List<Promise> promises, List<Deal> deals,
                              Map<ClientId, Client> clients) {
        return build(followUps, promises, deals, clients, p -> null);
    }

    /** by: the colleague who made a promise (null for the feed owner's own). */
    List<CalendarEntry> build(List<FollowUp> followUps, List<Promise> promises, List<Deal> deals,
                              Map<ClientId, Client> clients, java.util.function.Function<Promise, String> by) {
        List<CalendarEntry> out = new ArrayList<>();
        followUps.forEach(f -> followUp(f).ifPresent(out::add));
        promises.forEach(p -> promise(p, name(clients, p.clientId()), by.apply(p)).ifPresent(out::add));
        for (Deal d : deals) {
            for (Deal.Milestone m : d.milestones()) {
                milestone(d, m, clients.get(d.clientId()), name(clients, d.clientId())).ifPresent(out::add);
            }
        }
        out.sort(Comparator.comparing(CalendarEntry::date).thenComparing(CalendarEntry::uid));
        return out;
    }

    /**
     * A client in today's queue for contact (not only for a promise or a milestone, which have their
     * own events) is on today: an overdue client never slips into the past where nobody looks. The
     * others are on their due date, or on the day their snooze ends.
     */
    java.util.Optional<CalendarEntry> followUp(FollowUp f) {
        List<Reason> contact = f.reasons().stream()
                .filter(r -> r.code() != ReasonCode.PROMISE_DUE && r.code() != ReasonCode.MILESTONE_UPDATE).toList();
        String uid = "followup-" + f.clientId().value() + "-" + f.dueOn() + "@rapport";
        String tier = "Tier " + f.tier() + ", due on " + f.dueOn();
        if (!contact.isEmpty()) {
            boolean overdue = contact.stream().anyMatch(r -> r.code() == ReasonCode.OVERDUE);
            String why = String.join("\n", contact.stream().map(Reason::text).toList());
            return java.util.Optional.of(new CalendarEntry(uid, today, (overdue ? "Overdue: contact " : "Contact ")
                    + f.name(), why + "\n" + tier, FOLLOW_UP, clientUrl(f.clientId())));
        }
        LocalDate on = f.snoozedUntil() != null && f.snoozedUntil().isAfter(f.dueOn()) ? f.snoozedUntil() : f.dueOn();
        if (on.isBefore(today)) {
            on = today;
        }
        if (on.isAfter(to())) {
            return java.util.Optional.empty();
        }
        String snoozed = f.snoozedUntil() != null ? "\nSnoozed until " + f.snoozedUntil() : "";
        return java.util.Optional.of(new CalendarEntry(uid, on, "Follow up with " + f.name(), tier + snoozed,
                FOLLOW_UP, clientUrl(f.clientId())));
    }

    /** A pending promise on its (renegotiated) due date; kept and broken ones need nothing more. */
    java.util.Optional<CalendarEntry> promise(Promise p, String client, String by) {
        if (!p.status().pending() || p.dueOn().isBefore(from()) || p.dueOn().isAfter(to())) {
            return java.util.Optional.empty();
        }
        String overdue = p.dueOn().isBefore(today) ? " (overdue)" : "";
        String moved = p.renegotiations() > 0 ? ", first due " + p.originalDueOn() + ", renegotiated" : "";
        return java.util.Optional.of(new CalendarEntry("promise-" + p.id() + "@rapport", p.dueOn(),
                "Promise to " + client + (by == null ? "" : " by " + by) + overdue + ": " + p.text(),
                (by == null ? "You" : by) + " promised " + client + " on " + p.madeOn() + moved + ":\n" + p.text(),
                PROMISE, clientUrl(p.clientId())));
    }

    /**
     * A completed milestone on its local completion day: the client should hear about it that day
     * (until a real outbound touch after the completion).
     */
    java.util.Optional<CalendarEntry> milestone(Deal d, Deal.Milestone m, Client c, String client) {
        if (!m.done()) {
            return java.util.Optional.empty();
        }
        ZonedDateTime at = m.completedAt().atZone(zone);
        LocalDate on = at.toLocalDate();
        if (on.isBefore(from()) || on.isAfter(to())) {
            return java.util.Optional.empty();
        }
        boolean told = c != null && c.lastOutboundAt() != null && c.lastOutboundAt().isAfter(m.completedAt());
        String summary = told ? d.title() + ": " + m.name() + " (" + client + " told)"
                : "Tell " + client + ": " + m.name() + " (" + d.title() + ")";
        String description = "Deal “" + d.title() + "”: milestone " + (m.position() + 1) + " of "
                + d.milestones().size() + ", “" + m.name() + "”, completed at " + TIME.format(at) + " ("
                + zone.getId() + ")." + (told ? "" : "\nLet the client know.");
        return java.util.Optional.of(new CalendarEntry("milestone-" + d.id() + "-" + m.position() + "@rapport", on,
                summary, description, MILESTONE, clientUrl(d.clientId())));
    }

    private String clientUrl(ClientId id) {
        return baseUrl == null ? null : baseUrl + "/clients/" + id.value();
    }

    private static String name(Map<ClientId, Client> clients, ClientId id) {
        Client c = clients.get(id);
        return c != null ? c.details().name() : "client #" + id.value();
    }
}
