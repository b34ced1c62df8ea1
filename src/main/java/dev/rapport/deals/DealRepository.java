package dev.rapport.deals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

interface DealRepository {
    long insertTemplate(TeamId team, DealTemplate template, Instant now);

    List<DealTemplate> templates(TeamId team);

    long insert(TeamId team, Deal deal);

    Optional<Deal> find(TeamId team, long id);

    /** Saves status, progress and milestone completions. */
    void save(TeamId team, Deal deal);

    List<Deal> list(TeamId team, UserId user, ClientId client, DealStatus status);

    /** The user's open deals and those closed since the given instant (for the queue). */
    List<Deal> recent(TeamId team, UserId user, Instant closedSince);

    /** Open deals (with milestones) of these clients, or of the whole team when null. */
    List<Deal> open(TeamId team, java.util.Collection<ClientId> clients);
}
