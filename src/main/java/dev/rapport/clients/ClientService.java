package dev.rapport.clients;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.shared.Audited;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.NotFoundException;
import dev.rapport.shared.Page;
import dev.rapport.shared.Problems;
import dev.rapport.shared.QueueVersions;
import dev.rapport.shared.RollupGate;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.MemberRemoving;
import dev.rapport.teams.TeamCreated;

/** Clients and their touches: the public surface of the clients feature. */
@Service
public class ClientService {
    public static final int MAX_PAGE = Page.MAX_LIMIT;

    private final ClientRepository clients;
    private final KnownTiers tiers;
    private final AccountService accounts;
    private final QueueVersions versions;
    private final RollupGate gate;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientService(ClientRepository clients, KnownTiers tiers, AccountService accounts, QueueVersions versions,
                  RollupGate gate, ApplicationEventPublisher events, Clock clock) {
        this.clients = clients;
        this.tiers = tiers;
        this.accounts = accounts;
        this.versions = versions;
        this.gate = gate;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Client create(CurrentUser user, ClientDetails details) {
        return create(user, details, clock.instant());
    }

    @Transactional
    public Client create(CurrentUser user, ClientDetails details, boolean shared) {
        Client client = create(user, details, clock.instant());
        return shared ? setShared(user, client.id(), true) : client;
    }

    /** Creates a client whose relationship started earlier (imports, demo data); never in the future. */
    @Transactional
    public Client create(CurrentUser user, ClientDetails details, Instant createdAt) {
        user.requireWriter();
        validate(user.teamId(), details);
        if (details.ownerId() != null && !details.ownerId().equals(user.userId()) && !user.role().seesTeam()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "members create clients for themselves; a manager or owner can assign them to others");
        }
        Instant now = clock.instant();
        ClientId id = clients.insert(user.teamId(), details, createdAt.isAfter(now) ? now : createdAt);
        if (details.depthCurrent() != null || details.depthTarget() != null) {
            clients.insertDepthChange(user.teamId(), id, new DepthChange(user.userId(), details.depthCurrent(),
                    details.depthTarget(), null, createdAt.isAfter(now) ? now : createdAt));
        }
        versions.clientsChanged(user.teamId(), List.of(id));
        events.publishEvent(new ClientSaved(user.teamId(), id));
        return get(user, id);
    }

    /** Validates many clients as create and update would; tiers and members are read once. */
    public ClientChecker checker(CurrentUser user) {
        return new ClientChecker(user.teamId(), tiers.tiers(user.teamId()), accounts);
    }

    /**
     * Creates many clients with batched writes (imports); ids in the order given. Every one is
     * validated first and none is written if any is invalid. No touches, so the rollups start empty.
     */
    @Transactional
    public List<ClientId> createAll(CurrentUser user, List<ClientDetails> all) {
        user.requireWriter();
        requireValid(checker(user), all);
        Instant now = clock.instant();
        List<ClientId> ids = clients.insertAll(user.teamId(), all, now);
        for (int i = 0; i < ids.size(); i++) {
            ClientDetails d = all.get(i);
            if (d.depthCurrent() != null || d.depthTarget() != null) {
                clients.insertDepthChange(user.teamId(), ids.get(i), new DepthChange(user.userId(), d.depthCurrent(),
                        d.depthTarget(), null, now));
            }
        }
        // the owners are known: no need to read the new rows back at commit
        versions.changed(user.teamId(), all.stream().map(ClientDetails::ownerId).distinct().toList());
        events.publishEvent(new ClientsCreated(user.teamId(), ids, all, now));
        return ids;
    }

    /**
     * Replaces many clients' details with batched writes (imports merging into existing clients).
     * Depth is left as stored (it changes through {@link #setDepth} with its history); rollups are
     * untouched. Clients the caller cannot reach are a 404, and nothing is written.
     */
    @Transactional
    public void updateAll(CurrentUser user, Map<ClientId, ClientDetails> changes) {
        user.requireWriter();
        requireValid(checker(user), changes.values());
        Map<ClientId, Client> found = getAll(user, changes.keySet());
        changes.keySet().stream().filter(id -> !found.containsKey(id)).findFirst().ifPresent(id -> {
            throw new NotFoundException("client", id);
        });
        clients.updateAll(user.teamId(), changes, clock.instant());
        // the owners before (an import may name new ones) and, at commit, after
        versions.changed(user.teamId(), found.values().stream().map(c -> c.details().ownerId()).distinct().toList());
        versions.clientsChanged(user.teamId(), changes.keySet());
        events.publishEvent(new ClientsSaved(user.teamId(), List.copyOf(changes.keySet())));
        publishSigningChanges(user.teamId(), found, changes);
    }

