package dev.rapport.clients;

import java.time.Instant;
import java.time.LocalDate;

import dev.rapport.shared.ClientId;

/** What the attention engine needs of one client, read in one indexed query per queue. */
public record CadenceFacts(
        ClientId id,
        String name,
        String tier,
        CadenceOverride cadence,
        LocalDate signedOn,
        Instant createdAt,
        Instant lastTouchAt,
        Instant lastRichAt,
        Instant lastOutboundAt,
        Instant lastUpdateRequestAt) {
}
