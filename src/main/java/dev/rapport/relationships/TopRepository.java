package dev.rapport.relationships;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

interface TopRepository {
    List<ClientId> list(TeamId team, UserId user);

    void replace(TeamId team, UserId user, List<ClientId> clients, Instant now);

    void rate(TeamId team, UserId user, ClientId client, Rating rating);

    /** The two latest ratings per client (latest first). */
    Map<ClientId, List<Rating>> latestRatings(TeamId team, UserId user);
}
