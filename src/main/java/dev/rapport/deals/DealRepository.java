package dev.rapport.deals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.Cursor;
import dev.rapport.shared.Page;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

interface DealRepository {
    long insertTemplate(TeamId team, DealTemplate template, Instant now);

    List<DealTemplate> templates(TeamId team);

    long insert(TeamId team, Deal deal);

    Optional<Deal> find(TeamId team, long id);

    /** Saves status, progress and milestone completions. */
    void save(TeamId team, Deal deal);

    /** The deals one member made (of the whole team when user is null), oldest first. */
    List<Deal> list(TeamId team, UserId user, ClientId client, DealStatus status);

    /** A page of {@link #list}, after the cursor's (created at, id) when there is one. */
    Page<Deal> page(TeamId team, UserId user, ClientId client, DealStatus status, Cursor.After<Instant> after,
                    int limit);

    /** Every deal with the client, whoever made it, oldest first. */
    List<Deal> onClient(TeamId team, ClientId client);

    /**
     * Deals on the owner's active clients, whoever made them, that are open or may have a milestone
     * the client has not heard of yet (its last real outbound touch is not after the deal's last
     * milestone); the queue keeps the milestones completed at or after that touch.
     */
    List<Deal> forOwner(TeamId team, UserId owner);

    /**
     * Takes closed deals whose client had a real outbound touch after their last milestone out of the
     * queue's scope (every team; touches only ever move that instant later). Returns how many.
     */
    int leaveScopeWhenTold();

    /** Open deals (with milestones) of these clients, or of the whole team when null. */
    List<Deal> open(TeamId team, java.util.Collection<ClientId> clients);
}
