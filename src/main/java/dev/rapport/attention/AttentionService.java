package dev.rapport.attention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.rapport.clients.CadenceFacts;
import dev.rapport.clients.Channel;
import dev.rapport.clients.ChannelWeightsChanged;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientService;
import dev.rapport.clients.QueueCandidates;
import dev.rapport.deals.DealService;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseService;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.shared.Problems;
import dev.rapport.shared.QueueVersions;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.MemberRemoving;
import dev.rapport.teams.NameChanged;
import dev.rapport.teams.TeamCreated;

/** The attention queue, snoozes and the tier cadences that drive them. */
@Service
public class AttentionService {
    /** More explicit clients than this and the queue reads all of the user's clients instead. */
    private static final int MAX_INCLUDED = 1000;

    /**
     * Another instance's change (or a restore) is seen within this time; this instance's changes at
     * once: forgotten when published (the writing transaction reads its own) and again when it ends
     * (a concurrent reader may have cached the old settings meanwhile, or a rollback undone them).
     */
    private static final Duration POLICY_TTL = Duration.ofSeconds(30);

    private final Map<TeamId, CachedPolicy> policies = new ConcurrentHashMap<>();
    private final Map<TeamId, java.util.concurrent.atomic.AtomicLong> generations = new ConcurrentHashMap<>();

    private final QueueCache cache = new QueueCache();
    private final AttentionRepository repository;
    private final QueueVersions versions;
    private final ClientService clients;
    private final PromiseService promises;
    private final DealService deals;
    private final AccountService accounts;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    AttentionService(AttentionRepository repository, QueueVersions versions, ClientService clients,
                     PromiseService promises, DealService deals, AccountService accounts,
                     org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.versions = versions;
        this.clients = clients;
        this.promises = promises;
        this.deals = deals;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Today's queue for the user: their own active clients that need contact, ranked. Answered from
     * the {@link QueueCache} while nothing it depends on has changed, else computed and kept.
     */
    public Queue queue(CurrentUser user, LocalDate day) {
        LocalDate today = day != null ? day : user.today(clock);
        AttentionPolicy policy = policy(user.teamId());
        // inside a writing transaction the data may be uncommitted (and rolled back): never kept
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return compute(user, today, policy, extras(user, today));
        }
        Queue cached = cached(user, today, policy, versions.current(user.teamId(), user.userId()));
        return cached != null ? cached
                : cache.exclusive(user.teamId(), user.userId(), () -> cachedOrComputed(user, today, policy));
    }

    private Queue cached(CurrentUser user, LocalDate today, AttentionPolicy policy, OptionalLong version) {
        return version.isEmpty() ? null : cache.get(user.teamId(), user.userId(), version.getAsLong(), today,
                user.zone(), policy, clock.instant());
    }

    /**
     * Another reader may have computed the queue while this one waited, so look again with the newest
     * version, read before the data (an empty version: answer without keeping it).
     */
    private Queue cachedOrComputed(CurrentUser user, LocalDate today, AttentionPolicy policy) {
        OptionalLong version = versions.current(user.teamId(), user.userId());
        Instant now = clock.instant();
        Queue cached = cached(user, today, policy, version);
        if (cached != null) {
            return cached;
        }
        Extras extras = extras(user, today);
        Queue queue = compute(user, today, policy, extras);
        version.ifPresent(v -> cache.put(user.teamId(), user.userId(),
                new QueueCache.Cached(v, today, user.zone(), policy, now.plus(QueueCache.MAX_AGE), queue)));
        return queue;
    }

    /** The queue computed afresh, as {@link #queue} does on a cache miss (benchmarks compare the two). */
    public Queue computedQueue(CurrentUser user, LocalDate day) {
        LocalDate today = day != null ? day : user.today(clock);
        AttentionPolicy policy = policy(user.teamId());
        return compute(user, today, policy, extras(user, today));
    }

