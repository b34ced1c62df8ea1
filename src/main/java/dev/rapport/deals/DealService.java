package dev.rapport.deals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.clients.ClientService;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.Cursor;
import dev.rapport.shared.NotFoundException;
import dev.rapport.shared.Page;
import dev.rapport.shared.Problems;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Whose;
import dev.rapport.teams.TeamCreated;

/** Deals, their milestone templates, the pipeline, and what the attention queue needs of them. */
@Service
public class DealService {
    /** The amount column's limit (NUMERIC(15, 2)): refused as input, not as a database error. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");

    private final DealRepository repo;
    private final ClientService clients;
    private final AccountService accounts;
    private final dev.rapport.shared.QueueVersions versions;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    DealService(DealRepository repo, ClientService clients, AccountService accounts,
                dev.rapport.shared.QueueVersions versions, org.springframework.context.ApplicationEventPublisher events,
                Clock clock) {
        this.repo = repo;
        this.clients = clients;
        this.accounts = accounts;
        this.versions = versions;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void seedDefaults(TeamCreated event) {
        repo.insertTemplate(event.teamId(), DealTemplate.homeSale(), clock.instant());
    }

    public List<DealTemplate> templates(TeamId team) {
        return repo.templates(team);
    }

    @Transactional
    public DealTemplate addTemplate(CurrentUser user, String name, List<String> milestones, Integer listingFrom) {
        user.requireWriter();
        DealTemplate.validate(name, milestones, listingFrom);
        if (repo.templates(user.teamId()).stream().anyMatch(t -> t.name().equalsIgnoreCase(name.strip()))) {
            throw new ConflictException("a template named '" + name.strip() + "' already exists");
        }
        DealTemplate t = new DealTemplate(0, name.strip(), milestones.stream().map(String::strip).toList(),
                listingFrom, false);
        long id = repo.insertTemplate(user.teamId(), t, clock.instant());
        return new DealTemplate(id, t.name(), t.milestones(), t.listingFrom(), false);
    }

    @Transactional
    public Deal create(CurrentUser user, ClientId client, String title, Long templateId, BigDecimal amount) {
        user.requireWriter();
        clients.require(user, client);
        List<DealTemplate> templates = repo.templates(user.teamId());
        DealTemplate template = templates.stream()
                .filter(t -> templateId == null ? t.name().equals(DealTemplate.HOME_SALE) : t.id() == templateId)
                .findFirst().orElse(null);
        new Problems()
                .check(title != null && !title.isBlank() && title.length() <= 200, "title", "must be 1 to 200 characters")
                .check(template != null, "templateId", "no such template in your team")
                .check(amount == null || amount.signum() >= 0, "amount", "must not be negative")
                .check(amount == null || amount.compareTo(MAX_AMOUNT) <= 0, "amount",
                        "must be at most " + MAX_AMOUNT.toPlainString())
                .check(amount == null || amount.stripTrailingZeros().scale() <= 2, "amount",
                        "must have at most 2 decimals")
                .throwIfAny();
        Instant now = clock.instant();
        List<Deal.Milestone> milestones = new ArrayList<>();
        for (int i = 0; i < template.milestones().size(); i++) {
            milestones.add(new Deal.Milestone(i, template.milestones().get(i), null));
        }
        Deal deal = new Deal(0, client, user.userId(), template.id(), title.strip(), amount, DealStatus.OPEN,
                template.listingFrom(), milestones, now, null, now);
        long id = repo.insert(user.teamId(), deal);
        changed(user, client);
        return get(user, id);
    }

    /** A deal the user made, or any deal of the team for owners and managers (they see members' data). */
    public Deal get(CurrentUser user, long id) {
        return repo.find(user.teamId(), id).filter(d -> d.userId().equals(user.userId()) || user.role().seesTeam())
                .orElseThrow(() -> new NotFoundException("deal", id));
    }

    /** Only a deal's maker moves it on; a manager who reads it is told so rather than "not found". */
    private Deal own(CurrentUser user, long id) {
        user.requireWriter();
        Deal deal = get(user, id);
        if (!deal.userId().equals(user.userId())) {
            throw new AccessDeniedException("only the member who made a deal moves it on");
        }
        return deal;
    }

    public List<Deal> list(CurrentUser user, ClientId client, DealStatus status) {
        return list(user, Whose.mine(), client, status);
    }

    /** The deals the user made, or (owners and managers) one member's or the whole team's. */
    public List<Deal> list(CurrentUser user, Whose whose, ClientId client, DealStatus status) {
        UserId member = accounts.reading(user, whose).orElse(null);
        return repo.list(user.teamId(), member, client, status);
    }

    /** A page of {@link #list(CurrentUser, Whose, ClientId, DealStatus)}, oldest first (the API's listing). */
    public Page<Deal> page(CurrentUser user, Whose whose, ClientId client, DealStatus status, String cursor,
                           int limit) {
        UserId member = accounts.reading(user, whose).orElse(null);
        return repo.page(user.teamId(), member, client, status, cursor == null ? null
                : Cursor.after(cursor, Cursor::instant), Page.limit(limit));
    }