    /** Clients whose signing date a write set, changed or removed: what derives from it is stale. */
    private void publishSigningChanges(TeamId team, Map<ClientId, Client> before, Map<ClientId, ClientDetails> after) {
        List<ClientId> changed = after.entrySet().stream().filter(e -> !java.util.Objects.equals(
                before.get(e.getKey()).details().signedOn(), e.getValue().signedOn())).map(Map.Entry::getKey).toList();
        if (!changed.isEmpty()) {
            events.publishEvent(new SigningDatesChanged(team, changed));
        }
    }

    /** After a write that grew the client tables a lot (a big import), outside its transaction. */
    public void refreshStatistics() {
        clients.refreshStatistics();
    }

    /** The caller's team clients having one of these emails (any case), by lower-cased email, oldest first. */
    public Map<String, List<ClientId>> idsByEmail(CurrentUser user, java.util.Collection<String> emails) {
        return clients.idsByEmail(user.teamId(), emails.stream().map(e -> e.toLowerCase(java.util.Locale.ROOT))
                .distinct().toList());
    }

    /** The caller's team clients having a phone with these digits ({@link PhoneNumbers#digits}), oldest first. */
    public Map<String, List<ClientId>> idsByPhoneDigits(CurrentUser user, java.util.Collection<String> digits) {
        return clients.idsByPhoneDigits(user.teamId(), List.copyOf(new java.util.LinkedHashSet<>(digits)));
    }

    private static void requireValid(ClientChecker checker, java.util.Collection<ClientDetails> all) {
        for (ClientDetails d : all) {
            List<dev.rapport.shared.FieldProblem> problems = checker.problems(d);
            if (!problems.isEmpty()) {
                throw new dev.rapport.shared.InvalidInputException(problems);
            }
        }
    }

    @Transactional
    public Client update(CurrentUser user, ClientId id, ClientDetails details) {
        user.requireWriter();
        Client before = get(user, id);
        validate(user.teamId(), details);
        UserId from = before.details().ownerId();
        boolean newOwner = details.ownerId() != null && !details.ownerId().equals(from);
        if (newOwner) {
            requireOwnerOrManager(user, before);
        }
        clients.update(user.teamId(), id, details, clock.instant());
        versions.changed(user.teamId(), from);
        versions.clientsChanged(user.teamId(), List.of(id));
        if (newOwner) {
            events.publishEvent(new ClientsTransferred(user.teamId(), from, details.ownerId(), List.of(id)));
        }
        recordDepth(user, id, before.details(), details.depthCurrent(), details.depthTarget(), null);
        events.publishEvent(new ClientSaved(user.teamId(), id));
        publishSigningChanges(user.teamId(), Map.of(id, before), Map.of(id, details));
        return get(user, id);
    }

    /** Replaces the details and, when {@code shared} is not null, the sharing, in one transaction. */
    @Transactional
    public Client update(CurrentUser user, ClientId id, ClientDetails details, Boolean shared) {
        Client updated = update(user, id, details);
        return shared == null ? updated : setShared(user, id, shared);
    }

    /** Sets current and target depth (1-3) with a note; every change is kept as history. */
    @Transactional
    public Client setDepth(CurrentUser user, ClientId id, Integer current, Integer target, String note) {
        user.requireWriter();
        Client before = get(user, id);
        Problems problems = new Problems();
        ClientDetails.checkDepth(problems, "current", current);
        ClientDetails.checkDepth(problems, "target", target);
        problems.check(note == null || note.length() <= 1000, "note", "must be at most 1000 characters");
        problems.throwIfAny();
        clients.setDepth(user.teamId(), id, current, target, clock.instant());
        recordDepth(user, id, before.details(), current, target, note);
        return get(user, id);
    }

    public List<DepthChange> depthHistory(CurrentUser user, ClientId id) {
        require(user, id);
        return clients.depthHistory(user.teamId(), id);
    }

