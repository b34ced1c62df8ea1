package dev.rapport.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.rapport.attention.AttentionService;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientService;
import dev.rapport.deals.Deal;
import dev.rapport.deals.DealService;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseService;
import dev.rapport.shared.Audited;
import dev.rapport.shared.ClientId;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.MemberRemoving;
import dev.rapport.teams.Secrets;

/**
 * The per-user secret calendar feed: one per user and team, its token stored only as SHA-256.
 * The feed shows only the caller's own data in that team: follow-ups of the clients they own,
 * their promises and the milestones of their deals and of colleagues' open or untold deals on their
 * clients (those ask the owner for the update). Viewers may have one (it is personal, like an API
 * token): it shows the clients they own, usually none.
 */
@Service
public class CalendarFeedService {
    private final CalendarFeedRepository repo;
    private final AccountService accounts;
    private final AttentionService attention;
    private final PromiseService promises;
    private final DealService deals;
    private final ClientService clients;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CalendarFeedService(CalendarFeedRepository repo, AccountService accounts, AttentionService attention,
                        PromiseService promises, DealService deals, ClientService clients,
                        ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.accounts = accounts;
        this.attention = attention;
        this.promises = promises;
        this.deals = deals;
        this.clients = clients;
        this.events = events;
        this.clock = clock;
    }

    /** The URL path of a feed: /ical/TOKEN.ics. */
    public static String path(String token) {
        return "/ical/" + token + ".ics";
    }

    public Optional<CalendarFeed> status(CurrentUser user) {
        return repo.find(user.teamId(), user.userId());
    }

    /** Creates the feed, or replaces its secret (the old URL answers 404 from now on). */
    @Transactional
    public IssuedCalendarFeed issue(CurrentUser user) {
        requireWritableToken(user);
        boolean existed = repo.find(user.teamId(), user.userId()).isPresent();
        String token = Secrets.random();
        Instant now = clock.instant();
        repo.save(user.teamId(), user.userId(), Secrets.sha256(token), now);
        events.publishEvent(new Audited(user.teamId(), user.userId(),
                existed ? "calendar.feed.regenerated" : "calendar.feed.created",
                existed ? "calendar feed URL replaced; the old one stopped working" : "calendar feed URL created",
                null));
        return new IssuedCalendarFeed(path(token), now);
    }

    /** Revokes the feed; true when there was one. */
    @Transactional
    public boolean revoke(CurrentUser user) {
        requireWritableToken(user);
        boolean revoked = repo.delete(user.teamId(), user.userId());
        if (revoked) {
            events.publishEvent(new Audited(user.teamId(), user.userId(), "calendar.feed.revoked",
                    "calendar feed URL revoked", null));
        }
        return revoked;
    }

    /**
     * A feed is personal, so viewers may manage theirs; a read-only API token may not, least of all
     * mint a feed URL that would outlive the token.
     */
    private static void requireWritableToken(CurrentUser user) {
        if (user.readOnly()) {
            throw new AccessDeniedException("this API token is read-only");
        }
    }

    /** A member leaving the team takes their feed along: were they invited back, the old URL stays dead. */
    @EventListener
    void memberRemoving(MemberRemoving event) {
        repo.delete(event.teamId(), event.memberId());
    }

    /** Whose feed a token opens: empty for unknown or revoked tokens and for users who left the team. */
    @Transactional
    public Optional<CurrentUser> open(String token) {
        if (!CalendarLinks.wellFormedToken(token)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        Optional<CurrentUser> user = repo.findByToken(hash).flatMap(o -> accounts.member(o.team(), o.user()));
        user.ifPresent(u -> repo.fetched(u.teamId(), hash, clock.instant()));
        return user;
    }

    /** The feed as iCalendar text, with an ETag that changes only when an event does. */
    public record Ical(String body, String etag) {
    }

    public Ical render(CurrentUser user, String baseUrl) {
        LocalDate today = user.today(clock);
        CalendarEntries entries = new CalendarEntries(today, user.zone(), baseUrl);
        List<Promise> pending = promises.forCalendar(user);
        List<Deal> withMilestones = deals.forCalendar(user);
        Set<ClientId> ids = new HashSet<>();
        pending.forEach(p -> ids.add(p.clientId()));
        withMilestones.forEach(d -> ids.add(d.clientId()));
        Map<ClientId, Client> byId = ids.isEmpty() ? Map.of() : clients.getAll(user, ids);
        Map<dev.rapport.shared.UserId, String> names = pending.stream().allMatch(p -> p.userId().equals(user.userId()))
                ? Map.of() : accounts.memberNames(user.teamId());
        List<CalendarEntry> list = entries.build(attention.followUps(user), pending, withMilestones, byId,
                p -> p.userId().equals(user.userId()) ? null : names.getOrDefault(p.userId(), "a former member"));
        String name = "Rapport: " + user.displayName() + " (" + accounts.teamName(user.teamId()) + ")";
        String body = IcalWriter.write(name, user.zone(), clock.instant(), list);
        String etag = "\"" + Secrets.sha256(name + "|" + user.zone().getId() + "|" + list).substring(0, 32) + "\"";
        return new Ical(body, etag);
    }
}