    /**
     * Every deal with a client the user can see, whoever in the team made it: a colleague's deal on a
     * shared client asks its owner for updates, so the owner (and a manager) must be able to read it.
     */
    public List<Deal> onClient(CurrentUser user, ClientId client) {
        clients.require(user, client);
        return repo.onClient(user.teamId(), client);
    }

    /**
     * The deals whose milestones go in the user's calendar: their own, and colleagues' deals on the
     * user's clients that are open or not yet told (those ask the user, as owner, for the update).
     */
    public List<Deal> forCalendar(CurrentUser user) {
        Map<Long, Deal> byId = new LinkedHashMap<>();
        repo.list(user.teamId(), user.userId(), null, null).forEach(d -> byId.put(d.id(), d));
        repo.forOwner(user.teamId(), user.userId()).forEach(d -> byId.putIfAbsent(d.id(), d));
        return List.copyOf(byId.values());
    }

    /** Completes a milestone (by position or name); the client needs to hear about it. */
    @Transactional
    public Deal complete(CurrentUser user, long id, String milestone) {
        Deal deal = own(user, id);
        Deal.Milestone m = deal.find(milestone == null ? "" : milestone.strip())
                .orElseThrow(() -> new dev.rapport.shared.InvalidInputException("milestone", "no single milestone "
                        + "matches '" + milestone + "'; use its position (0-" + (deal.milestones().size() - 1)
                        + ") or name"));
        Deal done = deal.complete(m.position(), clock.instant());
        repo.save(user.teamId(), done);
        changed(user, done.clientId());
        return done;
    }

    @Transactional
    public Deal lose(CurrentUser user, long id) {
        Deal lost = own(user, id).lose(clock.instant());
        repo.save(user.teamId(), lost);
        changed(user, lost.clientId());
        return lost;
    }

    /** A deal counts in its client's owner's queue (and its maker's deal lists): mark both. */
    private void changed(CurrentUser user, ClientId client) {
        versions.changed(user.teamId(), user.userId());
        versions.clientsChanged(user.teamId(), List.of(client));
        events.publishEvent(new DealChanged(user.teamId(), client));
    }

    /** Open deals grouped by stage (furthest completed milestone), with count, value and ages. */
    public record Stage(String name, int deals, BigDecimal value, long oldestDays, int stale) {
    }

    public List<Stage> pipeline(CurrentUser user) {
        return pipeline(user, Whose.mine());
    }

    /** The pipeline of the user's deals, or (owners and managers) of one member's or the whole team's. */
    public List<Stage> pipeline(CurrentUser user, Whose whose) {
        return pipeline(user, list(user, whose, null, DealStatus.OPEN));
    }

    /** The pipeline of these open deals (a list the caller has read already), ages in the user's days. */
    public List<Stage> pipeline(CurrentUser user, List<Deal> open) {
        Instant now = clock.instant();
        Map<String, List<Deal>> byStage = new LinkedHashMap<>();
        for (Deal d : open) {
            byStage.computeIfAbsent(d.stage().map(Deal.Milestone::name).orElse("not started"), k -> new ArrayList<>())
                    .add(d);
        }
        return byStage.entrySet().stream().map(e -> new Stage(e.getKey(), e.getValue().size(),
                e.getValue().stream().map(d -> d.amount() == null ? BigDecimal.ZERO : d.amount())
                        .reduce(BigDecimal.ZERO, BigDecimal::add),
                e.getValue().stream().mapToLong(d -> Deal.daysBetween(d.createdAt(), now, user.zone())).max().orElse(0),
                (int) e.getValue().stream().filter(d -> d.stale(now, user.zone())).count())).toList();
    }

    /**
     * What the attention queue needs per client: an active listing, and the completed milestones of its
     * deals that the client may not have heard of (the queue keeps those completed at or after the
     * client's last real outbound touch).
     */
    public record ClientDeals(boolean activeListing, List<Deal.Milestone> completed) {
    }

    /**
     * The clients (of these, or of the whole team when null) with an active listing: an open deal past
     * its listing milestone, whoever in the team made it. The listing is the client's, as its cadence is.
     */
    public java.util.Set<ClientId> activeListings(TeamId team, java.util.Collection<ClientId> clients) {
        java.util.Set<ClientId> result = new java.util.HashSet<>();
        for (Deal d : repo.open(team, clients)) {
            if (d.activeListing()) {
                result.add(d.clientId());
            }
        }
        return result;
    }

    /**
     * The deals of the owner's active clients, whoever made them, for the owner's queue: a milestone
     * asks for a client update until a real outbound touch after it (PRODUCT.md), however long ago.
     */
    public Map<ClientId, ClientDeals> forQueue(TeamId team, UserId owner) {
        Map<ClientId, ClientDeals> result = new LinkedHashMap<>();
        for (Deal d : repo.forOwner(team, owner)) {
            ClientDeals sofar = result.getOrDefault(d.clientId(), new ClientDeals(false, List.of()));
            List<Deal.Milestone> completed = new ArrayList<>(sofar.completed());
            d.milestones().stream().filter(Deal.Milestone::done).forEach(completed::add);
            result.put(d.clientId(), new ClientDeals(sofar.activeListing() || d.activeListing(), completed));
        }
        return result;
    }
}
