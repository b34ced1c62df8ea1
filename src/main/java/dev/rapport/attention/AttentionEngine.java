package dev.rapport.attention;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.rapport.clients.CadenceFacts;
import dev.rapport.clients.CadenceOverride;

/**
 * Decides who needs contact on a given local day and why (PRODUCT.md, "Cadences and the attention
 * queue" and "Precise rules"). Pure: no clock, no storage; the caller passes today and the zone.
 */
public final class AttentionEngine {
    /** An active listing tightens the cadence to at least weekly (seed 004). */
    static final int LISTING_DAYS = 7;
    /** A pending promise enters the queue this many days before its due date. */
    static final int PROMISE_DAYS = 2;

    /** Ranking: a higher score never loses to a lower one; ties fall back to name then id. */
    static final Comparator<QueueEntry> RANKING = Comparator.comparingInt(QueueEntry::score).reversed()
            .thenComparing(e -> e.name().toLowerCase(Locale.ROOT))
            .thenComparingLong(e -> e.clientId().value());

    private AttentionEngine() {
    }

    public static List<QueueEntry> queue(List<ClientState> clients, AttentionPolicy policy, LocalDate today,
                                         ZoneId zone) {
        // one zone lookup for the whole queue, not one ZonedDateTime per instant
        LocalDays days = LocalDays.in(zone);
        List<QueueEntry> entries = new ArrayList<>();
        for (ClientState client : clients) {
            evaluate(client, policy, today, days).ifPresent(entries::add);
        }
        entries.sort(RANKING);
        return entries;
    }

    /** The client's queue entry for today, or empty when nothing is due or the entry is snoozed. */
    public static Optional<QueueEntry> evaluate(ClientState state, AttentionPolicy policy, LocalDate today,
                                                ZoneId zone) {
        return evaluate(state, policy, today, LocalDays.in(zone));
    }

    static Optional<QueueEntry> evaluate(ClientState state, AttentionPolicy policy, LocalDate today, LocalDays zone) {
        CadenceFacts f = state.facts();
        if (snoozed(state, today)) {
            return Optional.empty();
        }
        TierCadence tier = policy.tier(f.tier());
        Effective cadence = Effective.of(tier, f.cadence(), state.activeListing());
        LocalDate created = zone.of(f.createdAt());
        LocalDate lastTouch = zone.of(f.lastTouchAt());
        CadenceWindow window = window(lastTouch, created, cadence);
        LocalDate dueOn = window.dueOn();
        LocalDate overdueAfter = window.overdueAfter();
        Long since = lastTouch == null ? null : DAYS.between(lastTouch, today);

        List<Reason> reasons = new ArrayList<>();
        int overdueDays = 0;
        // reason texts are built only for clients that have the reason, i.e. that are in the queue
        if (today.isAfter(overdueAfter)) {
            overdueDays = (int) DAYS.between(overdueAfter, today);
            reasons.add(new Reason(ReasonCode.OVERDUE, sinceText(since, created) + ", " + cadence.source(tier)
                    + " allows at most " + days(cadence.max()) + " — " + days(overdueDays) + " overdue"));
        } else if (!today.isBefore(dueOn)) {
            reasons.add(new Reason(ReasonCode.DUE, sinceText(since, created) + ", " + cadence.source(tier)
                    + " allows " + cadence.ideal()));
        }
        richReason(f, cadence, tier, policy, today, zone, created).ifPresent(reasons::add);
        lateReason(f, zone).ifPresent(reasons::add);
        promiseReason(state, today).ifPresent(reasons::add);
        milestoneReason(state, zone).ifPresent(reasons::add);
        boolean due = reasons.stream().anyMatch(r -> r.code() == ReasonCode.DUE || r.code() == ReasonCode.OVERDUE);
        honeymoonReason(state, due).ifPresent(reasons::add);
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        int score = score(overdueDays, tier.rank(), reasons.size());
        return Optional.of(new QueueEntry(f.id(), f.name(), f.tier(), tier.rank(), lastTouch, since, dueOn,
                overdueDays, score, reasons));
    }

