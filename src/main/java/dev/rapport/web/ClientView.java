package dev.rapport.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.rapport.attention.CadenceStatus;
import dev.rapport.attention.ReasonCode;
import dev.rapport.clients.CadenceOverride;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientDetails;
import dev.rapport.clients.Competitor;
import dev.rapport.shared.UserId;

/** One client's header and details, formatted for the client page. */
record ClientView(long id, String name, String organisation, String tier, String status, String kind,
                  String depth, String signedOn, String owner, boolean archived, String archivedOn,
                  List<String> emails, List<String> phones, List<String> addresses, List<String> tags,
                  String notes, List<Competitor> competitors, String cadenceOverride, String added,
                  CadenceBadge cadence, boolean lateSignal, long ownerId, boolean shared) {

    /** The cadence standing as a short label plus the sentences behind it. */
    record CadenceBadge(String code, String label, List<String> reasons) {
        static CadenceBadge of(CadenceStatus status, LocalDate today) {
            List<String> reasons = status.reasons().stream().map(r -> r.text()).toList();
            if (status.has(ReasonCode.OVERDUE)) {
                return new CadenceBadge("overdue", "Overdue " + Formats.days(status.overdueDays()), reasons);
            }
            if (status.has(ReasonCode.DUE)) {
                String label = status.dueOn().isBefore(today) ? "Due since " + Formats.day(status.dueOn())
                        : "Due today";
                return new CadenceBadge("due", label, reasons);
            }
            if (status.has(ReasonCode.RICH_CONTACT_DUE)) {
                return new CadenceBadge("rich_contact_due", "Rich contact due", reasons);
            }
            return new CadenceBadge("ok", "On track · next due " + Formats.day(status.dueOn()), reasons);
        }
    }

    static ClientView of(Client c, Map<UserId, String> members, CadenceStatus status, LocalDate today, ZoneId zone) {
        ClientDetails d = c.details();
        return new ClientView(c.id().value(), d.name(), d.organisation(), d.tier(), Formats.label(d.status().code()),
                Formats.label(d.kind().code()), depth(d.depthCurrent(), d.depthTarget()),
                d.signedOn() == null ? "—" : Formats.day(d.signedOn()),
                members.getOrDefault(d.ownerId(), "Former member"), c.archived(),
                c.archivedAt() == null ? null : Formats.day(c.archivedAt().atZone(zone).toLocalDate()),
                d.emails(), d.phones(), d.addresses(), d.tags(), d.notes(), d.competitors(), override(d.cadence()),
                Formats.day(c.createdAt().atZone(zone).toLocalDate()), CadenceBadge.of(status, today),
                status.has(ReasonCode.LATE_SIGNAL), d.ownerId().value(), c.shared());
    }

    static String depth(Integer now, Integer target) {
        if (now == null && target == null) {
            return "—";
        }
        return (now == null ? "?" : now.toString()) + " now → " + (target == null ? "?" : target.toString())
                + " target";
    }

    private static String override(CadenceOverride o) {
        List<String> parts = new ArrayList<>();
        if (o.idealDays() != null) {
            parts.add("ideally every " + Formats.days(o.idealDays()));
        }
        if (o.maxDays() != null) {
            parts.add("at most " + Formats.days(o.maxDays()));
        }
        if (o.richEveryDays() != null) {
            parts.add("rich contact every " + Formats.days(o.richEveryDays()));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }
}
