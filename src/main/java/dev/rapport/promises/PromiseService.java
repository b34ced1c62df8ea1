package dev.rapport.promises;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.clients.ClientService;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.Cursor;
import dev.rapport.shared.NotFoundException;
import dev.rapport.shared.Page;
import dev.rapport.shared.Problems;
import dev.rapport.shared.QueueVersions;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.Whose;

/** Promises made to clients, tracked to kept or broken; the kept rate per user. */
@Service
public class PromiseService {
    /** A pending promise shows in the queue from this many days before its due date. */
    public static final int QUEUE_DAYS_AHEAD = 2;

    private final PromiseRepository repo;
    private final ClientService clients;
    private final AccountService accounts;
    private final QueueVersions versions;
    private final Clock clock;

    PromiseService(PromiseRepository repo, ClientService clients, AccountService accounts, QueueVersions versions,
                   Clock clock) {
        this.repo = repo;
        this.clients = clients;
        this.accounts = accounts;
        this.versions = versions;
        this.clock = clock;
    }

    @Transactional
    public Promise make(CurrentUser user, ClientId client, String text, LocalDate dueOn, LocalDate madeOn) {
        user.requireWriter();
        // locked: a transfer in progress either ends first (this reads the new owner) or waits for this
        // promise and hands it over with the client's other open work
        UserId owner = clients.lockOwner(user, client);
        LocalDate today = user.today(clock);
        LocalDate made = madeOn != null ? madeOn : today;
        new Problems()
                .check(text != null && !text.isBlank(), "text", "must say what you promised")
                .check(text == null || text.strip().length() <= 1000, "text", "must be at most 1000 characters")
                .check(dueOn != null, "dueOn", "must be a date")
                .checkDate(dueOn, "dueOn")
                .checkDate(madeOn, "madeOn")
                .check(!made.isAfter(today), "madeOn", "must not be in the future")
                .check(dueOn == null || !dueOn.isBefore(made), "dueOn", "must not be before madeOn (" + made + ")")
                .throwIfAny();
        Promise promise = new Promise(0, client, user.userId(), text.strip(), made, dueOn, dueOn, PromiseStatus.OPEN,
                0, null, null, clock.instant());
        long id = repo.insert(user.teamId(), promise, !user.userId().equals(owner));
        changed(user, client);
        return get(user, id);
    }

    /** A promise the user made, or any promise of the team for owners and managers (they see members' data). */
    public Promise get(CurrentUser user, long id) {
        return repo.find(user.teamId(), id).filter(p -> p.userId().equals(user.userId()) || user.role().seesTeam())
                .orElseThrow(() -> new NotFoundException("promise", id));
    }

    /** Only the member who made a promise keeps, breaks or renegotiates it. */
    private Promise own(CurrentUser user, long id) {
        user.requireWriter();
        Promise promise = get(user, id);
        if (!promise.userId().equals(user.userId())) {
            throw new AccessDeniedException("only the member who made a promise keeps, breaks or renegotiates it");
        }
        return promise;
    }

    public List<Promise> list(CurrentUser user, ClientId client, List<PromiseStatus> statuses) {
        return list(user, Whose.mine(), client, statuses);
    }

    /** The user's promises, or (owners and managers) one member's; not the whole team's. */
    public List<Promise> list(CurrentUser user, Whose whose, ClientId client, List<PromiseStatus> statuses) {
        return repo.list(user.teamId(), reading(user, whose, client), client, orAll(statuses));
    }

    /** A page of {@link #list(CurrentUser, Whose, ClientId, List)}, soonest due first (the API's listing). */
    public Page<Promise> page(CurrentUser user, Whose whose, ClientId client, List<PromiseStatus> statuses,
                              String cursor, int limit) {
        return repo.page(user.teamId(), reading(user, whose, client), client, orAll(statuses),
                cursor == null ? null : Cursor.after(cursor, Cursor::date), Page.limit(limit));
    }

    /** The member whose promises the user reads, after checking the user may see the client (if any). */
    private UserId reading(CurrentUser user, Whose whose, ClientId client) {
        UserId member = member(user, whose);
        if (client != null) {
            clients.require(user, client);
        }
        return member;
    }

    private static List<PromiseStatus> orAll(List<PromiseStatus> statuses) {
        return statuses.isEmpty() ? List.of(PromiseStatus.values()) : statuses;
    }

    /** The user's (or, for owners and managers, a member's) most recently kept or broken promises. */
    public List<Promise> recentlyClosed(CurrentUser user, Whose whose, int limit) {
        return repo.recentlyClosed(user.teamId(), member(user, whose), limit);
    }