    /**
     * Only the candidates (see {@link #candidates}) are read and evaluated; the rest cannot be in it.
     */
    private Queue compute(CurrentUser user, LocalDate today, AttentionPolicy policy, Extras extras) {
        Set<ClientId> include = extras.mustRead();
        // no tiers configured: every touched client falls back to the default cadence, so read them all
        List<CadenceFacts> facts = include.size() > MAX_INCLUDED || today.getYear() < 1000 || today.getYear() > 9000
                || policy.tiers().isEmpty()
                ? clients.cadenceFacts(user.teamId(), user.userId())
                : clients.cadenceFacts(user.teamId(), user.userId(), candidates(policy, today, user.zone(), include));
        return queue(facts.stream().map(extras::state).toList(), policy, today, user.zone());
    }

    /**
     * The queue over every active client of the user with the settings read afresh: the reference
     * the candidate read and the policy cache are tested against.
     */
    Queue fullQueue(CurrentUser user, LocalDate day) {
        LocalDate today = day != null ? day : user.today(clock);
        return queue(states(user, today), readPolicy(user.teamId()), today, user.zone());
    }

    private static Queue queue(List<ClientState> states, AttentionPolicy policy, LocalDate today,
                               java.time.ZoneId zone) {
        List<QueueEntry> entries = AttentionEngine.queue(states, policy, today, zone);
        long snoozed = states.stream().filter(s -> AttentionEngine.snoozed(s, today)).count();
        return new Queue(today, entries, (int) snoozed);
    }

    /**
     * The clients that can be in the queue on a day, as conditions on the stored rollups: a superset
     * of what the engine lists. A client of a listed tier, with no cadence override, touched and with
     * no unanswered update request, is in the queue only when its main cadence is due (overdue implies
     * due: max >= ideal) or its rich contact is due, or through a snooze, promise or deal (the include
     * set; an active listing tightens the cadence, and a honeymoon flag counts only when due). Due
     * means the local day of the last touch is on or before today - ideal, i.e. the touch is before
     * the start of day today - ideal + 1 in the user's zone; the same for rich contact.
     */
    static QueueCandidates candidates(AttentionPolicy policy, LocalDate today, java.time.ZoneId zone,
                                      Set<ClientId> include) {
        LocalDays days = LocalDays.in(zone);
        List<QueueCandidates.TierCutoff> tiers = policy.tiers().values().stream()
                .map(t -> new QueueCandidates.TierCutoff(t.tier(), days.startOf(today.minusDays(t.idealDays() - 1L)),
                        t.richEveryDays() == null ? null : days.startOf(today.minusDays(t.richEveryDays() - 1L))))
                .sorted(java.util.Comparator.comparing(QueueCandidates.TierCutoff::tier))
                .toList();
        return new QueueCandidates(tiers, include);
    }

    /** What the engine needs of each of the user's own active clients on a day. */
    private List<ClientState> states(CurrentUser user, LocalDate today) {
        Extras extras = extras(user, today);
        return clients.cadenceFacts(user.teamId(), user.userId()).stream().map(extras::state).toList();
    }

    /**
     * The user's snoozes, and on their clients the promises due soon and deals in scope (whoever made
     * them) and honeymoon drops, by client.
     */
    private Extras extras(CurrentUser user, LocalDate today) {
        Map<ClientId, Snooze> snoozes = repository.activeSnoozes(user.teamId(), user.userId(), today).stream()
                .collect(Collectors.toMap(Snooze::clientId, Function.identity()));
        List<Promise> due = promises.forQueue(user.teamId(), user.userId(), today);
        Function<UserId, String> makers = makerNames(user, due.stream().map(Promise::userId).toList());
        Map<ClientId, List<ClientState.PendingPromise>> promised = due.stream().collect(Collectors.groupingBy(
                Promise::clientId, Collectors.mapping(p -> new ClientState.PendingPromise(p.text(), p.dueOn(),
                        p.userId().equals(user.userId()) ? null : makers.apply(p.userId())), Collectors.toList())));
        Map<ClientId, DealService.ClientDeals> deals = this.deals.forQueue(user.teamId(), user.userId());
        Map<ClientId, Honeymoon.Rates> drops = repository.honeymoonDrops(user.teamId(), user.userId());
        return new Extras(snoozes, promised, deals, drops);
    }

