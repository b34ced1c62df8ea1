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

    /**
     * Deals on the owner's active clients, whoever made them, that are open or have a milestone the
     * client may not have heard of yet: completed at or after the client's last real outbound touch.
     */
    List<Deal> forOwner(TeamId team, UserId owner);

    /** Open deals (with milestones) of these clients, or of the whole team when null. */
    List<Deal> open(TeamId team, java.util.Collection<ClientId> clients);
}
