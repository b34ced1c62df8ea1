package dev.rapport.clients;

import java.time.ZoneId;
import java.util.List;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/**
 * Published in the recording transaction when real touches with a duration were added; the
 * publisher already holds the user's membership row lock (taken before the client's).
 */
public record TouchesRecorded(TeamId teamId, UserId userId, ZoneId zone, List<TimedTouch> touches) {
    public TouchesRecorded {
        touches = List.copyOf(touches);
    }
}