    private UserId member(CurrentUser user, Whose whose) {
        return accounts.readingAs(user, whose).userId();
    }

    @Transactional
    public Promise keep(CurrentUser user, long id) {
        Promise kept = own(user, id).keep(clock.instant());
        save(user, kept);
        return kept;
    }

    @Transactional
    public Promise breakPromise(CurrentUser user, long id, String reason) {
        Promise broken = own(user, id).breakIt(reason, clock.instant());
        save(user, broken);
        return broken;
    }

    @Transactional
    public Promise renegotiate(CurrentUser user, long id, LocalDate dueOn, String reason) {
        Promise moved = own(user, id).renegotiate(Problems.requirePlausible(dueOn, "dueOn"), reason, user.today(clock));
        save(user, moved);
        return moved;
    }

    private void save(CurrentUser user, Promise promise) {
        repo.save(user.teamId(), promise);
        changed(user, promise.clientId());
    }

    /** A pending promise is in its client's owner's queue, whoever made it (the maker's only as owner). */
    private void changed(CurrentUser user, ClientId client) {
        versions.clientsChanged(user.teamId(), List.of(client));
    }

    /**
     * Every promise to a client the user can see, whoever in the team made it: the client's owner (and a
     * colleague who serves it too) must know what was promised. Only its maker moves a promise on.
     */
    public List<Promise> onClient(CurrentUser user, ClientId client) {
        clients.require(user, client);
        return repo.list(user.teamId(), null, client, List.of(PromiseStatus.values()));
    }

    /**
     * The promises whose due dates go in the user's calendar: their own pending ones, and colleagues'
     * pending promises to the user's clients (those remind the user, as owner, in the queue too).
     */
    public List<Promise> forCalendar(CurrentUser user) {
        List<Promise> all = new java.util.ArrayList<>(repo.list(user.teamId(), user.userId(), null,
                List.of(PromiseStatus.OPEN, PromiseStatus.RENEGOTIATED)));
        all.addAll(repo.colleaguesPendingForOwner(user.teamId(), user.userId()));
        return all;
    }

    /** The user's pending promises due within QUEUE_DAYS_AHEAD days of the day, or already due (the digest). */
    public List<Promise> dueSoon(TeamId team, UserId user, LocalDate day) {
        return repo.pendingDueBy(team, user, day.plusDays(QUEUE_DAYS_AHEAD));
    }

    /**
     * For the owner's queue: the pending promises on their clients, whoever made them, due from the day
     * to QUEUE_DAYS_AHEAD days later (PRODUCT.md: in the queue when 0 <= due - today <= 2).
     */
    public List<Promise> forQueue(TeamId team, UserId owner, LocalDate day) {
        return repo.pendingForOwner(team, owner, day, day.plusDays(QUEUE_DAYS_AHEAD));
    }

    /** kept / (kept + broken) over promises whose (new) due date falls in the period; null when none closed. */
    public record KeptRate(LocalDate from, LocalDate to, long kept, long broken, Double rate) {
    }

    /** Kept and broken promises of one user (day null) or due on one day (user null). */
    public record ClosedCount(UserId user, LocalDate day, long kept, long broken) {
    }

    /**
     * The team's kept and broken promises whose (new) due date falls in the period, per user or per
     * due day: one grouped query for a whole team, however many members (the manager dashboard);
     * one member's when only is not null.
     */
    public List<ClosedCount> closedByUser(TeamId team, UserId only, LocalDate from, LocalDate to) {
        return repo.keptAndBrokenByTeam(team, only, from, to, false);
    }

    public List<ClosedCount> closedByDay(TeamId team, UserId only, LocalDate from, LocalDate to) {
        return repo.keptAndBrokenByTeam(team, only, from, to, true);
    }

    public KeptRate keptRate(CurrentUser user, LocalDate from, LocalDate to) {
        return keptRate(user, Whose.mine(), from, to);
    }

    public KeptRate keptRate(CurrentUser user, Whose whose, LocalDate from, LocalDate to) {
        UserId member = member(user, whose);
        new Problems().check(from != null && to != null && !to.isBefore(from), "to", "must not be before from")
                .throwIfAny();
        long[] counts = repo.keptAndBroken(user.teamId(), member, from, to);
        long closed = counts[0] + counts[1];
        return new KeptRate(from, to, counts[0], counts[1], closed == 0 ? null : 100.0 * counts[0] / closed);
    }
}