    /** Colleagues' names, read only when a colleague made one of the promises (rarely). */
    private Function<UserId, String> makerNames(CurrentUser user, List<UserId> makers) {
        if (makers.stream().allMatch(user.userId()::equals)) {
            return id -> null;
        }
        Map<UserId, String> names = accounts.memberNames(user.teamId());
        return id -> names.getOrDefault(id, "a former member");
    }

    private record Extras(Map<ClientId, Snooze> snoozes, Map<ClientId, List<ClientState.PendingPromise>> promised,
                          Map<ClientId, DealService.ClientDeals> deals, Map<ClientId, Honeymoon.Rates> drops) {

        /** Clients whose snooze, promise or deal matters whatever their cadence (a drop needs it due). */
        Set<ClientId> mustRead() {
            Set<ClientId> ids = new HashSet<>(snoozes.keySet());
            ids.addAll(promised.keySet());
            ids.addAll(deals.keySet());
            return ids;
        }

        ClientState state(CadenceFacts f) {
            DealService.ClientDeals d = deals.get(f.id());
            List<ClientState.CompletedMilestone> milestones = d == null ? List.of() : d.completed().stream()
                    .map(m -> new ClientState.CompletedMilestone(m.name(), m.completedAt())).toList();
            return new ClientState(f, d != null && d.activeListing(), snoozes.get(f.id()), promised.get(f.id()),
                    milestones, drops.get(f.id()));
        }
    }

    /** A flagged client as the honeymoon report lists it. */
    public record HoneymoonFlag(ClientId clientId, double before, double after) {
    }

    /** The stored honeymoon drop of one client, if flagged. */
    public Optional<Honeymoon.Rates> honeymoonDrop(CurrentUser user, ClientId client) {
        return repository.honeymoonDrop(user.teamId(), client);
    }

    /** The stored honeymoon drops of the user's clients, or of the whole team for managers and owners. */
    public List<HoneymoonFlag> honeymoonReport(CurrentUser user, boolean team) {
        if (team && !user.role().seesTeam()) {
            throw new org.springframework.security.access.AccessDeniedException("only managers and owners see the "
                    + "team's honeymoon report");
        }
        return repository.honeymoonDrops(user.teamId(), team ? null : user.userId()).entrySet().stream()
                .map(e -> new HoneymoonFlag(e.getKey(), e.getValue().before(), e.getValue().after()))
                .sorted(java.util.Comparator.comparingDouble(f -> f.after() / f.before())).toList();
    }

    /** The queue plus how many entries a snooze hides today. */
    public record Queue(LocalDate date, List<QueueEntry> entries, int snoozed) {
        public Queue {
            entries = List.copyOf(entries);
        }
    }

    /**
     * Where each client stands on its cadence today in the user's zone, whoever owns it, as its
     * owner's queue words it (an active listing, whoever made the deal, tightens it); unlike the queue,
     * snoozes are ignored (a snooze hides an entry, it does not change the cadence).
     */
    public Map<ClientId, CadenceStatus> cadenceStatus(CurrentUser user, List<Client> clients) {
        LocalDate today = user.today(clock);
        AttentionPolicy policy = policy(user.teamId());
        Set<ClientId> listings = clients.isEmpty() ? Set.of()
                : deals.activeListings(user.teamId(), clients.stream().map(Client::id).toList());
        Map<ClientId, CadenceStatus> out = new LinkedHashMap<>();
        for (Client c : clients) {
            ClientState state = new ClientState(c.cadenceFacts(), listings.contains(c.id()), null);
            CadenceStatus status = AttentionEngine.evaluate(state, policy, today, user.zone())
                    .map(e -> new CadenceStatus(e.dueOn(), e.overdueDays(), e.reasons()))
                    .orElseGet(() -> new CadenceStatus(AttentionEngine.dueOn(state, policy, user.zone()), 0,
                            List.of()));
            out.put(c.id(), status);
        }
        return out;
    }

