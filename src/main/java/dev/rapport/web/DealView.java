package dev.rapport.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import dev.rapport.deals.Deal;
import dev.rapport.deals.DealStatus;
import dev.rapport.shared.ClientId;

/**
 * One deal with its milestones: the completed ones with their date, the next one, the rest; {@code by}
 * names the colleague who made it (null for the viewer's own, the only ones the viewer can move on).
 */
record DealView(long id, long clientId, String client, String title, String value, String status, String statusLabel,
                boolean open, String stage, boolean activeListing, boolean stale, String started, String lastProgress,
                int done, int total, List<MilestoneView> completed, MilestoneView next, List<MilestoneView> later,
                String by) {

    record MilestoneView(int position, String name, String completedOn) {
    }

    static DealView of(Deal d, Instant now, ZoneId zone, Function<ClientId, String> clientName) {
        return of(d, now, zone, clientName, null);
    }

    static DealView of(Deal d, Instant now, ZoneId zone, Function<ClientId, String> clientName, String by) {
        List<MilestoneView> completed = d.milestones().stream().filter(Deal.Milestone::done)
                .map(m -> new MilestoneView(m.position(), m.name(), Formats.day(m.completedAt().atZone(zone)
                        .toLocalDate()))).toList();
        List<MilestoneView> open = d.status() != DealStatus.OPEN ? List.of() : d.milestones().stream()
                .filter(m -> !m.done()).map(m -> new MilestoneView(m.position(), m.name(), null)).toList();
        long started = Deal.daysBetween(d.createdAt(), now, zone);
        return new DealView(d.id(), d.clientId().value(), clientName.apply(d.clientId()), d.title(),
                Formats.amount(d.amount()), d.status().code(), Formats.label(d.status().code()),
                d.status() == DealStatus.OPEN, d.stage().map(Deal.Milestone::name).orElse("not started"),
                d.activeListing(), d.stale(now, zone), Formats.ago(started), Formats.ago(Deal.daysBetween(d.lastProgressAt(), now, zone)),
                completed.size(), d.milestones().size(), completed, open.isEmpty() ? null : open.get(0),
                open.size() <= 1 ? List.of() : open.subList(1, open.size()), by);
    }

}