    private void recordDepth(CurrentUser user, ClientId id, ClientDetails before, Integer current, Integer target,
                             String note) {
        boolean changed = !java.util.Objects.equals(before.depthCurrent(), current)
                || !java.util.Objects.equals(before.depthTarget(), target);
        if (changed || (note != null && !note.isBlank())) {
            clients.insertDepthChange(user.teamId(), id, new DepthChange(user.userId(), current, target,
                    note == null || note.isBlank() ? null : note.strip(), clock.instant()));
        }
    }

    @Transactional
    public Client archive(CurrentUser user, ClientId id, boolean archived) {
        user.requireWriter();
        Client client = get(user, id);
        if (client.archived() != archived) {
            Instant now = clock.instant();
            clients.setArchivedAt(user.teamId(), id, archived ? now : null, now);
            versions.clientsChanged(user.teamId(), List.of(id));
            events.publishEvent(new ClientSaved(user.teamId(), id));
        }
        return get(user, id);
    }

    public Client get(CurrentUser user, ClientId id) {
        return clients.find(user.teamId(), viewer(user), id).orElseThrow(() -> new NotFoundException("client", id));
    }

    /** Several of the team's clients by id, in one round of queries per 128; unknown ids are left out. */
    public Map<ClientId, Client> getAll(CurrentUser user, java.util.Collection<ClientId> ids) {
        Map<ClientId, Client> byId = new java.util.LinkedHashMap<>();
        for (List<ClientId> slice : dev.rapport.shared.Sql.slices(new java.util.LinkedHashSet<>(ids),
                dev.rapport.shared.Sql.IN_SLICE)) {
            clients.findAll(user.teamId(), viewer(user), slice).forEach(c -> byId.put(c.id(), c));
        }
        return byId;
    }

    public boolean exists(CurrentUser user, ClientId id) {
        return clients.exists(user.teamId(), viewer(user), id);
    }

    /**
     * The client's owner, with the client's row locked until the transaction ends (404 unless the user
     * sees it): a write that depends on who owns the client waits for a transfer in progress, and a
     * transfer waits for it, so its handover sees what the write made.
     */
    @org.springframework.transaction.annotation.Transactional(propagation =
            org.springframework.transaction.annotation.Propagation.MANDATORY)
    public UserId lockOwner(CurrentUser user, ClientId id) {
        return clients.lockClient(user.teamId(), viewer(user), id).orElseThrow(() -> new NotFoundException("client",
                id));
    }

    /** 404 unless the team has this client; for paths that only need to know it is there. */
    public void require(CurrentUser user, ClientId id) {
        if (!exists(user, id)) {
            throw new NotFoundException("client", id);
        }
    }

    /** What a person typed (an id, or part of a name or email) as exactly one client, or a field error. */
    public ClientId resolve(CurrentUser user, String ref, String field) {
        if (ref.matches("\\d{1,18}") && exists(user, new ClientId(Long.parseLong(ref)))) {
            return new ClientId(Long.parseLong(ref));
        }
        List<Client> matches = clients.search(user.teamId(), viewer(user), new ClientQuery(ref, null, null, null, null, null, false,
                null, 10)).items();
        List<Client> exact = matches.stream().filter(c -> c.details().name().equalsIgnoreCase(ref)).toList();
        if (exact.size() == 1 || matches.size() == 1) {
            return (exact.size() == 1 ? exact : matches).get(0).id();
        }
        if (matches.isEmpty()) {
            throw new dev.rapport.shared.InvalidInputException(field, "no client matches '" + ref + "'");
        }
        throw new dev.rapport.shared.InvalidInputException(field, "'" + ref + "' matches several clients: "
                + String.join(", ", matches.stream().map(c -> c.details().name() + " (#" + c.id() + ")").toList()));
    }

    public Page<Client> search(CurrentUser user, ClientQuery query) {
        return clients.search(user.teamId(), viewer(user), withLimit(query));
    }

    /** Whose clients a user sees: null for the whole team, else their own plus the shared ones. */
    private static UserId viewer(CurrentUser user) {
        return user.seesAllClients() ? null : user.userId();
    }

    /** Shares a client with the whole team (members see it) or makes it private to its owner again. */
    @Transactional
    public Client setShared(CurrentUser user, ClientId id, boolean shared) {
        user.requireWriter();
        Client client = get(user, id);
        if (client.shared() != shared) {
            requireOwnerOrManager(user, client);
            clients.setShared(user.teamId(), id, shared, clock.instant());
        }
        return get(user, id);
    }