    /** The snooze hiding this client's queue entry today, if any (a later update request ends it). */
    public Optional<Snooze> activeSnooze(CurrentUser user, Client client) {
        LocalDate today = user.today(clock);
        return repository.snooze(user.teamId(), client.id())
                .filter(s -> AttentionEngine.snoozed(new ClientState(client.cadenceFacts(), false, s), today));
    }


    /** The team's policy, cached: every queue needs it, and it changes only through the two events below. */
    AttentionPolicy policy(TeamId team) {
        Instant now = clock.instant();
        long generation = generation(team).get();
        CachedPolicy cached = policies.get(team);
        if (cached != null && cached.generation() == generation && !now.isBefore(cached.readAt())
                && now.isBefore(cached.readAt().plus(POLICY_TTL))) {
            return cached.policy();
        }
        // read under the generation seen before reading: a change committed meanwhile bumps it, so a
        // policy read before that change is never served after it
        AttentionPolicy policy = readPolicy(team);
        policies.put(team, new CachedPolicy(policy, now, generation));
        return policy;
    }

    private java.util.concurrent.atomic.AtomicLong generation(TeamId team) {
        return generations.computeIfAbsent(team, t -> new java.util.concurrent.atomic.AtomicLong());
    }

    private void forget(TeamId team) {
        generation(team).incrementAndGet();
        policies.remove(team);
    }

    private AttentionPolicy readPolicy(TeamId team) {
        String rich = clients.channelWeights(team).richChannels().stream().map(Channel::code)
                .map(c -> c.replace('_', ' ')).collect(Collectors.joining(", "));
        return AttentionPolicy.of(repository.cadences(team), rich.isEmpty() ? "none configured" : rich);
    }

    private record CachedPolicy(AttentionPolicy policy, Instant readAt, long generation) {
    }