    /** The day the client's main cadence falls due: last real touch + ideal gap, or the creation day. */
    public static LocalDate dueOn(ClientState state, AttentionPolicy policy, ZoneId zone) {
        CadenceFacts f = state.facts();
        return window(f, Effective.of(policy.tier(f.tier()), f.cadence(), state.activeListing()), LocalDays.in(zone))
                .dueOn();
    }

    /**
     * The local days the client's main cadence falls due and after which it is overdue; the one rule
     * the queue and the stored dates of the manager dashboard share.
     */
    public static CadenceWindow window(CadenceFacts f, AttentionPolicy policy, boolean activeListing, ZoneId zone) {
        return window(f, Effective.of(policy.tier(f.tier()), f.cadence(), activeListing), LocalDays.in(zone));
    }

    private static CadenceWindow window(CadenceFacts f, Effective cadence, LocalDays zone) {
        LocalDate lastTouch = zone.of(f.lastTouchAt());
        return window(lastTouch, lastTouch != null ? null : zone.of(f.createdAt()), cadence);
    }

    /** created is only read for a never-touched client. */
    private static CadenceWindow window(LocalDate lastTouch, LocalDate created, Effective cadence) {
        LocalDate base = lastTouch != null ? lastTouch : created;
        // a never-touched client is due on its creation day; its maximum gap still runs from that day
        return new CadenceWindow(lastTouch != null ? base.plusDays(cadence.ideal()) : base, base.plusDays(cadence.max()));
    }

    /** Grows with days overdue, tier rank and the number of reasons; monotone in each. */
    static int score(int overdueDays, int tierRank, int reasonCount) {
        return 2 * overdueDays + 10 * tierRank + 15 * reasonCount;
    }

    /** Hidden until its date, unless the client asked for an update after the snooze was set. */
    static boolean snoozed(ClientState state, LocalDate today) {
        Snooze snooze = state.snooze();
        if (snooze == null || !today.isBefore(snooze.until())) {
            return false;
        }
        Instant request = state.facts().lastUpdateRequestAt();
        return request == null || !request.isAfter(snooze.createdAt());
    }

    private static Optional<Reason> richReason(CadenceFacts f, Effective cadence, TierCadence tier,
                                               AttentionPolicy policy, LocalDate today, LocalDays zone,
                                               LocalDate created) {
        if (cadence.rich() == null) {
            return Optional.empty();
        }
        LocalDate lastRich = zone.of(f.lastRichAt());
        LocalDate from = lastRich != null ? lastRich : created;
        if (today.isBefore(from.plusDays(cadence.rich()))) {
            return Optional.empty();
        }
        String what = "no rich contact (" + policy.richChannels() + ")";
        String since = lastRich != null ? " for " + days(DAYS.between(lastRich, today))
                : " since added on " + created;
        return Optional.of(new Reason(ReasonCode.RICH_CONTACT_DUE, what + since + ", " + cadence.richSource(tier)
                + " wants one every "
                + days(cadence.rich())));
    }

    /** The client asked for an update and no real outbound touch came strictly later. */
    private static Optional<Reason> lateReason(CadenceFacts f, LocalDays zone) {
        Instant request = f.lastUpdateRequestAt();
        if (request == null || (f.lastOutboundAt() != null && f.lastOutboundAt().isAfter(request))) {
            return Optional.empty();
        }
        return Optional.of(new Reason(ReasonCode.LATE_SIGNAL, "asked for an update on "
                + zone.of(request) + " — you were late"));
    }