    /**
     * Gives one client to another member, with its history: touches stay on the client, and the
     * previous owner's open promises, open deals and active plans for it move along.
     */
    @Transactional
    public Client transfer(CurrentUser user, ClientId id, UserId to) {
        user.requireWriter();
        Client client = get(user, id);
        requireOwnerOrManager(user, client);
        requireWritingMember(user.teamId(), to, "ownerId");
        UserId from = client.details().ownerId();
        if (!from.equals(to)) {
            List<ClientId> moved = clients.transfer(user.teamId(), from, List.of(id), to, clock.instant());
            versions.changed(user.teamId(), List.of(from, to));
            events.publishEvent(new ClientsTransferred(user.teamId(), from, to, moved));
            events.publishEvent(new Audited(user.teamId(), user.userId(), "client.transfer",
                    "client #" + id + " from user #" + from + " to user #" + to, null));
        }
        // a member who gave away a private client no longer sees it: the answer is read team-wide, once
        return clients.find(user.teamId(), null, id).orElseThrow(() -> new NotFoundException("client", id));
    }

    /** Every client of a leaving member (archived ones too) goes to the successor, in one transaction. */
    @EventListener
    void handOver(MemberRemoving event) {
        if (event.successorId() == null) {
            long owned = clients.countOwned(event.teamId(), event.memberId());
            if (owned > 0) {
                throw new dev.rapport.shared.InvalidInputException("successorId", "is required: this member owns "
                        + owned + " client(s); name the member who takes them over");
            }
            return;
        }
        List<ClientId> moved = clients.transfer(event.teamId(), event.memberId(), null, event.successorId(),
                clock.instant());
        versions.changed(event.teamId(), List.of(event.memberId(), event.successorId()));
        events.publishEvent(new ClientsTransferred(event.teamId(), event.memberId(), event.successorId(), moved));
    }

