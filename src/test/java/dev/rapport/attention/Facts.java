package dev.rapport.attention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.rapport.clients.CadenceFacts;
import dev.rapport.clients.CadenceOverride;
import dev.rapport.shared.ClientId;

/** Builds engine inputs in local days, so tests read like the rules. */
final class Facts {
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private Facts() {
    }

    static Instant day(int daysAgo) {
        return TODAY.minusDays(daysAgo).atTime(10, 0).atZone(ZONE).toInstant();
    }

    static CadenceFacts client(long id, String tier, int createdDaysAgo, Integer lastTouchDaysAgo) {
        Instant last = lastTouchDaysAgo == null ? null : day(lastTouchDaysAgo);
        return new CadenceFacts(new ClientId(id), "Client " + id, tier, CadenceOverride.NONE, null,
                day(createdDaysAgo), last, last, last, null);
    }

    static CadenceFacts with(CadenceFacts f, Instant lastTouch, Instant lastRich, Instant lastOutbound,
                             Instant lastRequest) {
        return new CadenceFacts(f.id(), f.name(), f.tier(), f.cadence(), f.signedOn(), f.createdAt(), lastTouch,
                lastRich, lastOutbound, lastRequest);
    }

    static CadenceFacts withOverride(CadenceFacts f, CadenceOverride o) {
        return new CadenceFacts(f.id(), f.name(), f.tier(), o, f.signedOn(), f.createdAt(), f.lastTouchAt(),
                f.lastRichAt(), f.lastOutboundAt(), f.lastUpdateRequestAt());
    }

    static AttentionPolicy policy() {
        return AttentionPolicy.of(TierCadence.defaults(), "phone, video, face to face");
    }

    static ClientState state(CadenceFacts f) {
        return new ClientState(f, false, null);
    }
}
