package dev.rapport.clients;

import java.util.List;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;

/** Published in the recording transaction for every batch of touches of one client (automated ones too). */
public record TouchesStored(TeamId teamId, ClientId clientId, List<Touch> touches) {
    public TouchesStored {
        touches = List.copyOf(touches);
    }
}
