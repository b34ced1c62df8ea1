package dev.rapport.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.UserId;

/** A piece of business with a client, moving through its template's milestones. */
public record Deal(long id, ClientId clientId, UserId userId, long templateId, String title, BigDecimal amount,
                   DealStatus status, Integer listingFrom, List<Milestone> milestones, Instant lastProgressAt,
                   Instant closedAt, Instant createdAt) {

    /** No progress for this many of the user's calendar days makes an open deal stale. */
    public static final int STALE_DAYS = 14;

    public record Milestone(int position, String name, Instant completedAt) {
        public boolean done() {
            return completedAt != null;
        }
    }

    public Deal {
        milestones = List.copyOf(milestones);
    }

    /** Completes a milestone once; the last one closes the deal as won. */
    public Deal complete(int position, Instant at) {
        if (status != DealStatus.OPEN) {
            throw new ConflictException("deal " + id + " is " + status.code() + "; its milestones are final");
        }
        Milestone m = milestone(position);
        if (m.done()) {
            throw new ConflictException("milestone '" + m.name() + "' of deal " + id + " was already completed on "
                    + m.completedAt());
        }
        List<Milestone> updated = new ArrayList<>(milestones);
        updated.set(position, new Milestone(position, m.name(), at));
        boolean closing = position == milestones.size() - 1;
        return new Deal(id, clientId, userId, templateId, title, amount, closing ? DealStatus.WON : status,
                listingFrom, updated, at, closing ? at : closedAt, createdAt);
    }

    public Deal lose(Instant at) {
        if (status != DealStatus.OPEN) {
            throw new ConflictException("deal " + id + " is already " + status.code());
        }
        return new Deal(id, clientId, userId, templateId, title, amount, DealStatus.LOST, listingFrom, milestones,
                lastProgressAt, at, createdAt);
    }

    public Milestone milestone(int position) {
        if (position < 0 || position >= milestones.size()) {
            throw new dev.rapport.shared.NotFoundException("milestone", position);
        }
        return milestones.get(position);
    }

    /** Finds a milestone by position or (part of) its name, as people type it. */
    public Optional<Milestone> find(String ref) {
        if (ref.matches("\\d{1,3}")) {
            int n = Integer.parseInt(ref);
            return n >= 0 && n < milestones.size() ? Optional.of(milestones.get(n)) : Optional.empty();
        }
        String r = ref.toLowerCase(Locale.ROOT);
        List<Milestone> hits = milestones.stream().filter(m -> m.name().toLowerCase(Locale.ROOT).contains(r)).toList();
        return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
    }

    /** The furthest completed milestone: the deal's stage. */
    public Optional<Milestone> stage() {
        return milestones.stream().filter(Milestone::done).reduce((a, b) -> b);
    }

    /** Open, listed (furthest completed at or past the listing milestone) and not closed. */
    public boolean activeListing() {
        return status == DealStatus.OPEN && listingFrom != null
                && stage().map(m -> m.position() >= listingFrom).orElse(false)
                && !milestones.get(milestones.size() - 1).done();
    }

    /** Open, and 14 or more calendar days (in the user's zone) since the last milestone or the creation. */
    public boolean stale(Instant now, java.time.ZoneId zone) {
        return status == DealStatus.OPEN && daysBetween(lastProgressAt, now, zone) >= STALE_DAYS;
    }

    /** Calendar days from one instant's date to another's in the zone (PRODUCT.md counts dates, not hours). */
    public static long daysBetween(Instant from, Instant to, java.time.ZoneId zone) {
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(from.atZone(zone).toLocalDate(),
                to.atZone(zone).toLocalDate()));
    }
}