    private void requireOwnerOrManager(CurrentUser user, Client client) {
        if (!user.role().seesTeam() && !client.details().ownerId().equals(user.userId())) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "only the client's owner, a manager or an owner can do this");
        }
    }

    private void requireWritingMember(TeamId team, UserId user, String field) {
        if (user == null || !accounts.canOwnClients(team, user)) {
            throw new dev.rapport.shared.InvalidInputException(field,
                    "must be a member of this team who can own clients (not a viewer)");
        }
    }


    @Transactional
    public Touch recordTouch(CurrentUser user, ClientId clientId, NewTouch touch) {
        return recordTouches(user, clientId, List.of(touch)).get(0);
    }

    /** Records several touches of one client, all or nothing; every invalid one is reported. */
    @Transactional
    public List<Touch> recordTouches(CurrentUser user, ClientId clientId, List<NewTouch> touches) {
        user.requireWriter();
        Instant now = clock.instant();
        Problems problems = new Problems();
        for (NewTouch touch : touches) {
            touch.validate(problems, now);
        }
        if (touches.stream().anyMatch(t -> !t.automated() && t.minutes() != null && t.minutes() > 0)) {
            // the journal will recompute the user's day under this lock: take it before any other
            clients.lockMember(user.teamId(), user.userId());
        }
        // the rollup gate before the client's row (RollupGate's lock order): the touch's rollups take it
        // anyway, and a recomputation holding it waits for this client's row
        gate.share(user.teamId());
        // one statement checks that the caller may see the client and locks it
        UserId owner = clients.lockClient(user.teamId(), viewer(user), clientId)
                .orElseThrow(() -> new NotFoundException("client", clientId));
        problems.throwIfAny();
        versions.changed(user.teamId(), owner);
        // after the lock: a change of the rich channels holds every client's row until it commits
        ChannelWeights weights = clients.weights(user.teamId());
        List<Touch> recorded = touches.stream().map(touch -> {
            NewTouch t = touch.at() != null ? touch : new NewTouch(now, touch.channel(), touch.direction(),
                    touch.minutes(), touch.note(), touch.rating(), touch.updateRequest(), touch.automated());
            long id = clients.insertTouch(user.teamId(), clientId, user.userId(), t, weights.rich(t.channel()), now);
            return new Touch(id, clientId, user.userId(), t.at(), t.channel(), t.direction(), t.minutes(), t.note(),
                    t.rating(), t.updateRequest(), t.automated(), now);
        }).toList();
        events.publishEvent(new TouchesStored(user.teamId(), clientId, recorded));
        List<TimedTouch> timed = recorded.stream()
                .filter(t -> !t.automated() && t.minutes() != null && t.minutes() > 0)
                .map(t -> new TimedTouch(t.at(), t.minutes())).toList();
        if (!timed.isEmpty()) {
            events.publishEvent(new TouchesRecorded(user.teamId(), user.userId(), user.zone(), timed));
        }
        return recorded;
    }

    /** Touch time of a user over a period, for the time journal. */
    public List<TimedTouch> timedTouches(TeamId team, UserId user, Instant from, Instant to) {
        return clients.timedTouches(team, user, from, to);
    }

    public Page<Touch> timeline(CurrentUser user, ClientId clientId, String cursor, int limit) {
        require(user, clientId);
        return clients.timeline(user.teamId(), clientId, cursor, clampLimit(limit));
    }

    /** The cadence inputs of every active client a user owns. */
    public List<CadenceFacts> cadenceFacts(TeamId team, UserId owner) {
        return clients.cadenceFacts(team, owner);
    }

    /**
     * The cadence inputs of the owner's active clients that meet the candidate conditions: a superset
     * of those an attention queue can list, without reading the rest.
     */
    public List<CadenceFacts> cadenceFacts(TeamId team, UserId owner, QueueCandidates candidates) {
        return clients.cadenceFacts(team, owner, candidates);
    }

    /** Streams touches of clients signed in a date range (for the nightly honeymoon job). */
    public void signedClientTouches(TeamId team, java.time.LocalDate signedFrom, java.time.LocalDate signedTo,
                                    java.util.Collection<ClientId> only, Instant from, Instant to,
                                    java.util.function.Consumer<SignedTouch> sink) {
        clients.signedClientTouches(team, signedFrom, signedTo, only, from, to, sink);
    }

    /** Real touches of a client since an instant, oldest first (plan adherence). */
    public List<Touch> touchesSince(CurrentUser user, ClientId client, Instant since) {
        require(user, client);
        return clients.touchesSince(user.teamId(), client, since);
    }

    public ChannelWeights channelWeights(TeamId team) {
        return clients.weights(team);
    }

    @Transactional
    public ChannelWeights setChannelWeights(CurrentUser user, Map<Channel, Integer> weights) {
        user.requireManager();
        Problems problems = new Problems();
        weights.forEach((c, w) -> problems.check(w != null && w >= 0 && w <= 10, "weights." + c.code(),
                "must be 0 to 10"));
        problems.throwIfAny();
        ChannelWeights before = clients.weights(user.teamId());
        ChannelWeights after = new ChannelWeights(weights);
        clients.saveWeights(user.teamId(), after);
        if (!before.richChannels().equals(after.richChannels())) {
            // a touch in flight holds its client's row and folded its rich flag from the old weights: wait
            // for it before recomputing (in a statement of its own, which then sees it); a touch after
            // this waits for the commit and reads the new weights after its own lock
            clients.lockClients(user.teamId());
            clients.recomputeLastRich(user.teamId(), after.richChannels());
            versions.teamChanged(user.teamId());
        }
        events.publishEvent(new ChannelWeightsChanged(user.teamId()));
        return after;
    }

    public boolean tierInUse(TeamId team, String tier) {
        return clients.countClientsWithTier(team, tier) > 0;
    }

    @EventListener
    void seedDefaults(TeamCreated event) {
        clients.saveWeights(event.teamId(), ChannelWeights.defaults());
    }

    private void validate(TeamId team, ClientDetails details) {
        Problems problems = new Problems();
        details.validate(problems);
        List<String> known = tiers.tiers(team);
        if (details.tier() != null && !details.tier().isEmpty() && !known.contains(details.tier())) {
            problems.add("tier", "unknown tier '" + details.tier() + "'; this team has " + String.join(", ", known));
        }
        if (details.ownerId() != null && !accounts.isMember(team, details.ownerId())) {
            problems.add("ownerId", "is not a member of this team");
        }
        problems.throwIfAny();
    }

    private static ClientQuery withLimit(ClientQuery q) {
        return new ClientQuery(q.text(), q.tag(), q.tier(), q.status(), q.kind(), q.ownerId(), q.includeArchived(),
                q.cursor(), clampLimit(q.limit()), q.sort());
    }

    private static int clampLimit(int limit) {
        return limit <= 0 ? 50 : Math.min(limit, MAX_PAGE);
    }

}