    @EventListener
    void forgetPolicy(CadencesChanged event) {
        forget(event.teamId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void forgetPolicyAfterwards(CadencesChanged event) {
        forget(event.teamId());
    }

    @EventListener
    void forgetPolicy(ChannelWeightsChanged event) {
        forget(event.teamId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void forgetPolicyAfterwards(ChannelWeightsChanged event) {
        forget(event.teamId());
    }

    @Transactional
    public Snooze snooze(CurrentUser user, ClientId client, LocalDate until, String reason) {
        user.requireWriter();
        clients.require(user, client);
        LocalDate today = user.today(clock);
        new Problems()
                .check(until != null, "until", "must be a date")
                .check(until == null || until.isAfter(today), "until", "must be after today (" + today + ")")
                .checkDate(until, "until")
                .check(reason != null && !reason.isBlank(), "reason", "must not be empty")
                .check(reason == null || reason.length() <= 500, "reason", "must be at most 500 characters")
                .throwIfAny();
        Snooze snooze = new Snooze(client, until, reason.strip(), clock.instant());
        repository.saveSnooze(user.teamId(), user.userId(), snooze);
        queueChanged(user, client);
        return snooze;
    }

    @Transactional
    public void unsnooze(CurrentUser user, ClientId client) {
        user.requireWriter();
        clients.require(user, client);
        if (!repository.deleteSnooze(user.teamId(), client)) {
            throw new NotFoundException("snooze for client", client);
        }
        queueChanged(user, client);
    }

    /** A snooze shows in the queue of the user who set it, for the clients that user owns. */
    private void queueChanged(CurrentUser user, ClientId client) {
        versions.changed(user.teamId(), user.userId());
        versions.clientsChanged(user.teamId(), List.of(client));
    }

    public List<TierCadence> cadences(TeamId team) {
        return repository.cadences(team);
    }

    @Transactional
    public List<TierCadence> replaceCadences(CurrentUser user, List<TierCadence> cadences) {
        user.requireManager();
        validate(cadences);
        Set<String> kept = cadences.stream().map(TierCadence::tier).collect(Collectors.toSet());
        for (TierCadence old : repository.cadences(user.teamId())) {
            if (!kept.contains(old.tier()) && clients.tierInUse(user.teamId(), old.tier())) {
                throw new ConflictException("tier " + old.tier() + " is still used by clients; move them first");
            }
        }
        repository.replaceCadences(user.teamId(), cadences);
        versions.teamChanged(user.teamId());
        events.publishEvent(new CadencesChanged(user.teamId()));
        return repository.cadences(user.teamId());
    }

    private static void validate(List<TierCadence> cadences) {
        Problems problems = new Problems();
        problems.check(cadences != null && !cadences.isEmpty(), "tiers", "must configure at least one tier");
        Set<String> seen = new HashSet<>();
        for (int i = 0; cadences != null && i < cadences.size(); i++) {
            TierCadence c = cadences.get(i);
            String at = "tiers[" + i + "]";
            if (c == null) {
                problems.add(at, "must not be null");
                continue;
            }
            problems.check(c.tier() != null && c.tier().matches("[A-Za-z0-9_-]{1,20}"), at + ".tier",
                    "must be 1-20 letters, digits, - or _")
                    .check(c.tier() == null || seen.add(c.tier()), at + ".tier", "is listed twice")
                    .check(c.idealDays() >= 1 && c.idealDays() <= 3650, at + ".idealDays", "must be 1 to 3650")
                    .check(c.maxDays() >= 1 && c.maxDays() <= 3650, at + ".maxDays", "must be 1 to 3650")
                    .check(c.maxDays() >= c.idealDays(), at + ".maxDays", "must not be shorter than idealDays")
                    .check(c.richEveryDays() == null || (c.richEveryDays() >= 1 && c.richEveryDays() <= 3650),
                            at + ".richEveryDays", "must be 1 to 3650, or null for no rich-contact rule")
                    .check(c.rank() >= 0 && c.rank() <= 100, at + ".rank", "must be 0 to 100");
        }
        problems.throwIfAny();
    }

    /** A kept queue may name the member as a promise's or deal's maker: every colleague's is computed again. */
    @EventListener
    void nameChanged(NameChanged event) {
        accounts.teams(event.userId()).forEach(t -> versions.teamChanged(t.teamId()));
    }

    /** The removed member's name leaves the colleagues' kept queues with the open work they handed over. */
    @EventListener
    void memberRemoving(MemberRemoving event) {
        versions.teamChanged(event.teamId());
    }

    @EventListener
    void seedDefaults(TeamCreated event) {
        repository.replaceCadences(event.teamId(), TierCadence.defaults());
    }

    /**
     * When each of the user's own active clients next needs contact (the calendar feed): its main
     * cadence's due date, the end of an active snooze, and today's queue reasons (empty when the
     * client is not in today's queue).
     */
    public record FollowUp(ClientId clientId, String name, String tier, LocalDate dueOn, LocalDate snoozedUntil,
                           List<Reason> reasons) {
        public FollowUp {
            reasons = List.copyOf(reasons);
        }
    }

    public List<FollowUp> followUps(CurrentUser user) {
        LocalDate today = user.today(clock);
        AttentionPolicy policy = policy(user.teamId());
        return states(user, today).stream().map(s -> new FollowUp(s.facts().id(), s.facts().name(), s.facts().tier(),
                AttentionEngine.dueOn(s, policy, user.zone()),
                AttentionEngine.snoozed(s, today) ? s.snooze().until() : null,
                AttentionEngine.evaluate(s, policy, today, user.zone()).map(QueueEntry::reasons).orElse(List.of())))
                .toList();
    }
}
