package dev.rapport.clients;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.rapport.shared.ClientId;
import dev.rapport.shared.Page;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

/** Storage of clients, touches and their rollups; every method is scoped by team. */
interface ClientRepository {
    /** Planner statistics of the client tables, after they grew a lot (see {@link dev.rapport.shared.PlannerStatistics}). */
    void refreshStatistics();

    ClientId insert(TeamId team, ClientDetails details, Instant now);

    boolean update(TeamId team, ClientId id, ClientDetails details, Instant now);

    /** Inserts many clients with batched writes; ids in the order given. */
    List<ClientId> insertAll(TeamId team, List<ClientDetails> all, Instant now);

    /** Replaces many clients' details (not depth, which keeps its history) with batched writes. */
    void updateAll(TeamId team, java.util.Map<ClientId, ClientDetails> changes, Instant now);

    /** Lower-cased email -> the team's clients having it, oldest first. */
    java.util.Map<String, List<ClientId>> idsByEmail(TeamId team, java.util.Collection<String> lowerEmails);

    /** Phone digits -> the team's clients having a phone with exactly these digits, oldest first. */
    java.util.Map<String, List<ClientId>> idsByPhoneDigits(TeamId team, java.util.Collection<String> digits);

    boolean setArchivedAt(TeamId team, ClientId id, Instant archivedAt, Instant now);

    /**
     * The read methods take a viewer: null sees every client of the team, a user id sees the
     * clients that user owns plus the shared ones (a member's view).
     */
    Optional<Client> find(TeamId team, UserId viewer, ClientId id);

    /** Whether the viewer can see this client of the team: one indexed lookup, no child lists. */
    boolean exists(TeamId team, UserId viewer, ClientId id);

    /** Several clients at once (no N+1); ids of other teams, or not visible, are simply absent. */
    List<Client> findAll(TeamId team, UserId viewer, java.util.Collection<ClientId> ids);

    Page<Client> search(TeamId team, UserId viewer, ClientQuery query);

    /** Clients the user owns in the team, archived ones included. */
    long countOwned(TeamId team, UserId owner);

    void setShared(TeamId team, ClientId id, boolean shared, Instant now);

    /** Gives the clients (all of from's when ids is null) to another owner; returns the ids moved. */
    List<ClientId> transfer(TeamId team, UserId from, java.util.Collection<ClientId> ids, UserId to, Instant now);

    /** Inserts the touch and, unless automated, folds it into the client's rollups. */
    long insertTouch(TeamId team, ClientId client, UserId user, NewTouch touch, boolean rich, Instant now);

    /**
     * Holds the user's membership row until the transaction ends. Timed touches make the journal
     * recompute the user's day, which takes the same lock: taking it first keeps the locks of the
     * touch and journal paths in one order (membership, then the rollup rows), so they cannot deadlock.
     */
    void lockMember(TeamId team, UserId user);

    /**
     * Locks the client's row for this transaction. Writers that insert a touch (whose foreign key
     * takes a share lock on the row) and then update the row's rollups take it first, so two of them
     * queue instead of deadlocking. Returns the client's owner, or nothing (and locks nothing) when the
     * team has no such client or the viewer (null: sees the whole team) may not see it.
     */
    Optional<UserId> lockClient(TeamId team, UserId viewer, ClientId client);

    /** Locks every client row of the team until the transaction ends (a recomputation of them all). */
    void lockClients(TeamId team);

    Page<Touch> timeline(TeamId team, ClientId client, String cursor, int limit);

    List<CadenceFacts> cadenceFacts(TeamId team, UserId owner);

    /** The cadence inputs of the owner's active clients that meet the candidate conditions. */
    List<CadenceFacts> cadenceFacts(TeamId team, UserId owner, QueueCandidates candidates);

    /** Real touches with a duration recorded by the user that overlap [from, to). */
    List<TimedTouch> timedTouches(TeamId team, UserId user, Instant from, Instant to);

    /**
     * Streams clients signed in [signedFrom, signedTo] (only these clients, unless null) with their real
     * touches in [from, to), by client.
     */
    void signedClientTouches(TeamId team, java.time.LocalDate signedFrom, java.time.LocalDate signedTo,
                             java.util.Collection<ClientId> only, Instant from, Instant to,
                             java.util.function.Consumer<SignedTouch> sink);

    /** Real touches of a client since an instant, oldest first. */
    List<Touch> touchesSince(TeamId team, ClientId client, Instant since);

    ChannelWeights weights(TeamId team);

    void saveWeights(TeamId team, ChannelWeights weights);

    /** Re-derives last_rich_at for the whole team after the rich channel set changed. */
    void recomputeLastRich(TeamId team, Set<Channel> richChannels);

    long countClientsWithTier(TeamId team, String tier);

    void setDepth(TeamId team, ClientId id, Integer current, Integer target, Instant now);

    void insertDepthChange(TeamId team, ClientId id, DepthChange change);

    List<DepthChange> depthHistory(TeamId team, ClientId id);
}
