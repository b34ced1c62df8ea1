package dev.rapport.clients;

import java.time.Instant;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;

/**
 * A client as stored, with rollups kept on write from real touches (automated ones never count):
 * the cadence, rich-contact rule and late signal read these instead of scanning touches.
 * {@code shared}: members of the team see it even when they do not own it.
 */
public record Client(
        ClientId id,
        TeamId teamId,
        ClientDetails details,
        Instant createdAt,
        Instant updatedAt,
        Instant archivedAt,
        Instant lastTouchAt,
        Instant lastRichAt,
        Instant lastOutboundAt,
        Instant lastUpdateRequestAt,
        boolean shared) {

    public boolean archived() {
        return archivedAt != null;
    }

    /** What the attention engine reads of this client. */
    public CadenceFacts cadenceFacts() {
        return new CadenceFacts(id, details.name(), details.tier(), details.cadence(), details.signedOn(), createdAt,
                lastTouchAt, lastRichAt, lastOutboundAt, lastUpdateRequestAt);
    }
}
