package dev.rapport.clients;

import java.time.Instant;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.UserId;

/** One recorded interaction with a client. */
public record Touch(
        long id,
        ClientId clientId,
        UserId userId,
        Instant at,
        Channel channel,
        Direction direction,
        Integer minutes,
        String note,
        Integer rating,
        boolean updateRequest,
        boolean automated,
        Instant createdAt) {

    /** An inbound "any update?": the client had to ask, so we were late. */
    public boolean lateSignal() {
        return updateRequest && direction == Direction.INBOUND && !automated;
    }
}
