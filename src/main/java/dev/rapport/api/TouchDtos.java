package dev.rapport.api;

import java.time.Instant;

import dev.rapport.clients.Channel;
import dev.rapport.clients.Direction;
import dev.rapport.clients.NewTouch;
import dev.rapport.clients.Touch;
import dev.rapport.shared.Problems;

/** JSON shapes of touches at the API edge. */
final class TouchDtos {
    private TouchDtos() {
    }

    /** Record a touch. Omitted: at = now, direction = outbound, updateRequest = false. */
    record TouchRequest(Instant at, String channel, String direction, Integer minutes, String note, Integer rating,
                        Boolean updateRequest, Boolean automated) {

        NewTouch toNewTouch() {
            Problems problems = new Problems();
            Channel ch = channel == null ? null : Channel.fromCode(channel).orElse(null);
            problems.check(ch != null, "channel", "must be one of " + Channel.codes());
            Direction dir = direction == null ? Direction.OUTBOUND : Direction.fromCode(direction).orElse(null);
            problems.check(dir != null, "direction", "must be outbound or inbound");
            problems.throwIfAny();
            return new NewTouch(at, ch, dir, minutes, note, rating, Boolean.TRUE.equals(updateRequest),
                    Boolean.TRUE.equals(automated));
        }
    }

    record TouchResponse(long id, long clientId, long userId, Instant at, String channel, String direction,
                         Integer minutes, String note, Integer rating, boolean updateRequest, boolean lateSignal,
                         boolean automated, Instant createdAt) {

        static TouchResponse of(Touch t) {
            return new TouchResponse(t.id(), t.clientId().value(), t.userId().value(), t.at(), t.channel().code(),
                    t.direction().code(), t.minutes(), t.note(), t.rating(), t.updateRequest(), t.lateSignal(),
                    t.automated(), t.createdAt());
        }
    }
}
