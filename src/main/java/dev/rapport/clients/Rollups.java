package dev.rapport.clients;

import java.time.Instant;
import java.util.Collection;

/**
 * The per-client facts the attention engine reads, derived from real touches. The database keeps
 * them on write; this is the same rule over a list, the reference the storage is tested against.
 */
public record Rollups(Instant lastTouchAt, Instant lastRichAt, Instant lastOutboundAt, Instant lastUpdateRequestAt) {

    public static final Rollups NONE = new Rollups(null, null, null, null);

    public static Rollups of(Collection<Touch> touches, ChannelWeights weights) {
        Rollups r = NONE;
        for (Touch t : touches) {
            r = r.with(t, weights);
        }
        return r;
    }

    /** Folds one touch in; automated touches (digests, bulk mail) count for nothing. */
    public Rollups with(Touch t, ChannelWeights weights) {
        if (t.automated()) {
            return this;
        }
        return new Rollups(max(lastTouchAt, t.at()),
                weights.rich(t.channel()) ? max(lastRichAt, t.at()) : lastRichAt,
                t.direction() == Direction.OUTBOUND ? max(lastOutboundAt, t.at()) : lastOutboundAt,
                t.lateSignal() ? max(lastUpdateRequestAt, t.at()) : lastUpdateRequestAt);
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
