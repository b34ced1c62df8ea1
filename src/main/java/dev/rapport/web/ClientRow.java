package dev.rapport.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import dev.rapport.attention.CadenceStatus;
import dev.rapport.attention.ReasonCode;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientDetails;
import dev.rapport.shared.UserId;

/** One line of the client list. */
record ClientRow(long id, String name, String organisation, String tier, String status, String kind, String owner,
                 String sinceLastTouch, ClientView.CadenceBadge cadence, boolean lateSignal, boolean archived,
                 boolean shared) {

    static ClientRow of(Client c, Map<UserId, String> members, CadenceStatus status, LocalDate today, ZoneId zone) {
        ClientDetails d = c.details();
        String since = c.lastTouchAt() == null ? "Never"
                : Formats.days(ChronoUnit.DAYS.between(c.lastTouchAt().atZone(zone).toLocalDate(), today));
        return new ClientRow(c.id().value(), d.name(), d.organisation(), d.tier(), Formats.label(d.status().code()),
                Formats.label(d.kind().code()), members.getOrDefault(d.ownerId(), "Former member"), since,
                ClientView.CadenceBadge.of(status, today), status.has(ReasonCode.LATE_SIGNAL), c.archived(),
                c.shared());
    }
}