    /** A pending promise due today or within the next two days. */
    private static Optional<Reason> promiseReason(ClientState state, LocalDate today) {
        if (state.promises().isEmpty()) {
            return Optional.empty();
        }
        List<ClientState.PendingPromise> soon = state.promises().stream()
                .filter(p -> !p.dueOn().isBefore(today) && !p.dueOn().isAfter(today.plusDays(PROMISE_DAYS)))
                .sorted(Comparator.comparing(ClientState.PendingPromise::dueOn)).toList();
        if (soon.isEmpty()) {
            return Optional.empty();
        }
        ClientState.PendingPromise first = soon.get(0);
        long in = DAYS.between(today, first.dueOn());
        String when = in == 0 ? "today" : in == 1 ? "tomorrow" : "in " + in + " days";
        String more = soon.size() > 1 ? " (and " + (soon.size() - 1) + " more)" : "";
        return Optional.of(new Reason(ReasonCode.PROMISE_DUE, (first.by() == null ? "you" : first.by())
                + " promised “" + first.text() + "” by "
                + first.dueOn() + " — due " + when + more));
    }

    /** A completed milestone needs a real outbound touch strictly after it. */
    private static Optional<Reason> milestoneReason(ClientState state, LocalDays zone) {
        if (state.milestones().isEmpty()) {
            return Optional.empty();
        }
        Instant told = state.facts().lastOutboundAt();
        List<ClientState.CompletedMilestone> untold = state.milestones().stream()
                .filter(m -> told == null || !told.isAfter(m.completedAt()))
                .sorted(Comparator.comparing(ClientState.CompletedMilestone::completedAt)).toList();
        if (untold.isEmpty()) {
            return Optional.empty();
        }
        ClientState.CompletedMilestone last = untold.get(untold.size() - 1);
        String more = untold.size() > 1 ? " (and " + (untold.size() - 1) + " earlier)" : "";
        return Optional.of(new Reason(ReasonCode.MILESTONE_UPDATE, "milestone “" + last.name() + "” completed on "
                + zone.of(last.completedAt()) + more + " — tell the client"));
    }

    /** A stored drop counts only while the client is due or overdue on its main cadence. */
    private static Optional<Reason> honeymoonReason(ClientState state, boolean due) {
        Honeymoon.Rates r = state.honeymoon();
        if (r == null || !r.dropped() || !due) {
            return Optional.empty();
        }
        return Optional.of(new Reason(ReasonCode.HONEYMOON, "honeymoon drop: weighted touches per month fell from "
                + oneDecimal(r.before()) + " before signing to " + oneDecimal(r.after()) + " after"));
    }

    /**
     * What {@code String.format(Locale.ROOT, "%.1f", x)} writes for a finite rate (half-up on the
     * shortest decimal form), without a Formatter: that was the queue's single biggest cost.
     */
    static String oneDecimal(double x) {
        if (!Double.isFinite(x)) {
            return String.format(java.util.Locale.ROOT, "%.1f", x);
        }
        return new java.math.BigDecimal(Double.toString(x)).setScale(1, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static String sinceText(Long since, LocalDate created) {
        return since == null ? "never touched since added on " + created : days(since) + " since last touch";
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    /** The cadence that applies: per-client override, then tier, then the listing tightening. */
    record Effective(int ideal, int max, Integer rich, boolean overridden, boolean listing, boolean richOverridden) {
        static Effective of(TierCadence tier, CadenceOverride override, boolean activeListing) {
            CadenceOverride o = override == null ? CadenceOverride.NONE : override;
            int ideal = o.idealDays() != null ? o.idealDays() : tier.idealDays();
            int max = o.maxDays() != null ? o.maxDays() : tier.maxDays();
            Integer rich = o.richEveryDays() != null ? o.richEveryDays() : tier.richEveryDays();
            boolean overridden = o.idealDays() != null || o.maxDays() != null || o.richEveryDays() != null;
            max = Math.max(max, ideal);
            if (activeListing) {
                ideal = Math.min(ideal, LISTING_DAYS);
                max = Math.min(max, LISTING_DAYS);
            }
            return new Effective(ideal, max, rich, overridden, activeListing, o.richEveryDays() != null);
        }

        /** The listing rule tightens contact, not the rich-contact rule: that comes from the client or tier. */
        String richSource(TierCadence tier) {
            return richOverridden ? "this client's cadence" : "tier " + tier.tier();
        }

        String source(TierCadence tier) {
            if (listing) {
                return "an active listing";
            }
            return overridden ? "this client's cadence" : "tier " + tier.tier();
        }
    }
}
